/// The checksum in GitHub's classic token format (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`): the 36
/// characters after the prefix are 30 random base62 characters followed by the CRC-32 of those 30
/// characters written as 6 base62 digits (alphabet `0-9A-Za-z`, most significant first, padded
/// with `0`). npm's access tokens (`npm_`) use the same format.
///
/// See GitHub's "Behind GitHub's new authentication token formats" (2021) and "Announcing npm's
/// new access token format" (2021).
public enum GitHubTokenChecksum {
    /// Whether `body` (the 36 characters after the `ghx_` prefix) carries a correct checksum.
    public static func isValid<C: Collection>(_ body: C) -> Bool where C.Element == UInt8 {
        let characters = Array(body)
        guard characters.count == 36 else { return false }
        var value: UInt64 = 0
        for character in characters[30...] {
            guard let digit = base62Value(character) else { return false }
            value = value * 62 + UInt64(digit)
        }
        return value == UInt64(CRC32.checksum(characters[..<30]))
    }

    /// The 6 base62 checksum characters for 30 random characters (to build test tokens).
    public static func checksumCharacters<C: Collection>(for entropy: C) -> String where C.Element == UInt8 {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        var value = UInt64(CRC32.checksum(entropy))
        var out = [UInt8](repeating: UInt8(ascii: "0"), count: 6)
        for i in stride(from: 5, through: 0, by: -1) {
            out[i] = alphabet[Int(value % 62)]
            value /= 62
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func base62Value(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(c - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(c - UInt8(ascii: "a")) + 36
        default: return nil
        }
    }
}
