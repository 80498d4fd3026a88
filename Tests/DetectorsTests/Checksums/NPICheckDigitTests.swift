@testable import Detectors
import Testing

private func digits(_ number: String) -> [Int] { number.compactMap(\.wholeNumberValue) }

@Suite("NPI check digit")
struct NPICheckDigitTests {
    /// CMS, "Requirements for NPI Check Digit" (NPPES): the worked example computes check
    /// digit 3 for the nine-digit identifier part 123456789.
    static let vectors = ["1234567893"]

    @Test("CMS's worked example passes", arguments: vectors)
    func published(number: String) {
        #expect(NPICheckDigit.isValid(digits(number)))
        #expect(NPICheckDigit.checkDigit(for: Array(digits(number).prefix(9))) == 3)
    }

    @Test("every other final digit fails", arguments: 0...9)
    func mutated(last: Int) {
        guard last != 3 else { return }
        #expect(!NPICheckDigit.isValid(digits("123456789") + [last]))
    }

    @Test("the 80840 prefix matters: a plain Luhn number is not an NPI")
    func prefixMatters() {
        // 1234567897 passes plain Luhn but not Luhn with the prefix (the constant 24 in CMS's
        // second example).
        #expect(Luhn.isValid(digits("1234567897")))
        #expect(!NPICheckDigit.isValid(digits("1234567897")))
    }

    @Test("wrong lengths and out-of-range values are invalid")
    func degenerate() {
        #expect(!NPICheckDigit.isValid(digits("123456789")))
        #expect(!NPICheckDigit.isValid(digits("12345678930")))
        #expect(NPICheckDigit.checkDigit(for: [1, 2, 3, 4, 5, 6, 7, 8, 10]) == nil)
    }
}
