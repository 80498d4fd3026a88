@testable import Detectors
import Testing

/// Numbers with their control letters as the Ministerio del Interior documents them: its worked
/// example 12345678 → Z, the NIE example X1234567L, and the DNI specimen 99999999R.
private let published = ["12345678Z", "X1234567L", "99999999R"]

@Suite("Spanish DNI/NIE control letter")
struct SpanishIdentityLetterTests {
    @Test("published numbers pass", arguments: published)
    func valid(identifier: String) {
        #expect(SpanishIdentityLetter.isValid(identifier.utf8))
    }

    @Test("any other letter fails", arguments: published)
    func mutatedLetter(identifier: String) {
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" where letter != identifier.last {
            #expect(!SpanishIdentityLetter.isValid((identifier.dropLast() + String(letter)).utf8))
        }
    }

    @Test("each remainder maps to the table's letter")
    func table() {
        let table = Array("TRWAGMYFPDXBNJZSQVHLCKE")
        for remainder in 0..<23 {
            #expect(SpanishIdentityLetter.letter(for: 23 * 1000 + remainder) == table[remainder])
        }
        #expect(SpanishIdentityLetter.letter(for: -1) == nil)
        #expect(SpanishIdentityLetter.letter(for: 100_000_000) == nil)
    }

    @Test("the NIE prefixes stand for 0, 1 and 2")
    func niePrefixes() {
        #expect(SpanishIdentityLetter.isValid("Y1234567X".utf8))   // 11234567 mod 23 = 10
        #expect(SpanishIdentityLetter.isValid("Z1234567R".utf8))   // 21234567 mod 23 = 1
    }

    @Test("malformed identifiers fail", arguments: ["1234567Z", "123456789Z", "A1234567L", "12345678", "1234567AZ"])
    func malformed(identifier: String) {
        #expect(!SpanishIdentityLetter.isValid(identifier.utf8))
    }
}
