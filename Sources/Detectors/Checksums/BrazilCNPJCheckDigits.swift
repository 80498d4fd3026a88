/// The two check digits of a Brazilian CNPJ (Cadastro Nacional da Pessoa Jurídica), numeric or
/// alphanumeric (Receita Federal, IN RFB 2.229/2024: from July 2026 the first twelve characters
/// may be upper-case letters).
///
/// Each character is valued as its ASCII code minus 48 (digits 0-9, `A` = 17 ... `Z` = 42). The
/// first twelve are weighted 5,4,3,2,9,8,7,6,5,4,3,2 and the first check digit is 11 minus the
/// sum's remainder mod 11 (0 when the remainder is 0 or 1); the second weighs the first thirteen
/// 6,5,4,3,2,9,8,7,6,5,4,3,2. The check digits are always numeric.
public enum BrazilCNPJCheckDigits {
    static let firstWeights = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
    static let secondWeights = [6] + firstWeights

    /// The value of a CNPJ character (`0`-`9`, `A`-`Z`), or nil.
    public static func value(of character: UInt8) -> Int? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return Int(character) - 48
        default:
            return nil
        }
    }

    /// The two check digits for the first twelve characters; nil if there are not twelve CNPJ
    /// characters.
    public static func checkDigits<C: Collection>(for stem: C) -> (Int, Int)? where C.Element == UInt8 {
        guard stem.count == 12 else { return nil }
        var values: [Int] = []
        for character in stem {
            guard let value = value(of: character) else { return nil }
            values.append(value)
        }
        let first = digit(values, firstWeights)
        let second = digit(values + [first], secondWeights)
        return (first, second)
    }

    /// Whether fourteen characters (separators removed) form a valid CNPJ. A CNPJ of one
    /// repeated character passes the arithmetic but is never issued, so it is invalid here.
    public static func isValid(_ characters: [UInt8]) -> Bool {
        guard characters.count == 14, Set(characters).count > 1,
              let (first, second) = checkDigits(for: characters.prefix(12)) else { return false }
        return Int(characters[12]) - 48 == first && Int(characters[13]) - 48 == second
    }

    private static func digit(_ values: [Int], _ weights: [Int]) -> Int {
        let remainder = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        return remainder < 2 ? 0 : 11 - remainder
    }
}
