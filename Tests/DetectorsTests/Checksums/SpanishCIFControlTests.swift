@testable import Detectors
import Testing

/// CIF vectors from python-stdnum's `es.cif` module and tests (A11111119, J99216582,
/// A13585625, B58378431) and the letter rule of Orden EHA/451/2008 (P, Q, R, S, N, W take the
/// letter; A, B, E, H the digit).
@Suite("Spanish CIF control")
struct SpanishCIFControlTests {
    @Test("published numbers pass", arguments: ["A11111119", "J99216582", "A13585625", "B58378431"])
    func published(cif: String) {
        #expect(SpanishCIFControl.isValid(cif))
    }

    @Test("mutated controls fail", arguments: ["A11111118", "J99216583", "A13585626", "B58378432"])
    func mutated(cif: String) {
        #expect(!SpanishCIFControl.isValid(cif))
    }

    @Test("the entity letter decides between the control digit and letter")
    func letterOrDigit() {
        // 1111111: control 9, letter I.
        #expect(SpanishCIFControl.control(for: [1, 1, 1, 1, 1, 1, 1]) == 9)
        #expect(SpanishCIFControl.isValid("P1111111I"))
        #expect(!SpanishCIFControl.isValid("P11111119"))
        #expect(SpanishCIFControl.isValid("A11111119"))
        #expect(!SpanishCIFControl.isValid("A1111111I"))
        #expect(SpanishCIFControl.isValid("G11111119"))
        #expect(SpanishCIFControl.isValid("G1111111I"))
    }

    @Test("letters that start no CIF", arguments: ["I11111119", "K11111119", "X11111119", "Z11111119"])
    func entityLetters(cif: String) {
        #expect(!SpanishCIFControl.isValid(cif))
    }
}
