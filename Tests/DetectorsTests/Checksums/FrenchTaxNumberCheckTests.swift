@testable import Detectors
import Testing

/// The EU's TIN specification for France (TIN on the Web, "numéro fiscal de référence"): its
/// specimen 30 23 217 600 053, whose last three digits are 3023217600 mod 511.
@Suite("French tax number check")
struct FrenchTaxNumberCheckTests {
    @Test("the published specimen passes")
    func specimen() {
        let digits = "3023217600053".compactMap(\.wholeNumberValue)
        #expect(FrenchTaxNumberCheck.isValid(digits))
        #expect(FrenchTaxNumberCheck.checkValue(for: Array(digits.prefix(10))) == 53)
    }

    @Test("changed check digits or body fail", arguments: ["3023217600054", "3023217600153", "3023217601053"])
    func mutated(number: String) {
        #expect(!FrenchTaxNumberCheck.isValid(number.compactMap(\.wholeNumberValue)))
    }

    @Test("wrong lengths")
    func lengths() {
        #expect(!FrenchTaxNumberCheck.isValid([3, 0, 2, 3]))
        #expect(FrenchTaxNumberCheck.checkValue(for: [1, 2, 3]) == nil)
    }
}
