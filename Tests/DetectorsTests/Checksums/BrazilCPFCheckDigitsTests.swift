@testable import Detectors
import Testing

/// Vectors: python-stdnum's `br.cpf` doctests (390.533.447-05 valid, 231.002.999-00 invalid)
/// and two CPFs used as examples throughout Brazilian validation documentation
/// (111.444.777-35, 529.982.247-25).
@Suite("Brazil CPF check digits")
struct BrazilCPFCheckDigitsTests {
    static let valid = ["390.533.447-05", "111.444.777-35", "529.982.247-25"]

    @Test("published numbers pass", arguments: valid)
    func published(number: String) {
        #expect(BrazilCPFCheckDigits.isValid(number.compactMap(\.wholeNumberValue)))
    }

    @Test("the computed check digits are the published ones", arguments: valid)
    func checkDigits(number: String) {
        let digits = number.compactMap(\.wholeNumberValue)
        let computed = BrazilCPFCheckDigits.checkDigits(for: Array(digits.prefix(9)))
        #expect(computed?.0 == digits[9] && computed?.1 == digits[10])
    }

    @Test("a wrong check digit or a repeated digit fails", arguments: [
        "231.002.999-00", "390.533.447-06", "390.533.447-15", "111.111.111-11", "000.000.000-00",
    ])
    func invalid(number: String) {
        #expect(!BrazilCPFCheckDigits.isValid(number.compactMap(\.wholeNumberValue)))
    }

    @Test("wrong lengths are invalid")
    func lengths() {
        #expect(!BrazilCPFCheckDigits.isValid([3, 9, 0, 5, 3, 3, 4, 4, 7, 0]))
        #expect(BrazilCPFCheckDigits.checkDigits(for: [1, 2, 3]) == nil)
    }
}
