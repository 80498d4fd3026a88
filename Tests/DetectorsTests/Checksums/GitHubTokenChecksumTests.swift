@testable import Detectors
import Testing

extension ChecksumTests {
    /// GitHub's (and npm's) token checksum: the base62 CRC-32 of the 30 random characters.
    @Suite("GitHub token checksum")
    struct GitHubTokenChecksumTests {
        /// 30 characters and their checksum characters, computed with Python's `zlib.crc32` as an
        /// independent oracle (GitHub publishes the scheme, not test tokens).
        @Test("checksum characters", arguments: [
            ("abcdefghijklmnopqrstuvwxyz0123", "2LolCm"),   // CRC-32 0x806D9A54
            ("zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ", "0mLq17"),
        ])
        func checksumCharacters(entropy: String, expected: String) {
            #expect(GitHubTokenChecksum.checksumCharacters(for: Array(entropy.utf8)) == expected)
            #expect(GitHubTokenChecksum.isValid(Array((entropy + expected).utf8)))
        }

        @Test func aMutatedCharacterFails() {
            #expect(!GitHubTokenChecksum.isValid(Array("abcdefghijklmnopqrstuvwxyz01232LolCn".utf8)))
            #expect(!GitHubTokenChecksum.isValid(Array("bbcdefghijklmnopqrstuvwxyz01232LolCm".utf8)))
        }

        @Test("wrong lengths and alphabets", arguments: [
            "abcdefghijklmnopqrstuvwxyz01232LolC", "abcdefghijklmnopqrstuvwxyz01232LolCmm",
            "abcdefghijklmnopqrstuvwxyz01232Lol-m",
        ])
        func malformed(body: String) {
            #expect(!GitHubTokenChecksum.isValid(Array(body.utf8)))
        }
    }
}
