/// The two-digit key of a French social security number (NIR, the INSEE registration number
/// on the carte Vitale): 97 minus the 13-digit number mod 97. Corsican department codes count
/// as numbers: 2A as 19 and 2B as 18 (INSEE), i.e. the number minus 1,000,000 or 2,000,000.
public enum FrenchNIRKey {
    /// The key for the 13 characters before it (digits, with `2A` or `2B` as the department
    /// in positions 6-7); nil for any other character. O(1).
    public static func key<C: Collection>(for number: C) -> Int? where C.Element == UInt8 {
        guard number.count == 13 else { return nil }
        var value = 0
        var corsica = 0
        for (index, byte) in number.enumerated() {
            var digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "A") where index == 6, UInt8(ascii: "a") where index == 6:
                digit = 0; corsica = 1_000_000
            case UInt8(ascii: "B") where index == 6, UInt8(ascii: "b") where index == 6:
                digit = 0; corsica = 2_000_000
            default: return nil
            }
            value = value * 10 + digit
        }
        // 2A reads as 20 and 2B as 20 above; INSEE counts them as 19 and 18.
        if corsica != 0 {
            guard number.dropFirst(5).first == UInt8(ascii: "2") else { return nil }
            value -= corsica
        }
        return 97 - value % 97
    }

    /// Whether 15 characters (13 then the key) carry the right key.
    public static func isValid<C: BidirectionalCollection>(_ nir: C) -> Bool where C.Element == UInt8 {
        guard nir.count == 15, let key = key(for: nir.prefix(13)) else { return false }
        let tail = Array(nir.suffix(2))
        guard tail.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return Int(tail[0] - 0x30) * 10 + Int(tail[1] - 0x30) == key
    }
}
