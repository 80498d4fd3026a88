@testable import Detectors
import Testing

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8).filter { $0 != UInt8(ascii: " ") } }

@Suite("NIR control key: Wikipedia example and Corsica")
struct NIRControlKeyPublishedTests {
    /// The example number of the French Wikipedia article "Numéro de sécurité sociale en
    /// France" (a woman born in August 1955 in Calvados): key 97 − (2550814168025 mod 97) = 38.
    static let example = "2 55 08 14 168 025 38"

    @Test("the published number passes")
    func published() {
        #expect(NIRControlKey.isValid(bytes(Self.example)))
        #expect(NIRControlKey.key(for: bytes("2 55 08 14 168 025")) == 38)
    }

    @Test("every other key fails", arguments: [0, 1, 37, 39, 96, 97, 98])
    func mutated(key: Int) {
        let text = "2550814168025" + (key < 10 ? "0\(key)" : "\(key)")
        #expect(!NIRControlKey.isValid(bytes(text)))
    }

    @Test("Corsican departments count as 19 (2A) and 18 (2B)")
    func corsica() {
        // Synthetic numbers: 2A replaced by 19 and 2B by 18 before taking the key (INSEE).
        let a = 2_550_819_168_025 % 97, b = 2_550_818_168_025 % 97
        #expect(NIRControlKey.key(for: bytes("255082A168025")) == 97 - a)
        #expect(NIRControlKey.key(for: bytes("255082B168025")) == 97 - b)
    }

    @Test("letters elsewhere, a Corsican letter without the 2, wrong lengths are invalid")
    func malformed() {
        #expect(NIRControlKey.key(for: bytes("2550A14168025")) == nil)
        #expect(NIRControlKey.key(for: bytes("255081A168025")) == nil)
        #expect(NIRControlKey.key(for: bytes("255081416802")) == nil)
        #expect(!NIRControlKey.isValid(bytes("25508141680253")))
        #expect(!NIRControlKey.isValid(bytes("2550814168025A8")))
    }
}
