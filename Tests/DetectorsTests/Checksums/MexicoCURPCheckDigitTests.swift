@testable import Detectors
import Testing

/// Vectors: RENAPO's example CURP from the CURP instructions (HEGG560427MVZRRL04, also on
/// Wikipedia's "Clave Única de Registro de Población"), and python-stdnum's `mx.curp` doctest
/// (BOXW310820HNERXN09).
@Suite("Mexico CURP check digit")
struct MexicoCURPCheckDigitTests {
    static let valid = ["HEGG560427MVZRRL04", "BOXW310820HNERXN09"]

    @Test("published CURPs pass", arguments: valid)
    func published(curp: String) {
        let bytes = Array(curp.utf8)
        #expect(MexicoCURPCheckDigit.isValid(bytes))
        #expect(MexicoCURPCheckDigit.checkDigit(for: bytes.prefix(17)) == Int(bytes[17]) - 48)
    }

    @Test("a wrong check digit or a lower-case letter fails", arguments: [
        "HEGG560427MVZRRL05", "BOXW310820HNERXN08", "hEGG560427MVZRRL04",
    ])
    func invalid(curp: String) {
        #expect(!MexicoCURPCheckDigit.isValid(Array(curp.utf8)))
    }

    @Test("letters after N are shifted by Ñ")
    func values() {
        #expect(MexicoCURPCheckDigit.value(of: UInt8(ascii: "N")) == 23)
        #expect(MexicoCURPCheckDigit.value(of: UInt8(ascii: "O")) == 25)
        #expect(MexicoCURPCheckDigit.value(of: UInt8(ascii: "Z")) == 36)
    }
}
