@testable import Detectors
import Testing

extension ChecksumTests {
    /// GitLab's routable token checksum: base36 CRC-32 of everything before it.
    @Suite("GitLab token checksum")
    struct GitLabTokenChecksumTests {
        /// The tokens GitLab's own spec builds (`routable_token_spec.rb`: routing payload `o:1`,
        /// random bytes `"a" * 16`, no prefix and the `glpat-` prefix), computed with Python's
        /// `zlib.crc32` and `base64.urlsafe_b64encode` following `RoutableToken#generate_token`.
        static let specTokens = [
            "bzoxYWFhYWFhYWFhYWFhYWFhYRA.0r15aa061",
            "glpat-bzoxYWFhYWFhYWFhYWFhYWFhYRA.0r18iwxmj",
        ]

        /// Random-payload tokens built the same way (synthetic).
        static let syntheticTokens = [
            "glpat-YzoyMQpvOjU0d3Z67Ib239RmJJqajkWAM_1vEA.120q61c0y",
            "glrt-t1_YzoycwpvOmswd25acqO1F8ElPHUcQGssWHj5EA.121235mx0",
            "gldt-bzpkNGdlVFIsQDUPN1yhAD6PDl0fNRA.0v19mon2e",
        ]

        @Test("valid tokens", arguments: specTokens + syntheticTokens)
        func valid(token: String) {
            #expect(GitLabTokenChecksum.isValid(Array(token.utf8)))
        }

        @Test("the suffix is rebuilt from prefix and payload", arguments: [
            ("", "bzoxYWFhYWFhYWFhYWFhYWFhYRA", "0r15aa061"),
            ("glpat-", "bzoxYWFhYWFhYWFhYWFhYWFhYRA", "0r18iwxmj"),
        ])
        func suffix(prefix: String, payload: String, expected: String) {
            #expect(GitLabTokenChecksum.suffix(prefix: prefix, payload: payload) == expected)
        }

        @Test("a changed character fails", arguments: syntheticTokens)
        func mutated(token: String) {
            var bytes = Array(token.utf8)
            let i = 8
            bytes[i] = bytes[i] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
            #expect(!GitLabTokenChecksum.isValid(bytes))
            var crc = Array(token.utf8)
            crc[crc.count - 1] = crc[crc.count - 1] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            #expect(!GitLabTokenChecksum.isValid(crc))
        }

        @Test("malformed", arguments: [
            "glpat-bzoxYWFhYWFhYWFhYWFhYWFhYRA0r18iwxmj",      // no dot
            "glpat-bzoxYWFhYWFhYWFhYWFhYWFhYRA.0r18IWXMJ",     // upper-case base36
            "glpat-bzoxYWFhYWFhYWFhYWFhYWFhYRA.zz18iwxmj",     // a payload longer than the token
            "glpat-bzoxYWFhYWFhYWFhYWFhYWFhYRA.0rzzzzzzz",     // a CRC above 2^32
            ".0r18iwxmj",
        ])
        func malformed(token: String) {
            #expect(!GitLabTokenChecksum.isValid(Array(token.utf8)))
        }
    }
}
