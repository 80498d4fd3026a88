@testable import Detectors
import Testing

/// Published routing numbers: the twelve Federal Reserve Banks' own (Boston to San Francisco,
/// as the Federal Reserve's E-Payments Routing Directory lists them), the example of the ABA
/// routing transit number article on Wikipedia (111000025) and JPMorgan Chase's New York number,
/// which the bank publishes (021000021).
private let publishedNumbers = [
    "011000015", "021001208", "031000040", "041000014", "051000033", "061000146", "071000301",
    "081000045", "091000080", "101000048", "111000038", "121000374", "111000025", "021000021",
]

private func digits(_ text: String) -> [Int] { text.compactMap(\.wholeNumberValue) }

@Suite("Checksums: ABA routing number")
struct ABARoutingNumberTests {
    @Test("published numbers pass", arguments: publishedNumbers)
    func published(number: String) {
        #expect(ABARoutingNumber.isValid(digits(number)))
    }

    @Test("a changed last digit fails", arguments: publishedNumbers)
    func mutatedCheckDigit(number: String) {
        var all = digits(number)
        all[8] = (all[8] + 1) % 10
        #expect(!ABARoutingNumber.hasValidChecksum(all))
    }

    @Test("a checksum-valid number with an unassigned prefix fails", arguments: [
        "131000018",  // 13
        "331000012",  // 33
        "501000017",  // 50
        "811000011",  // 81
        "991234561",  // 99
    ])
    func unassignedPrefix(number: String) {
        #expect(ABARoutingNumber.hasValidChecksum(digits(number)))
        #expect(!ABARoutingNumber.isValid(digits(number)))
    }

    @Test("wrong counts and out-of-range values are invalid")
    func degenerate() {
        #expect(!ABARoutingNumber.isValid(digits("02100002")))
        #expect(!ABARoutingNumber.isValid([0, 2, 1, 0, 0, 0, 0, 2, 11]))
    }
}
