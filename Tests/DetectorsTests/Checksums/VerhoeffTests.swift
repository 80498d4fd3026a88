@testable import Detectors
import Testing

/// Vectors: the worked example of Verhoeff's algorithm (236 -> check digit 3, as on Wikipedia's
/// "Verhoeff algorithm"); the Aadhaar number used by python-stdnum's `in_.aadhaar` doctests; and
/// two test Aadhaar numbers of UIDAI's authentication sandbox.
@Suite("Verhoeff")
struct VerhoeffTests {
    static let valid = ["2363", "234123412346", "999941057058", "999971658847"]

    @Test("published numbers pass", arguments: valid)
    func published(number: String) {
        #expect(Verhoeff.isValid(number.compactMap(\.wholeNumberValue)))
    }

    @Test("the computed check digit is the published one", arguments: valid)
    func checkDigit(number: String) {
        let digits = number.compactMap(\.wholeNumberValue)
        #expect(Verhoeff.checkDigit(for: Array(digits.dropLast())) == digits.last)
    }

    @Test("every other final digit fails", arguments: valid)
    func mutated(number: String) {
        let digits = number.compactMap(\.wholeNumberValue)
        for wrong in 0...9 where wrong != digits.last {
            #expect(!Verhoeff.isValid(Array(digits.dropLast()) + [wrong]))
        }
    }

    @Test("adjacent transpositions are caught")
    func transposition() {
        #expect(!Verhoeff.isValid([3, 2, 4, 1, 2, 3, 4, 1, 2, 3, 4, 6]))
        #expect(!Verhoeff.isValid([2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 6, 4]))
    }

    @Test("degenerate input is invalid")
    func degenerate() {
        #expect(!Verhoeff.isValid([]))
        #expect(!Verhoeff.isValid([0]))
        #expect(!Verhoeff.isValid([2, 3, 10]))
        #expect(Verhoeff.checkDigit(for: [1, -1]) == nil)
    }
}
