@testable import Detectors
import Testing

/// Ministerio del Interior, "Cálculo del dígito de control del NIF/NIE": the table
/// TRWAGMYFPDXBNJZSQVHLCKE, the specimen DNI 99999999R and the example 12345678Z; NIE and K/L/M
/// NIF examples of python-stdnum's `es` modules (X1111111G, L1111111G, 11111111H).
@Suite("Spanish control letter")
struct SpanishControlLetterTests {
    static let vectors = ["12345678Z", "99999999R", "11111111H", "00000000T", "X1111111G", "X1234567L",
                            "Y0000000Z", "Z0000000M", "L1111111G"]

    @Test("published numbers pass", arguments: vectors)
    func published(number: String) {
        #expect(SpanishControlLetter.isValid(number))
    }

    @Test("every other letter fails", arguments: vectors)
    func mutated(number: String) {
        for letter in SpanishControlLetter.letters where letter != number.utf8.last {
            #expect(!SpanishControlLetter.isValid(Array(number.utf8.dropLast()) + [letter]))
        }
    }

    @Test("shapes that are not DNI, NIE or K/L/M NIF", arguments: [
        "1234567Z", "123456789Z", "A1234567L", "X123456AL", "12345678z",
    ])
    func shapes(number: String) {
        #expect(!SpanishControlLetter.isValid(number))
    }
}
