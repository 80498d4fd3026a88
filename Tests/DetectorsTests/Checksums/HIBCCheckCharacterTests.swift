@testable import Detectors
import Testing

@Suite("HIBC check character")
struct HIBCCheckCharacterTests {
    /// The primary data example of the HIBC Supplier Labeling Standard (ANSI/HIBC 2.x):
    /// labeler A123, product BJC5D6E7, unit of measure 1, check character G.
    static let vectors = "+A123BJC5D6E71G"

    @Test("the standard's example passes")
    func published() {
        #expect(HIBCCheckCharacter.isValid(Array(Self.vectors.utf8)))
        #expect(HIBCCheckCharacter.checkCharacter(for: Array("+A123BJC5D6E71".utf8)) == UInt8(ascii: "G"))
    }

    @Test("another check character fails", arguments: Array("0123456789ABCDEFHXYZ-. $/+%"))
    func mutated(check: Character) {
        let text = "+A123BJC5D6E71" + String(check)
        #expect(!HIBCCheckCharacter.isValid(Array(text.utf8)))
    }

    @Test("the value table: 0-9, A-Z, then - . space $ / + %")
    func values() {
        #expect(HIBCCheckCharacter.value(UInt8(ascii: "9")) == 9)
        #expect(HIBCCheckCharacter.value(UInt8(ascii: "Z")) == 35)
        #expect(HIBCCheckCharacter.value(UInt8(ascii: "%")) == 42)
        #expect(HIBCCheckCharacter.value(UInt8(ascii: "a")) == nil)
    }

    @Test("bytes outside the HIBC set are invalid")
    func outsideSet() {
        #expect(!HIBCCheckCharacter.isValid(Array("+a123BJC5D6E71G".utf8)))
        #expect(HIBCCheckCharacter.checkCharacter(for: Array("+A12#".utf8)) == nil)
        #expect(!HIBCCheckCharacter.isValid(Array("G".utf8)))
    }
}
