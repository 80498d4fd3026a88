@testable import Detectors
import Testing

private func digits(_ number: String) -> [Int] { number.compactMap(\.wholeNumberValue) }

@Suite("BC personal health number check digit")
struct BCPersonalHealthNumberCheckDigitTests {
    /// The example of python-stdnum's `ca.bc_phn` (which follows the BC Ministry of Health's
    /// "PHN Check Digit Number Routine"): 6×2 + 9×4 + 8×8 + 6×5 + 5×10 + 8×9 + 2×7 + 1×3 =
    /// 281, 281 mod 11 = 6, 11 − 6 = 5.
    static let vectors = ["9698658215"]

    @Test("the published PHN passes", arguments: vectors)
    func published(number: String) {
        #expect(BCPersonalHealthNumberCheckDigit.isValid(digits(number)))
    }

    @Test("its published mutations fail")
    func mutations() {
        #expect(!BCPersonalHealthNumberCheckDigit.isValid(digits("9698648215")))  // bad check digit
        #expect(!BCPersonalHealthNumberCheckDigit.isValid(digits("5736504210")))  // not starting with 9
    }

    @Test("every other final digit fails", arguments: 0...9)
    func mutated(last: Int) {
        guard last != 5 else { return }
        #expect(!BCPersonalHealthNumberCheckDigit.isValid(digits("969865821") + [last]))
    }

    @Test("stems whose check would be 10 or 11 have none")
    func noCheckDigit() {
        // Weighted sum 0 would need check digit 11; 4 × 3 = 12 ≡ 1 (mod 11) would need 10.
        #expect(BCPersonalHealthNumberCheckDigit.checkDigit(for: digits("900000000")) == nil)
        #expect(BCPersonalHealthNumberCheckDigit.checkDigit(for: digits("900000004")) == nil)
        #expect(BCPersonalHealthNumberCheckDigit.checkDigit(for: digits("900000001")) == 8)
    }
}
