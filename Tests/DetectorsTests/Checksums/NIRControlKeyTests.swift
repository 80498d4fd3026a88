@testable import Detectors
import Testing

/// NIR vectors: INSEE's rule as documented on insee.fr ("clé de contrôle") with the examples of
/// python-stdnum's `fr.nir` module, including both Corsican departments, and fr.wikipedia's
/// "Numéro de sécurité sociale en France" example 2 55 08 14 168 025 38.
@Suite("NIR control key")
struct NIRControlKeyTests {
    static let vectors = ["295109912611193", "253072B07300470", "253072A07300443", "255081416802538"]

    @Test("published numbers pass", arguments: vectors)
    func published(nir: String) {
        #expect(NIRControlKey.isValid(nir))
        let key = Int(nir.suffix(2))
        #expect(NIRControlKey.key(for: Array(nir.utf8.prefix(13))) == key)
    }

    @Test("a mutated key fails", arguments: vectors)
    func mutated(nir: String) {
        let key = Int(nir.suffix(2)) ?? 0
        let wrong = key % 97 + 1
        #expect(!NIRControlKey.isValid(String(nir.prefix(13)) + (wrong < 10 ? "0\(wrong)" : "\(wrong)")))
    }

    @Test("Corsica counts as 19 and 18, not as the letters")
    func corsica() {
        // The same digits with 19 in place of 2A have the same key.
        #expect(NIRControlKey.key(for: Array("2530719073004".utf8)) == 43)
        #expect(NIRControlKey.key(for: Array("2530718073004".utf8)) == 70)
        #expect(!NIRControlKey.isValid("253072C07300443"))
    }

    @Test("wrong lengths and characters")
    func degenerate() {
        #expect(!NIRControlKey.isValid("29510991261119"))
        #expect(!NIRControlKey.isValid("2951099126111933"))
        #expect(!NIRControlKey.isValid("29510991261119A"))
    }
}
