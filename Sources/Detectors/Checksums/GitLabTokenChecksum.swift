/// The checksum of GitLab's routable tokens (GitLab 17.x and later: `glpat-`, `glrt-t1_`, ...):
/// `<prefix><base64url payload>.<payload length: 2 base36 digits><CRC-32: 7 base36 digits>`,
/// where the CRC-32 (zlib's) covers every character before it, prefix included, and base36 digits
/// are `0-9a-z`.
///
/// See GitLab's `Authn::TokenField::Generator::RoutableToken` (`append_crc`,
/// `encode_payload`) and its spec matcher `be_a_routable_token`.
public enum GitLabTokenChecksum {
    /// Whether `token` (the whole token, prefix included) ends with a correct checksum and a
    /// payload-length field that fits the token.
    public static func isValid<C: Collection>(_ token: C) -> Bool where C.Element == UInt8 {
        let bytes = Array(token)
        // `.` + 2 length digits + 7 CRC digits.
        guard bytes.count > 10, bytes[bytes.count - 10] == UInt8(ascii: ".") else { return false }
        guard let length = base36(bytes[(bytes.count - 9)..<(bytes.count - 7)]),
              let crc = base36(bytes[(bytes.count - 7)...]), crc <= UInt64(UInt32.max) else { return false }
        // The payload (base64url) ends at the dot; the prefix precedes it.
        let dot = bytes.count - 10
        guard length > 0, length <= dot else { return false }
        return UInt64(CRC32.checksum(bytes[..<(bytes.count - 7)])) == crc
    }

    /// The 9 characters after the dot (`<length><crc>`) of a routable token with this prefix and
    /// base64url payload (to build test tokens).
    public static func suffix(prefix: String, payload: String) -> String {
        let length = String(payload.utf8.count, radix: 36)
        let paddedLength = String(repeating: "0", count: max(0, 2 - length.count)) + length
        let checksummable = prefix + payload + "." + paddedLength
        let crc = String(CRC32.checksum(Array(checksummable.utf8)), radix: 36)
        return paddedLength + String(repeating: "0", count: max(0, 7 - crc.count)) + crc
    }

    private static func base36<C: Collection>(_ digits: C) -> UInt64? where C.Element == UInt8 {
        var value: UInt64 = 0
        for c in digits {
            let d: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = UInt64(c - UInt8(ascii: "a")) + 10
            default: return nil
            }
            value = value * 36 + d
        }
        return value
    }
}
