/// The check digit of a machine-readable travel document field (ICAO Doc 9303 Part 3, 4.9):
/// passport and identity card numbers, dates, optional data.
///
/// Digits count as themselves, letters A...Z as 10...35 and the filler `<` as 0; the values
/// are weighted 7, 3, 1, 7, 3, 1, ... and the check digit is the sum mod 10.
public enum ICAO9303CheckDigit {
    /// The value of one MRZ character (digit, upper-case letter or `<`); nil for anything else.
    public static func value(of character: UInt8) -> Int? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(character - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(character - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "<"): return 0
        default: return nil
        }
    }

    /// The check digit of `field`; nil if a character is not an MRZ character. O(n).
    public static func checkDigit<C: Collection>(for field: C) -> Int? where C.Element == UInt8 {
        let weights = [7, 3, 1]
        var sum = 0
        for (index, character) in field.enumerated() {
            guard let value = value(of: character) else { return nil }
            sum += value * weights[index % 3]
        }
        return sum % 10
    }

    /// Whether the last character of `field` is the check digit of the characters before it.
    public static func isValid<C: Collection>(_ field: C) -> Bool where C.Element == UInt8 {
        let characters = Array(field)
        guard characters.count >= 2, let check = checkDigit(for: characters.dropLast()),
              let last = characters.last else { return false }
        return last == UInt8(ascii: "0") + UInt8(check)
    }

    /// Whether the last character of `field` is the check digit of the characters before it.
    public static func isValid(_ field: String) -> Bool { isValid(Array(field.utf8)) }
}
