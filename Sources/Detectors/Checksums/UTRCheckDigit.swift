/// The check digit of a UK unique taxpayer reference (UTR): the first of its ten digits, from
/// the other nine (HMRC's modulus 11 rule, as in HMRC's own validators).
///
/// Digits 2-10 are weighted 6, 7, 8, 9, 10, 5, 4, 3, 2; the sum's remainder mod 11 indexes
/// `21987654321`.
public enum UTRCheckDigit {
    public static let weights = [6, 7, 8, 9, 10, 5, 4, 3, 2]
    private static let table = [2, 1, 9, 8, 7, 6, 5, 4, 3, 2, 1]

    /// The check digit for the nine digits after it; nil unless nine values in 0...9.
    public static func checkDigit(for digits: [Int]) -> Int? {
        guard digits.count == 9 else { return nil }
        var sum = 0
        for (digit, weight) in zip(digits, weights) {
            guard (0...9).contains(digit) else { return nil }
            sum += digit * weight
        }
        return table[sum % 11]
    }

    /// Whether ten digits start with the check digit of the other nine.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 10, let check = checkDigit(for: Array(digits.dropFirst())) else {
            return false
        }
        return digits[0] == check
    }
}
