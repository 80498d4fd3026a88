@testable import Detectors
import Testing

/// Vectors: the Receita Federal's example of the alphanumeric CNPJ (12.ABC.345/01DE-35,
/// announced with IN RFB 2.229/2024), the numeric CNPJ of its validation examples
/// (11.222.333/0001-81), and python-stdnum's `br.cnpj` doctests (16.727.230/0001-97 valid, -98 invalid).
@Suite("Brazil CNPJ check digits")
struct BrazilCNPJCheckDigitsTests {
    static let valid = ["12.ABC.345/01DE-35", "11.222.333/0001-81", "16.727.230/0001-97"]

    private static func characters(_ number: String) -> [UInt8] {
        Array(number.utf8.filter { !"./-".utf8.contains($0) })
    }

    @Test("published numbers pass", arguments: valid)
    func published(number: String) {
        #expect(BrazilCNPJCheckDigits.isValid(Self.characters(number)))
    }

    @Test("the computed check digits are the published ones", arguments: valid)
    func checkDigits(number: String) {
        let all = Self.characters(number)
        let computed = BrazilCNPJCheckDigits.checkDigits(for: all.prefix(12))
        #expect(computed?.0 == Int(all[12]) - 48 && computed?.1 == Int(all[13]) - 48)
    }

    @Test("a wrong check digit, lower case or a repeated character fails", arguments: [
        "12.ABC.345/01DE-36", "11.222.333/0001-82", "16.727.230/0001-98", "12.abc.345/01de-35",
        "00.000.000/0000-00", "11.111.111/1111-11",
    ])
    func invalid(number: String) {
        #expect(!BrazilCNPJCheckDigits.isValid(Self.characters(number)))
    }

    @Test("letters are valued as ASCII minus 48")
    func letterValues() {
        #expect(BrazilCNPJCheckDigits.value(of: UInt8(ascii: "A")) == 17)
        #expect(BrazilCNPJCheckDigits.value(of: UInt8(ascii: "Z")) == 42)
        #expect(BrazilCNPJCheckDigits.value(of: UInt8(ascii: "a")) == nil)
    }
}
