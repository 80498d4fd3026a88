/// The ISO/IEC 7064 MOD 11,10 hybrid check digit, as Germany's tax identification number
/// (Steuerliche Identifikationsnummer) uses it.
///
/// Starting from 10, each digit is added mod 10 (a result of 0 counts as 10), the sum doubled
/// and reduced mod 11; the check digit brings the final product to 1.
public enum ISO7064Mod11_10 {
    /// The check digit for `digits` (values 0...9); nil if empty or a value is out of range.
    /// O(n).
    public static func checkDigit(for digits: [Int]) -> Int? {
        guard !digits.isEmpty else { return nil }
        var product = 10
        for digit in digits {
            guard (0...9).contains(digit) else { return nil }
            var sum = (digit + product) % 10
            if sum == 0 { sum = 10 }
            product = (sum * 2) % 11
        }
        return (11 - product) % 10
    }

    /// Whether the last digit of `digits` is the check digit of the others. O(n).
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count >= 2, let check = checkDigit(for: Array(digits.dropLast())) else {
            return false
        }
        return digits[digits.count - 1] == check
    }
}
