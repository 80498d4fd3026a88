/// The check of a French tax number (numéro fiscal, or SPI): 13 digits whose last three are
/// the first ten mod 511 (the EU's TIN specification for France).
public enum FrenchTaxNumberCheck {
    /// The three check digits' value (0...510) for the first ten digits; nil unless ten values
    /// in 0...9.
    public static func checkValue(for digits: [Int]) -> Int? {
        guard digits.count == 10 else { return nil }
        var remainder = 0
        for digit in digits {
            guard (0...9).contains(digit) else { return nil }
            remainder = (remainder * 10 + digit) % 511
        }
        return remainder
    }

    /// Whether 13 digits end with the check value of their first ten.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 13, let check = checkValue(for: Array(digits.prefix(10))) else {
            return false
        }
        return digits[10] * 100 + digits[11] * 10 + digits[12] == check
    }
}
