/// The two check digits of a Brazilian CPF (Cadastro de Pessoas Físicas, Receita Federal).
///
/// The first nine digits are weighted 10...2 and the first check digit is 11 minus the sum's
/// remainder mod 11 (0 when that is 10 or 11); the second weighs the first ten digits 11...2.
public enum BrazilCPFCheckDigits {
    /// The two check digits for a nine-digit stem; nil if it is not nine values in 0...9.
    public static func checkDigits(for stem: [Int]) -> (Int, Int)? {
        guard stem.count == 9, stem.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let first = digit(stem)
        let second = digit(stem + [first])
        return (first, second)
    }

    /// Whether eleven digits form a valid CPF (two check digits last). Numbers of one repeated
    /// digit pass the arithmetic but are never issued, so they are invalid here.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 11, Set(digits).count > 1,
              let (first, second) = checkDigits(for: Array(digits.prefix(9))) else { return false }
        return digits[9] == first && digits[10] == second
    }

    private static func digit(_ values: [Int]) -> Int {
        var sum = 0
        for (index, value) in values.enumerated() { sum += value * (values.count + 1 - index) }
        let remainder = sum % 11
        return remainder < 2 ? 0 : 11 - remainder
    }
}
