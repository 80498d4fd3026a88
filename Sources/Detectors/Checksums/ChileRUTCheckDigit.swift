/// The check character (dígito verificador) of a Chilean RUT/RUN (Servicio de Registro Civil e
/// Identificación, Servicio de Impuestos Internos): "módulo 11".
///
/// The body's digits are weighted 2, 3, 4, 5, 6, 7, 2, 3, ... from the right; the check value
/// is 11 minus the sum's remainder mod 11, where 11 is written `0` and 10 is written `K`.
public enum ChileRUTCheckDigit {
    /// The check character (`0`-`9` or `K`) for a body of 1 to 9 digits; nil otherwise.
    public static func checkCharacter(for body: [Int]) -> UInt8? {
        guard (1...9).contains(body.count), body.allSatisfy({ (0...9).contains($0) }) else { return nil }
        var sum = 0
        for (index, digit) in body.reversed().enumerated() { sum += digit * (2 + index % 6) }
        let check = 11 - sum % 11
        switch check {
        case 10: return UInt8(ascii: "K")
        case 11: return UInt8(ascii: "0")
        default: return UInt8(ascii: "0") + UInt8(check)
        }
    }

    /// Whether a body and its check character (`k` accepted as `K`) form a valid RUT.
    public static func isValid(body: [Int], check: UInt8) -> Bool {
        guard let expected = checkCharacter(for: body) else { return false }
        return (check == UInt8(ascii: "k") ? UInt8(ascii: "K") : check) == expected
    }
}
