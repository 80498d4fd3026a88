@testable import Detectors
import Testing

private func digits(_ number: String) -> [Int] { number.compactMap(\.wholeNumberValue) }

@Suite("DEA check digit")
struct DEACheckDigitTests {
    /// Worked examples used in pharmacy and prescriber education to teach the DEA check
    /// (e.g. "AP5836727": 5 + 3 + 7 = 15, 2 × (8 + 6 + 2) = 32, 15 + 32 = 47, check digit 7).
    static let vectors = ["AP5836727", "AB1234563", "AJ5184279"]

    @Test("worked examples pass", arguments: vectors)
    func published(number: String) {
        #expect(DEACheckDigit.isValid(digits(number)))
    }

    @Test("a mutated check digit fails", arguments: vectors)
    func mutated(number: String) {
        var all = digits(number)
        all[6] = (all[6] + 1) % 10
        #expect(!DEACheckDigit.isValid(all))
    }

    @Test("published invalid examples fail", arguments: ["AB4523763", "AB4523767"])
    func invalid(number: String) {
        #expect(!DEACheckDigit.isValid(digits(number)))
    }

    @Test("wrong lengths and out-of-range values are invalid")
    func degenerate() {
        #expect(!DEACheckDigit.isValid(digits("583672")))
        #expect(!DEACheckDigit.isValid(digits("58367270")))
        #expect(DEACheckDigit.checkDigit(for: [5, 8, 3, 6, 7, 12]) == nil)
    }
}
