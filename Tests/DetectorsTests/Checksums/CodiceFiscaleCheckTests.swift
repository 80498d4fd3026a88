@testable import Detectors
import Testing

/// Codice fiscale vectors: the examples of python-stdnum's `it.codicefiscale` module
/// (RCCMNL83S18D969H, CNTCHR83T41D969D) and the ones it.wikipedia's "Codice fiscale" works
/// through (MRTMTT25D09F205Z, RSSMRA80A01H501U).
@Suite("Codice fiscale check letter")
struct CodiceFiscaleCheckTests {
    static let vectors = ["RCCMNL83S18D969H", "CNTCHR83T41D969D", "MRTMTT25D09F205Z", "RSSMRA80A01H501U"]

    @Test("published codes pass", arguments: vectors)
    func published(code: String) {
        #expect(CodiceFiscaleCheck.isValid(code))
        #expect(CodiceFiscaleCheck.checkLetter(for: Array(code.utf8.prefix(15))) == code.utf8.last)
    }

    @Test("every other letter fails", arguments: vectors)
    func mutated(code: String) {
        for letter in UInt8(ascii: "A")...UInt8(ascii: "Z") where letter != code.utf8.last {
            #expect(!CodiceFiscaleCheck.isValid(Array(code.utf8.dropLast()) + [letter]))
        }
    }

    @Test("lower case, other characters and lengths")
    func degenerate() {
        #expect(!CodiceFiscaleCheck.isValid("rccmnl83s18d969h"))
        #expect(CodiceFiscaleCheck.checkLetter(for: Array("RCCMNL83S18D96-".utf8)) == nil)
        #expect(!CodiceFiscaleCheck.isValid("RCCMNL83S18D969"))
    }
}
