@testable import Detectors
import Testing

extension ChecksumTests {
    /// CRC-32 (zlib's, CRC-32/ISO-HDLC in Greg Cook's "Catalogue of parametrised CRC algorithms").
    @Suite("CRC-32")
    struct CRC32Tests {
        @Test("published check values", arguments: [
            // The catalogue's check value for CRC-32/ISO-HDLC.
            ("123456789", UInt32(0xCBF4_3926)),
            // The empty input.
            ("", UInt32(0)),
            // The pangram every CRC-32 page lists.
            ("The quick brown fox jumps over the lazy dog", UInt32(0x414F_A339)),
        ])
        func checkValue(text: String, expected: UInt32) {
            #expect(CRC32.checksum(Array(text.utf8)) == expected)
        }

        @Test func aChangedByteChangesTheChecksum() {
            #expect(CRC32.checksum(Array("123456780".utf8)) != 0xCBF4_3926)
            #expect(CRC32.checksum(Array("213456789".utf8)) != 0xCBF4_3926)
        }
    }
}
