/// The check digit (position 18) of a Mexican CURP (RENAPO, "Instructivo normativo para la
/// asignación de la CURP").
///
/// Characters are valued by their index in `0-9 A-N Ñ O-Z` (so `O` is 25 and `Z` is 36); the
/// first seventeen are weighted 18...2 and the check digit is (10 - sum mod 10) mod 10.
public enum MexicoCURPCheckDigit {
    /// The value of an ASCII CURP character (`Ñ` never appears: CURPs write it `X`).
    public static func value(of character: UInt8) -> Int? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(character) - 48
        case UInt8(ascii: "A")...UInt8(ascii: "N"): return Int(character) - 65 + 10
        case UInt8(ascii: "O")...UInt8(ascii: "Z"): return Int(character) - 65 + 11
        default: return nil
        }
    }

    /// The check digit for the first seventeen characters; nil if there are not seventeen
    /// CURP characters.
    public static func checkDigit<C: Collection>(for stem: C) -> Int? where C.Element == UInt8 {
        guard stem.count == 17 else { return nil }
        var sum = 0
        for (index, character) in stem.enumerated() {
            guard let value = value(of: character) else { return nil }
            sum += value * (18 - index)
        }
        return (10 - sum % 10) % 10
    }

    /// Whether eighteen characters end with the right check digit.
    public static func isValid(_ curp: [UInt8]) -> Bool {
        guard curp.count == 18, let check = checkDigit(for: curp.prefix(17)) else { return false }
        return Int(curp[17]) - 48 == check
    }
}
