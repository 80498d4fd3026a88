@testable import Detectors
import Testing

/// The Tesorería General de la Seguridad Social's control (province and number mod 97, an
/// eight-digit number below 10,000,000 counted without its leading zero), with the widely
/// published example 28 12345678 40.
@Suite("Spanish social security control")
struct SpanishSocialSecurityControlTests {
    @Test("the published example passes")
    func example() {
        #expect(SpanishSocialSecurityControl.isValid("281234567840".compactMap(\.wholeNumberValue)))
        #expect(SpanishSocialSecurityControl.control(province: 28, number: 12_345_678) == 40)
    }

    @Test("a number below 10,000,000 drops its leading zero")
    func shortNumber() {
        // 08 01234567: (8 × 10^7 + 1234567) mod 97.
        let control = (8 * 10_000_000 + 1_234_567) % 97
        #expect(SpanishSocialSecurityControl.control(province: 8, number: 1_234_567) == control)
        let digits = "0801234567".compactMap(\.wholeNumberValue) + [control / 10, control % 10]
        #expect(SpanishSocialSecurityControl.isValid(digits))
    }

    @Test("mutated controls and lengths fail", arguments: ["281234567841", "281234567850", "28123456784", "2812345678400"])
    func mutated(number: String) {
        #expect(!SpanishSocialSecurityControl.isValid(number.compactMap(\.wholeNumberValue)))
    }
}
