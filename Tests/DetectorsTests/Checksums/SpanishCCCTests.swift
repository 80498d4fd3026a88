@testable import Detectors
import Testing

/// Published Spanish códigos cuenta cliente: the BBANs of the SWIFT IBAN registry's example
/// (ES91 2100 0418 4502 0005 1332) and of the example in earlier registry releases and the
/// ECBS IBAN standard (ES79 2100 0813 6101 2345 6789).
private let publishedCCCs = ["21000418450200051332", "21000813610123456789"]

private func digits(_ text: String) -> [Int] { text.compactMap(\.wholeNumberValue) }

@Suite("Checksums: Spanish CCC")
struct SpanishCCCTests {
    @Test("published CCCs pass", arguments: publishedCCCs)
    func published(ccc: String) {
        #expect(SpanishCCC.isValid(digits(ccc)))
    }

    @Test("the computed control digits are the published ones", arguments: publishedCCCs)
    func controlDigits(ccc: String) {
        let all = digits(ccc)
        #expect(SpanishCCC.controlDigit(ArraySlice([0, 0] + all[0..<8])) == all[8])
        #expect(SpanishCCC.controlDigit(all[10..<20]) == all[9])
    }

    @Test("every other pair of control digits fails", arguments: publishedCCCs)
    func otherControlDigits(ccc: String) {
        let all = digits(ccc)
        for first in 0...9 {
            for second in 0...9 where (first, second) != (all[8], all[9]) {
                var mutated = all
                mutated[8] = first
                mutated[9] = second
                #expect(!SpanishCCC.isValid(mutated))
            }
        }
    }

    @Test("the remainders 10 and 11 are written 1 and 0")
    func specialRemainders() {
        // Weighted sums 1 (11 - 1 = 10, written 1) and 0 (11, written 0).
        #expect(SpanishCCC.controlDigit([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]) == 1)
        #expect(SpanishCCC.controlDigit([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) == 0)
    }

    @Test("wrong counts and out-of-range values are invalid")
    func degenerate() {
        #expect(!SpanishCCC.isValid(digits("2100041845020005133")))
        #expect(SpanishCCC.controlDigit([1, 2, 3]) == nil)
        #expect(SpanishCCC.controlDigit([0, 0, 0, 0, 0, 0, 0, 0, 0, 10]) == nil)
    }
}
