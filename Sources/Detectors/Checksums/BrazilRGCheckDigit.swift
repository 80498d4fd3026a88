/// The check character of a São Paulo RG (Registro Geral) number: eight digits and a check
/// character written `0`-`9` or `X`.
///
/// The eight digits are weighted 2...9 from the left; the check value is 11 minus the sum's
/// remainder mod 11, where 10 is written `X` and 11 is `0`. (Weighting 9...2 and taking the
/// remainder itself gives the same character, since the two weight sets sum to 11 at each
/// position.) Other states number their RGs without a published check.
public enum BrazilRGCheckDigit {
    /// The check character (`0`-`9` or `X`) for eight digits; nil if not eight values in 0...9.
    public static func checkCharacter(for stem: [Int]) -> UInt8? {
        guard stem.count == 8, stem.allSatisfy({ (0...9).contains($0) }) else { return nil }
        var sum = 0
        for (index, digit) in stem.enumerated() { sum += digit * (index + 2) }
        let check = 11 - sum % 11
        switch check {
        case 10: return UInt8(ascii: "X")
        case 11: return UInt8(ascii: "0")
        default: return UInt8(ascii: "0") + UInt8(check)
        }
    }

    /// Whether eight digits and a check character (`x` accepted as `X`) form a valid SP RG.
    public static func isValid(_ characters: [UInt8]) -> Bool {
        guard characters.count == 9 else { return false }
        let stem = characters.prefix(8).map { Int($0) - 48 }
        guard let check = checkCharacter(for: stem) else { return false }
        let last = characters[8] == UInt8(ascii: "x") ? UInt8(ascii: "X") : characters[8]
        return last == check
    }
}
