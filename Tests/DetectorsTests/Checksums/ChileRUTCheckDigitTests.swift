@testable import Detectors
import Testing

/// Vectors: python-stdnum's `cl.rut` doctests (76086428-5 and 12531909-2 valid, 12531909-3
/// invalid), and examples from a payment provider's Chilean document-type reference
/// (8.900.960-K with a K check character, 17.298.356-1).
@Suite("Chile RUT check character")
struct ChileRUTCheckDigitTests {
    static let valid = ["76.086.428-5", "12.531.909-2", "8.900.960-K", "17.298.356-1"]

    private static func split(_ number: String) -> ([Int], UInt8) {
        let characters = Array(number.utf8.filter { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-") })
        return (characters.dropLast().map { Int($0) - 48 }, characters[characters.count - 1])
    }

    @Test("published numbers pass", arguments: valid)
    func published(number: String) {
        let (body, check) = Self.split(number)
        #expect(ChileRUTCheckDigit.isValid(body: body, check: check))
        #expect(ChileRUTCheckDigit.checkCharacter(for: body) == check)
    }

    @Test("a wrong check character fails", arguments: ["76.086.428-6", "12.531.909-3", "8.900.960-0"])
    func invalid(number: String) {
        let (body, check) = Self.split(number)
        #expect(!ChileRUTCheckDigit.isValid(body: body, check: check))
    }

    @Test("a lower-case k is read as K; empty or long bodies are invalid")
    func edges() {
        #expect(ChileRUTCheckDigit.isValid(body: [8, 9, 0, 0, 9, 6, 0], check: UInt8(ascii: "k")))
        #expect(ChileRUTCheckDigit.checkCharacter(for: []) == nil)
        #expect(ChileRUTCheckDigit.checkCharacter(for: Array(repeating: 1, count: 10)) == nil)
    }
}
