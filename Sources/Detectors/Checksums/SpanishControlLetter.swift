/// The control letter of a Spanish DNI, NIE or K/L/M NIF (Ministerio del Interior, "Cálculo
/// del dígito de control del NIF/NIE").
///
/// The number mod 23 indexes `TRWAGMYFPDXBNJZSQVHLCKE`. A NIE's leading X, Y or Z counts as
/// 0, 1 or 2 in front of its seven digits; a K, L or M NIF uses its seven digits alone.
public enum SpanishControlLetter {
    /// The letters, indexed by the remainder mod 23.
    public static let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)

    /// The control letter (an ASCII byte) for a number; nil if it is negative.
    public static func letter(for number: Int) -> UInt8? {
        guard number >= 0 else { return nil }
        return letters[number % 23]
    }

    /// The number the digits (values 0...9) spell, after `prefix` (a NIE's 0, 1 or 2); nil if a
    /// value is out of range.
    public static func number(_ digits: [Int], prefix: Int = 0) -> Int? {
        var value = prefix
        for digit in digits {
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Whether a compact DNI (8 digits and a letter), NIE (X/Y/Z, 7 digits, letter) or K/L/M
    /// NIF (K/L/M, 7 digits, letter) ends with its control letter. Upper case only.
    public static func isValid<C: Collection>(_ identifier: C) -> Bool where C.Element == UInt8 {
        let characters = Array(identifier)
        guard characters.count == 9, let last = characters.last else { return false }
        var prefix = 0
        var body = characters[0..<8]
        switch characters[0] {
        case UInt8(ascii: "X"): prefix = 0; body = characters[1..<8]
        case UInt8(ascii: "Y"): prefix = 1; body = characters[1..<8]
        case UInt8(ascii: "Z"): prefix = 2; body = characters[1..<8]
        case UInt8(ascii: "K"), UInt8(ascii: "L"), UInt8(ascii: "M"): body = characters[1..<8]
        default: break
        }
        var digits: [Int] = []
        for character in body {
            guard character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") else { return false }
            digits.append(Int(character - UInt8(ascii: "0")))
        }
        guard let value = number(digits, prefix: prefix) else { return false }
        return letter(for: value) == last
    }

    /// Whether a compact DNI, NIE or K/L/M NIF ends with its control letter.
    public static func isValid(_ identifier: String) -> Bool { isValid(Array(identifier.utf8)) }
}
