@testable import Detectors
import Testing

/// Numbers with their control letters as the Ministerio del Interior documents them: its worked
/// example 12345678 → Z, the NIE example X1234567L, and the DNI specimen 99999999R.
private let published = ["12345678Z", "X1234567L", "99999999R"]

@Suite("Spanish DNI/NIE control letter: Ministerio del Interior examples")
struct SpanishControlLetterPublishedTests {
    @Test("published numbers pass", arguments: published)
    func valid(identifier: String) {
        #expect(SpanishControlLetter.isValid(Array(identifier.utf8)))
    }

    @Test("any other letter fails", arguments: published)
    func mutatedLetter(identifier: String) {
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" where letter != identifier.last {
            #expect(!SpanishControlLetter.isValid(Array((identifier.dropLast() + String(letter)).utf8)))
        }
    }

    @Test("each remainder maps to the table's letter")
    func table() {
        let table = Array("TRWAGMYFPDXBNJZSQVHLCKE")
        for remainder in 0..<23 {
            #expect(SpanishControlLetter.letter(for: 23 * 1000 + remainder) == table[remainder].asciiValue)
        }
        #expect(SpanishControlLetter.letter(for: -1) == nil)
    }

    @Test("the NIE prefixes stand for 0, 1 and 2")
    func niePrefixes() {
        #expect(SpanishControlLetter.isValid(Array("Y1234567X".utf8)))   // 11234567 mod 23 = 10
        #expect(SpanishControlLetter.isValid(Array("Z1234567R".utf8)))   // 21234567 mod 23 = 1
    }

    @Test("malformed identifiers fail", arguments: ["1234567Z", "123456789Z", "A1234567L", "12345678", "1234567AZ"])
    func malformed(identifier: String) {
        #expect(!SpanishControlLetter.isValid(Array(identifier.utf8)))
    }
}
