@testable import Detectors
import Testing

/// Vectors: the DIAN's own NIT as it publishes it (800.197.268-4), and python-stdnum's
/// `co.nit` doctests (213.123.432-1 and 213.123.435-1 valid, 213.123.435-0 invalid).
@Suite("Colombia NIT check digit")
struct ColombiaNITCheckDigitTests {
    static let valid = ["800.197.268-4", "213.123.432-1", "213.123.435-1"]

    @Test("published numbers pass", arguments: valid)
    func published(number: String) {
        let digits = number.compactMap(\.wholeNumberValue)
        #expect(ColombiaNITCheckDigit.isValid(digits))
        #expect(ColombiaNITCheckDigit.checkDigit(for: Array(digits.dropLast())) == digits.last)
    }

    @Test("a wrong check digit fails", arguments: ["800.197.268-5", "213.123.432-0", "213.123.435-0"])
    func invalid(number: String) {
        #expect(!ColombiaNITCheckDigit.isValid(number.compactMap(\.wholeNumberValue)))
    }

    @Test("bodies longer than the weights are rejected")
    func tooLong() {
        #expect(ColombiaNITCheckDigit.checkDigit(for: Array(repeating: 1, count: 16)) == nil)
        #expect(!ColombiaNITCheckDigit.isValid([4]))
    }
}
