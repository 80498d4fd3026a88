/// A strict syntax check for a small JSON object (RFC 8259), such as a JSON Web Token's decoded
/// header or claims; it returns the object's top-level members. Not a general JSON reader: it
/// keeps only top-level string values and nests at most `maxDepth` levels.
public enum JSONObjectSyntax {
    /// A top-level member: its key and, when the value is a string, the string.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var stringValue: String?
    }

    /// The top-level members of `bytes` if they are exactly one JSON object (surrounding
    /// whitespace allowed), otherwise nil. Complexity: O(n).
    public static func members(of bytes: [UInt8], maxDepth: Int = 32) -> [Member]? {
        var parser = Parser(bytes: bytes, maxDepth: maxDepth)
        parser.skipWhitespace()
        guard let members = parser.object(depth: 1, keepMembers: true) else { return nil }
        parser.skipWhitespace()
        return parser.index == bytes.count ? members : nil
    }

    private struct Parser {
        let bytes: [UInt8]
        let maxDepth: Int
        var index = 0

        init(bytes: [UInt8], maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 }
        }

        mutating func consume(_ c: UInt8) -> Bool {
            guard current == c else { return false }
            index += 1
            return true
        }

        /// An object at `index`; the members are collected only when `keepMembers`.
        mutating func object(depth: Int, keepMembers: Bool) -> [Member]? {
            guard depth <= maxDepth, consume(UInt8(ascii: "{")) else { return nil }
            var members: [Member] = []
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return members }
            while true {
                skipWhitespace()
                guard let key = string() else { return nil }
                skipWhitespace()
                guard consume(UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                var stringValue: String? = nil
                if current == UInt8(ascii: "\"") {
                    guard let s = string() else { return nil }
                    stringValue = s
                } else if !value(depth: depth) {
                    return nil
                }
                if keepMembers { members.append(Member(key: key, stringValue: stringValue)) }
                skipWhitespace()
                if consume(UInt8(ascii: ",")) { continue }
                return consume(UInt8(ascii: "}")) ? members : nil
            }
        }

        mutating func array(depth: Int) -> Bool {
            guard depth <= maxDepth, consume(UInt8(ascii: "[")) else { return false }
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return true }
            while true {
                skipWhitespace()
                guard value(depth: depth) else { return false }
                skipWhitespace()
                if consume(UInt8(ascii: ",")) { continue }
                return consume(UInt8(ascii: "]"))
            }
        }

        /// Any value at `index` (inside a container at `depth`).
        mutating func value(depth: Int) -> Bool {
            switch current {
            case UInt8(ascii: "{"): return object(depth: depth + 1, keepMembers: false) != nil
            case UInt8(ascii: "["): return array(depth: depth + 1)
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default: return number()
            }
        }

        mutating func literal(_ word: String) -> Bool {
            for c in word.utf8 where !consume(c) { return false }
            return true
        }

        mutating func digits() -> Int {
            var n = 0
            while let c = current, c >= 0x30 && c <= 0x39 { index += 1; n += 1 }
            return n
        }

        mutating func number() -> Bool {
            _ = consume(UInt8(ascii: "-"))
            if consume(UInt8(ascii: "0")) {
                // No leading zeros.
            } else if digits() == 0 {
                return false
            }
            if consume(UInt8(ascii: ".")) && digits() == 0 { return false }
            if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
                if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
                if digits() == 0 { return false }
            }
            return true
        }

        /// A string at `index`, unescaped; nil if it is not valid JSON string syntax.
        mutating func string() -> String? {
            guard consume(UInt8(ascii: "\"")) else { return nil }
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flushRaw() {
                if !raw.isEmpty {
                    scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                }
                raw.removeAll()
            }
            while let c = current {
                index += 1
                switch c {
                case UInt8(ascii: "\""):
                    flushRaw()
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    guard let e = current else { return nil }
                    index += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): raw.append(e)
                    case UInt8(ascii: "b"): raw.append(0x08)
                    case UInt8(ascii: "f"): raw.append(0x0C)
                    case UInt8(ascii: "n"): raw.append(0x0A)
                    case UInt8(ascii: "r"): raw.append(0x0D)
                    case UInt8(ascii: "t"): raw.append(0x09)
                    case UInt8(ascii: "u"):
                        guard index + 4 <= bytes.count else { return nil }
                        var v: UInt32 = 0
                        for h in bytes[index..<(index + 4)] {
                            guard let d = hexValue(h) else { return nil }
                            v = v << 4 | d
                        }
                        index += 4
                        flushRaw()
                        // Surrogate halves are accepted syntactically and kept as U+FFFD.
                        scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                    default:
                        return nil
                    }
                default:
                    guard c >= 0x20 else { return nil }
                    raw.append(c)
                }
            }
            return nil
        }

        func hexValue(_ c: UInt8) -> UInt32? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
    }
}
