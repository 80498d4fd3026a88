/// The modulo 43 check character of a HIBC (Health Industry Bar Code) data string (ANSI/HIBC
/// 2.x, Supplier Labeling Standard): each character takes its value in the 43-character
/// set `0-9 A-Z - . space $ / + %` (0...42), and the check character is the one whose value
/// is the sum of all the others' values mod 43.
public enum HIBCCheckCharacter {
    /// The HIBC character set in value order.
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%".utf8)

    /// The value of a HIBC character (0...42), or nil for a byte outside the set.
    static func value(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "-"): return 36
        case UInt8(ascii: "."): return 37
        case UInt8(ascii: " "): return 38
        case UInt8(ascii: "$"): return 39
        case UInt8(ascii: "/"): return 40
        case UInt8(ascii: "+"): return 41
        case UInt8(ascii: "%"): return 42
        default: return nil
        }
    }

    /// The check character for `data` (from the leading `+` up to, not including, the check
    /// character); nil if a byte is outside the HIBC set. O(n).
    public static func checkCharacter<C: Collection>(for data: C) -> UInt8? where C.Element == UInt8 {
        var sum = 0
        for byte in data {
            guard let v = value(byte) else { return nil }
            sum += v
        }
        return alphabet[sum % 43]
    }

    /// Whether `string` (data then check character) ends with its check character. O(n).
    public static func isValid<C: BidirectionalCollection>(_ string: C) -> Bool where C.Element == UInt8 {
        guard string.count >= 2, let last = string.last,
              let check = checkCharacter(for: string.dropLast()) else { return false }
        return check == last
    }
}
