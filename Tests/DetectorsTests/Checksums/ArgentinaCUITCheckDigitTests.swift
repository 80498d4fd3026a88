@testable import Detectors
import Testing

/// Vectors: AFIP's own CUIT as it publishes it (33-69345023-9), and python-stdnum's `ar.cuit`
/// doctests (20-05536168-2, 20-26756539-3; 20-26756539-2 has a wrong check digit).
@Suite("Argentina CUIT check digit")
struct ArgentinaCUITCheckDigitTests {
    static let valid = ["33-69345023-9", "20-05536168-2", "20-26756539-3"]

    @Test("published numbers pass", arguments: valid)
    func published(number: String) {
        let digits = number.compactMap(\.wholeNumberValue)
        #expect(ArgentinaCUITCheckDigit.isValid(digits))
        #expect(ArgentinaCUITCheckDigit.checkDigit(for: Array(digits.prefix(10))) == digits[10])
    }

    @Test("a wrong check digit fails", arguments: ["33-69345023-8", "20-26756539-2", "20-05536168-3"])
    func invalid(number: String) {
        #expect(!ArgentinaCUITCheckDigit.isValid(number.compactMap(\.wholeNumberValue)))
    }

    @Test("a stem whose check would be 10 has none")
    func noCheckDigit() {
        // 20-00000001: 5*2 + 4*0 + 2*1 = 12, 11 - 12 % 11 = 10.
        #expect(ArgentinaCUITCheckDigit.checkDigit(for: [2, 0, 0, 0, 0, 0, 0, 0, 0, 1]) == nil)
    }
}
