/// The check character (last of 12 or 13) of a Mexican RFC (Registro Federal de
/// Contribuyentes, SAT).
///
/// A twelve-character RFC (legal entity) is padded with a leading space to thirteen. Characters
/// are valued by their index in `0-9 A-N & O-Z space Ñ`; the first twelve are weighted 13...2
/// and the check value is 11 minus the sum's remainder mod 11, where 11 is written `0` and 10
/// is written `A`.
public enum MexicoRFCCheckDigit {
    /// The value of an ASCII RFC character (`Ñ`, 38, is not ASCII and is not handled).
    public static func value(of character: UInt8) -> Int? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(character) - 48
        case UInt8(ascii: "A")...UInt8(ascii: "N"): return Int(character) - 65 + 10
        case UInt8(ascii: "&"): return 24
        case UInt8(ascii: "O")...UInt8(ascii: "Z"): return Int(character) - 65 + 11
        case UInt8(ascii: " "): return 37
        default: return nil
        }
    }

    /// The check character for the RFC without it (11 or 12 characters); nil otherwise.
    public static func checkCharacter(for stem: [UInt8]) -> UInt8? {
        let padded: [UInt8]
        switch stem.count {
        case 12: padded = stem
        case 11: padded = [UInt8(ascii: " ")] + stem
        default: return nil
        }
        var sum = 0
        for (index, character) in padded.enumerated() {
            guard let value = value(of: character) else { return nil }
            sum += value * (13 - index)
        }
        let check = 11 - sum % 11
        switch check {
        case 11: return UInt8(ascii: "0")
        case 10: return UInt8(ascii: "A")
        default: return UInt8(ascii: "0") + UInt8(check)
        }
    }

    /// Whether a twelve- or thirteen-character RFC ends with the right check character.
    public static func isValid(_ rfc: [UInt8]) -> Bool {
        guard rfc.count == 12 || rfc.count == 13,
              let check = checkCharacter(for: Array(rfc.dropLast())) else { return false }
        return rfc.last == check
    }
}
