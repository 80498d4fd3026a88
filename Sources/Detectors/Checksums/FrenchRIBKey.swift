/// The clé RIB of a French (or Monegasque) domestic bank account number: bank code (5 digits),
/// branch code (5 digits), account number (11 letters or digits) and a two-digit key.
///
/// Letters of the account number count as digits (A and J as 1, B, K and S as 2, ... I, R and Z
/// as 9); the key is 97 minus (89 × bank + 15 × branch + 3 × account) mod 97.
public enum FrenchRIBKey {
    /// The key (1...97) for a bank code, branch code and account number; nil if a part has the
    /// wrong length or a character that is not an ASCII digit or letter. O(n).
    public static func key<C: Collection>(bank: C, branch: C, account: C) -> Int?
    where C.Element == UInt8 {
        guard bank.count == 5, branch.count == 5, account.count == 11,
              let b = remainder(bank), let g = remainder(branch), let a = remainder(account)
        else { return nil }
        return 97 - (89 * b + 15 * g + 3 * a) % 97
    }

    /// Whether 23 characters (bank, branch, account, key; separators removed) carry the right
    /// key. O(1).
    public static func isValid(_ rib: [UInt8]) -> Bool {
        guard rib.count == 23, let expected = key(bank: rib[0..<5], branch: rib[5..<10],
                                                   account: rib[10..<21]),
              let tens = digit(rib[21]), let units = digit(rib[22])
        else { return false }
        return tens * 10 + units == expected
    }

    /// The number the characters spell, mod 97, letters converted as above.
    private static func remainder<C: Collection>(_ characters: C) -> Int? where C.Element == UInt8 {
        var value = 0
        for byte in characters {
            guard let d = digit(byte) ?? letterValue(byte) else { return nil }
            value = (value * 10 + d) % 97
        }
        return value
    }

    private static func digit(_ byte: UInt8) -> Int? {
        (0x30...0x39).contains(byte) ? Int(byte - 0x30) : nil
    }

    /// A→1 ... I→9, J→1 ... R→9, S→2 ... Z→9 (either case).
    private static func letterValue(_ byte: UInt8) -> Int? {
        let upper = byte & ~0x20
        guard (0x41...0x5A).contains(upper) else { return nil }
        let index = Int(upper - 0x41)          // A = 0
        switch index {
        case 0...8: return index + 1           // A-I
        case 9...17: return index - 8          // J-R
        default: return index - 16             // S-Z
        }
    }
}
