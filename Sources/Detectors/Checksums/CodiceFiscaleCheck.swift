/// The check letter of an Italian codice fiscale (DM 23 dicembre 1976, allegato): the 16th
/// character, from the first 15.
///
/// Characters in odd positions (1st, 3rd, ...) take a value from the odd table, those in even
/// positions their plain value (digits 0-9, letters A=0 ... Z=25); the sum mod 26 is the
/// letter.
public enum CodiceFiscaleCheck {
    /// Values of 0...9 and then A...Z in odd positions.
    private static let oddDigitValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
    private static let oddLetterValues = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8,
                                          12, 14, 16, 10, 22, 25, 24, 23]

    /// The check letter (an upper-case ASCII byte) for 15 characters (digits and upper-case
    /// letters); nil for another length or character.
    public static func checkLetter<C: Collection>(for code: C) -> UInt8? where C.Element == UInt8 {
        guard code.count == 15 else { return nil }
        var sum = 0
        for (index, character) in code.enumerated() {
            let isOdd = index % 2 == 0
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let value = Int(character - UInt8(ascii: "0"))
                sum += isOdd ? oddDigitValues[value] : value
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                let value = Int(character - UInt8(ascii: "A"))
                sum += isOdd ? oddLetterValues[value] : value
            default:
                return nil
            }
        }
        return UInt8(ascii: "A") + UInt8(sum % 26)
    }

    /// Whether 16 characters end with the check letter of the first 15.
    public static func isValid<C: Collection>(_ code: C) -> Bool where C.Element == UInt8 {
        let characters = Array(code)
        guard characters.count == 16, let check = checkLetter(for: characters.prefix(15)) else {
            return false
        }
        return characters[15] == check
    }

    /// Whether 16 characters end with the check letter of the first 15.
    public static func isValid(_ code: String) -> Bool { isValid(Array(code.utf8)) }
}
