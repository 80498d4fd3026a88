/// A small hand-written JSON writer for the JSON Lines output: faster than `JSONEncoder` and
/// in full control of field order.
///
/// Strings are escaped per RFC 8259: `"` and `\` are escaped, control characters become `\n`,
/// `\t`... or `\u00XX`. Swift strings hold valid Unicode only: bytes that were not valid UTF-8
/// (in file names, in matched values) were already repaired to U+FFFD when the string was made.
enum JSONText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `s` as a quoted JSON string.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in s.utf8 {
            switch byte {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
            case 0x00..<0x20, 0x7F:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default:
                out.append(byte)
            }
        }
        out.append(0x22)
    }

    /// Appends an optional string, `null` when nil.
    static func appendString(_ s: String?, to out: inout [UInt8]) {
        if let s { appendString(s, to: &out) } else { appendRaw("null", to: &out) }
    }

    /// Appends an integer.
    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        appendRaw(String(value), to: &out)
    }

    /// Appends text that is already JSON (punctuation, keys known to need no escaping).
    static func appendRaw(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    static func appendRaw(_ text: String, to out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    /// Appends `"key":` for a key that needs no escaping.
    static func appendKey(_ key: StaticString, to out: inout [UInt8]) {
        out.append(0x22)
        key.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(0x22)
        out.append(0x3A)
    }
}
