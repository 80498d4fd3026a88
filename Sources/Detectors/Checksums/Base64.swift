/// Base64 decoding (RFC 4648 §4, the standard alphabet `A-Z a-z 0-9 + /`), as HTTP Basic
/// credentials, PEM bodies and cloud account keys use it.
public enum Base64 {
    /// The two alphabets of RFC 4648: standard (§4) and URL- and filename-safe (§5).
    public enum Alphabet: Sendable {
        case standard
        case url
    }

    /// The decoded bytes of `text`, or nil if a character is outside `alphabet`, padding (`=`)
    /// is followed by data or longer than two, or the length cannot be base64 (a remainder of one
    /// character). Padding is optional. With `canonical`, the unused bits of the last character
    /// must be zero (RFC 4648 §3.5), as every encoder writes them. Complexity: O(n).
    public static func decode<C: Collection>(_ text: C, alphabet: Alphabet = .standard,
                                             canonical: Bool = false) -> [UInt8]? where C.Element == UInt8 {
        var values: [UInt8] = []
        values.reserveCapacity(text.count)
        var padding = 0
        for c in text {
            if c == UInt8(ascii: "=") { padding += 1; continue }
            guard padding == 0, let v = value(c, alphabet) else { return nil }
            values.append(v)
        }
        let remainder = values.count % 4
        guard remainder != 1, padding <= 2 else { return nil }
        if padding > 0 && (remainder == 0 || (values.count + padding) % 4 != 0) { return nil }
        if canonical, let last = values.last {
            if remainder == 2 && last & 0x0F != 0 { return nil }
            if remainder == 3 && last & 0x03 != 0 { return nil }
        }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var i = 0
        while i + 4 <= values.count {
            let n = UInt32(values[i]) << 18 | UInt32(values[i + 1]) << 12
                | UInt32(values[i + 2]) << 6 | UInt32(values[i + 3])
            out.append(UInt8(truncatingIfNeeded: n >> 16))
            out.append(UInt8(truncatingIfNeeded: n >> 8))
            out.append(UInt8(truncatingIfNeeded: n))
            i += 4
        }
        switch remainder {
        case 2:
            let n = UInt32(values[i]) << 18 | UInt32(values[i + 1]) << 12
            out.append(UInt8(truncatingIfNeeded: n >> 16))
        case 3:
            let n = UInt32(values[i]) << 18 | UInt32(values[i + 1]) << 12 | UInt32(values[i + 2]) << 6
            out.append(UInt8(truncatingIfNeeded: n >> 16))
            out.append(UInt8(truncatingIfNeeded: n >> 8))
        default:
            break
        }
        return out
    }

    private static func value(_ c: UInt8, _ alphabet: Alphabet) -> UInt8? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return c - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return c - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+") where alphabet == .standard: return 62
        case UInt8(ascii: "/") where alphabet == .standard: return 63
        case UInt8(ascii: "-") where alphabet == .url: return 62
        case UInt8(ascii: "_") where alphabet == .url: return 63
        default: return nil
        }
    }
}
