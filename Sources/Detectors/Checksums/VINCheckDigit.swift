/// The North American check digit of a vehicle identification number (49 CFR 565.15), in
/// position 9 of the 17 characters that ISO 3779 defines.
///
/// Each character is transliterated to a value (digits as themselves, letters by a fixed table;
/// I, O and Q are never used), weighted by position, and the sum taken mod 11; a remainder of
/// 10 is written `X`.
public enum VINCheckDigit {
    /// The weight of each of the 17 positions (position 9, the check digit itself, weighs 0).
    public static let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]

    /// The values of A...Z; 0 marks the letters VINs never use (I, O, Q).
    private static let letterValues = [1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9]

    /// The transliterated value of an upper-case VIN character; nil for I, O, Q and anything
    /// that is not a digit or an upper-case ASCII letter.
    public static func value(of character: UInt8) -> Int? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return Int(character - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            let value = letterValues[Int(character - UInt8(ascii: "A"))]
            return value == 0 ? nil : value
        default:
            return nil
        }
    }

    /// The check character (`0`...`9` or `X`) for 17 VIN characters (position 9 is ignored);
    /// nil if there are not 17 characters or one is not a VIN character.
    public static func checkCharacter<C: Collection>(for vin: C) -> UInt8? where C.Element == UInt8 {
        guard vin.count == 17 else { return nil }
        var sum = 0
        for (character, weight) in zip(vin, weights) {
            guard let value = value(of: character) else { return nil }
            sum += value * weight
        }
        let remainder = sum % 11
        return remainder == 10 ? UInt8(ascii: "X") : UInt8(ascii: "0") + UInt8(remainder)
    }

    /// Whether position 9 of a 17-character VIN holds its check character.
    public static func isValid<C: Collection>(_ vin: C) -> Bool where C.Element == UInt8 {
        guard let check = checkCharacter(for: vin) else { return false }
        return vin[vin.index(vin.startIndex, offsetBy: 8)] == check
    }

    /// Whether position 9 of a 17-character VIN holds its check character.
    public static func isValid(_ vin: String) -> Bool { isValid(Array(vin.utf8)) }
}
