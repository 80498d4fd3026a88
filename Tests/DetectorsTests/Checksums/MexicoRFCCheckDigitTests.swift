@testable import Detectors
import Testing

/// Vectors: the SAT's example person RFC (GODE561231GR8) and python-stdnum's `mx.rfc`
/// doctests (MAB-930714-8T4 for a company); the SAT's generic RFC XEXX010101000 also carries a
/// valid check character. The SAT's own RFC, SAT970701NN3, is a twelve-character one.
@Suite("Mexico RFC check character")
struct MexicoRFCCheckDigitTests {
    static let valid = ["GODE561231GR8", "MAB9307148T4", "SAT970701NN3", "XEXX010101000"]

    @Test("published RFCs pass", arguments: valid)
    func published(rfc: String) {
        let bytes = Array(rfc.utf8)
        #expect(MexicoRFCCheckDigit.isValid(bytes))
        #expect(MexicoRFCCheckDigit.checkCharacter(for: Array(bytes.dropLast())) == bytes.last)
    }

    @Test("a wrong check character fails", arguments: [
        "GODE561231GR9", "MAB9307148T5", "VACE460910SX6", "XAXX010101000",
    ])
    func invalid(rfc: String) {
        #expect(!MexicoRFCCheckDigit.isValid(Array(rfc.utf8)))
    }

    @Test("wrong lengths have no check character")
    func lengths() {
        #expect(MexicoRFCCheckDigit.checkCharacter(for: Array("GODE5612".utf8)) == nil)
        #expect(!MexicoRFCCheckDigit.isValid(Array("GODE561231".utf8)))
    }
}
