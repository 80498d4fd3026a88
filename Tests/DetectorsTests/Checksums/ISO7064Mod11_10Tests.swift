@testable import Detectors
import Testing

/// Steuer-IdNr vectors: the Bundeszentralamt für Steuern's example 86 095 742 719 (as printed
/// on its information pages and in de.wikipedia "Steuerliche Identifikationsnummer"), and the
/// examples of python-stdnum's `de.idnr` module.
@Suite("ISO 7064 MOD 11,10")
struct ISO7064Mod11_10Tests {
    static let vectors = ["86095742719", "36574261809", "65929970489", "57549285017", "25768131411"]

    @Test("published numbers pass and their check digit is recomputed", arguments: vectors)
    func published(number: String) {
        let digits = number.compactMap(\.wholeNumberValue)
        #expect(ISO7064Mod11_10.isValid(digits))
        #expect(ISO7064Mod11_10.checkDigit(for: Array(digits.dropLast())) == digits.last)
    }

    @Test("every other check digit fails", arguments: vectors)
    func mutated(number: String) {
        var digits = number.compactMap(\.wholeNumberValue)
        let check = digits.removeLast()
        for wrong in 0...9 where wrong != check {
            #expect(!ISO7064Mod11_10.isValid(digits + [wrong]))
        }
    }

    @Test("degenerate input")
    func degenerate() {
        #expect(ISO7064Mod11_10.checkDigit(for: []) == nil)
        #expect(ISO7064Mod11_10.checkDigit(for: [1, 12]) == nil)
        #expect(!ISO7064Mod11_10.isValid([5]))
    }
}
