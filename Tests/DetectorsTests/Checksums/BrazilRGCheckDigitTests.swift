@testable import Detectors
import Testing

/// São Paulo's RG check character has no official published specimen; these vectors are the
/// example used by Brazilian validation libraries (31.203.131-2) and numbers worked by hand
/// from the SSP-SP rule (weights 2...9, 11 - sum mod 11, 10 -> X, 11 -> 0).
@Suite("Brazil RG (SP) check character")
struct BrazilRGCheckDigitTests {
    static let valid = ["31.203.131-2", "24.678.131-2", "11.111.111-0", "12.345.671-X"]

    private static func characters(_ number: String) -> [UInt8] {
        Array(number.utf8.filter { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-") })
    }

    @Test("valid numbers pass", arguments: valid)
    func passes(number: String) {
        #expect(BrazilRGCheckDigit.isValid(Self.characters(number)))
    }

    @Test("the computed check character is the written one", arguments: valid)
    func checkCharacter(number: String) {
        let all = Self.characters(number)
        #expect(BrazilRGCheckDigit.checkCharacter(for: all.prefix(8).map { Int($0) - 48 }) == all[8])
    }

    @Test("a wrong check character fails", arguments: ["31.203.131-3", "24.678.131-X", "12.345.670-0"])
    func invalid(number: String) {
        #expect(!BrazilRGCheckDigit.isValid(Self.characters(number)))
    }

    @Test("a lower-case x is read as X")
    func lowerCaseX() {
        #expect(BrazilRGCheckDigit.isValid(Array("12345671x".utf8)))
    }
}
