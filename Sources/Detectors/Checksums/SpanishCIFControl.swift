/// The control character of a Spanish CIF (código de identificación fiscal, the NIF of a legal
/// entity): an entity letter, seven digits and a control digit or letter (Orden EHA/451/2008).
///
/// The seven digits' even positions are summed as they are and their odd positions doubled
/// with the digits of the product summed (the Luhn rule); the control is 10 minus the last
/// digit of the total (0 for 10), written as that digit or as the letter `JABCDEFGHI`[control].
/// Entities P, Q, R, S, N and W use the letter, A, B, E and H the digit, the others either.
public enum SpanishCIFControl {
    /// The entity letters a CIF starts with.
    public static let entityLetters = "ABCDEFGHJNPQRSUVW"
    /// The control letters, indexed by the control value.
    public static let controlLetters = Array("JABCDEFGHI".utf8)

    /// The control value (0...9) for seven digits; nil unless seven values in 0...9.
    public static func control(for digits: [Int]) -> Int? {
        guard digits.count == 7 else { return nil }
        var sum = 0
        for (index, digit) in digits.enumerated() {
            guard (0...9).contains(digit) else { return nil }
            if index % 2 == 0 {
                let doubled = digit * 2
                sum += doubled / 10 + doubled % 10
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10
    }

    /// Whether a compact upper-case CIF (9 characters) has the entity letter's kind of control
    /// and the right value.
    public static func isValid<C: Collection>(_ cif: C) -> Bool where C.Element == UInt8 {
        let characters = Array(cif)
        guard characters.count == 9, entityLetters.utf8.contains(characters[0]) else { return false }
        var digits: [Int] = []
        for character in characters[1..<8] {
            guard character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") else { return false }
            digits.append(Int(character - UInt8(ascii: "0")))
        }
        guard let control = control(for: digits) else { return false }
        let last = characters[8]
        let isDigitMatch = last == UInt8(ascii: "0") + UInt8(control)
        let isLetterMatch = last == controlLetters[control]
        switch characters[0] {
        case UInt8(ascii: "P"), UInt8(ascii: "Q"), UInt8(ascii: "R"), UInt8(ascii: "S"),
             UInt8(ascii: "N"), UInt8(ascii: "W"):
            return isLetterMatch
        case UInt8(ascii: "A"), UInt8(ascii: "B"), UInt8(ascii: "E"), UInt8(ascii: "H"):
            return isDigitMatch
        default:
            return isDigitMatch || isLetterMatch
        }
    }

    /// Whether a compact upper-case CIF has the right control character.
    public static func isValid(_ cif: String) -> Bool { isValid(Array(cif.utf8)) }
}
