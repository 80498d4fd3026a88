import Testing
@testable import Masking

@Suite struct MaskingSmokeTests {
    @Test func transformValuesCompare() {
        #expect(Transform.redact(.label) != Transform.redact(.fixed("x")))
    }
}
