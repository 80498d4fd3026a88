@testable import Detectors
import Testing

/// UTR vectors: HMRC's own validator (remainder table 2, 1, 9, 8, 7, 6, 5, 4, 3, 2, 1 over weights
/// 6, 7, 8, 9, 10, 5, 4, 3, 2) and the UTRs in the test data of HMRC's open-source services
/// (2432552635 in individuals-income, 1234567895 in pay-api).
@Suite("UTR check digit")
struct UTRCheckDigitTests {
    static let vectors = ["2432552635", "1234567895"]

    @Test("published numbers pass", arguments: vectors)
    func published(number: String) {
        let digits = number.compactMap(\.wholeNumberValue)
        #expect(UTRCheckDigit.isValid(digits))
        #expect(UTRCheckDigit.checkDigit(for: Array(digits.dropFirst())) == digits.first)
    }

    @Test("every other first digit fails", arguments: vectors)
    func mutated(number: String) {
        let digits = number.compactMap(\.wholeNumberValue)
        for wrong in 0...9 where wrong != digits[0] {
            #expect(!UTRCheckDigit.isValid([wrong] + digits.dropFirst()))
        }
    }

    @Test("HMRC's form example 1234567890 and wrong lengths are not valid")
    func others() {
        #expect(!UTRCheckDigit.isValid("1234567890".compactMap(\.wholeNumberValue)))
        #expect(!UTRCheckDigit.isValid([2, 4, 3]))
    }
}
