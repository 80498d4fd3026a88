@testable import Detectors
import Testing

/// Vectors: the nine-digit TFN of the worked example tax practitioners publish and of
/// python-stdnum's `au.tfn` doctest (123 456 782; 999 999 999 invalid), and eight-digit TFNs
/// quoted with the eight-digit weights (10, 7, 8, 4, 6, 3, 5, 1) in public descriptions of the
/// algorithm such as Wikipedia's "Tax file number".
@Suite("Australia TFN checksum")
struct AustraliaTFNChecksumTests {
    static let valid = ["123 456 782", "37118629", "37118660", "38593474", "85655797"]

    @Test("published numbers pass", arguments: valid)
    func published(number: String) {
        #expect(AustraliaTFNChecksum.isValid(number.compactMap(\.wholeNumberValue)))
    }

    @Test("a changed last digit fails", arguments: valid)
    func mutated(number: String) {
        var digits = number.compactMap(\.wholeNumberValue)
        digits[digits.count - 1] = (digits[digits.count - 1] + 1) % 10
        #expect(!AustraliaTFNChecksum.isValid(digits))
    }

    @Test("python-stdnum's invalid example and wrong lengths fail")
    func invalid() {
        #expect(!AustraliaTFNChecksum.isValid(Array(repeating: 9, count: 9)))
        #expect(!AustraliaTFNChecksum.isValid([1, 2, 3, 4, 5, 6, 7]))
        #expect(!AustraliaTFNChecksum.isValid(Array(repeating: 0, count: 10)))
    }
}
