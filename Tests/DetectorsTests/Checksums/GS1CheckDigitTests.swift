@testable import Detectors
import Testing

private func digits(_ number: String) -> [Int] { number.compactMap(\.wholeNumberValue) }

@Suite("GS1 check digit")
struct GS1CheckDigitTests {
    /// GS1's published examples: 6291041500213 (GS1 check digit calculator), 09521234543213
    /// (a GTIN-14 on the demonstration prefix 952 used in the GS1 General Specifications'
    /// figures), 4006381333931 (the EAN-13 example of ISO/IEC 15420 primers).
    static let vectors = ["6291041500213", "09521234543213", "4006381333931"]

    @Test("published GTINs pass", arguments: vectors)
    func published(number: String) {
        #expect(GS1CheckDigit.isValid(digits(number)))
        let all = digits(number)
        #expect(GS1CheckDigit.checkDigit(for: Array(all.dropLast())) == all.last)
    }

    @Test("a mutated check digit fails", arguments: vectors)
    func mutated(number: String) {
        var all = digits(number)
        all[all.count - 1] = (all[all.count - 1] + 1) % 10
        #expect(!GS1CheckDigit.isValid(all))
    }

    @Test("leading zeros do not change the check digit (GTIN-13 inside GTIN-14)")
    func leadingZeros() {
        #expect(GS1CheckDigit.isValid(digits("06291041500213")))
    }

    @Test("degenerate input is invalid")
    func degenerate() {
        #expect(!GS1CheckDigit.isValid([]))
        #expect(!GS1CheckDigit.isValid([0]))
        #expect(GS1CheckDigit.checkDigit(for: [1, 10]) == nil)
    }
}
