/// The CIN of an Italian (or Sammarinese) domestic bank account number: one check letter
/// computed over the ABI (5 digits), CAB (5 digits) and account number (12 letters or digits).
///
/// Each of the 22 characters has a value (a digit its own, a letter A = 0 ... Z = 25); values in
/// odd positions (1st, 3rd, ...) are mapped through a fixed table, those in even positions are
/// kept, and the sum mod 26 is the letter (0 = A).
public enum ItalianCIN {
    /// The mapping of odd-position values 0...25.
    private static let odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14,
                              16, 10, 22, 25, 24, 23]

    /// The CIN letter (an ASCII upper-case byte) for ABI + CAB + account (22 characters); nil
    /// for another length or a character that is not an ASCII letter or digit. O(n).
    public static func checkLetter<C: Collection>(for characters: C) -> UInt8? where C.Element == UInt8 {
        guard characters.count == 22 else { return nil }
        var sum = 0
        for (index, byte) in characters.enumerated() {
            let value: Int
            switch byte {
            case 0x30...0x39: value = Int(byte - 0x30)
            case 0x41...0x5A: value = Int(byte - 0x41)
            case 0x61...0x7A: value = Int(byte - 0x61)
            default: return nil
            }
            sum += index % 2 == 0 ? odd[value] : value
        }
        return UInt8(0x41 + sum % 26)
    }

    /// Whether 23 characters (CIN, ABI, CAB, account; separators removed) carry the right CIN
    /// (upper case). O(1).
    public static func isValid(_ bban: [UInt8]) -> Bool {
        guard bban.count == 23, let letter = checkLetter(for: bban.dropFirst()) else { return false }
        return bban[0] == letter
    }
}
