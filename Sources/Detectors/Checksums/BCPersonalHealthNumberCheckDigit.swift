/// The modulus 11 check digit of a British Columbia Personal Health Number (BC Ministry of
/// Health, "PHN Check Digit Number Routine"): ten digits starting with 9; the second to ninth
/// digits are weighted 2, 4, 8, 5, 10, 9, 7, 3 and the check digit is 11 minus the weighted
/// sum's remainder mod 11. Stems giving 10 or 11 are never issued.
public enum BCPersonalHealthNumberCheckDigit {
    static let weights = [2, 4, 8, 5, 10, 9, 7, 3]

    /// The check digit for the first nine digits (the leading 9 included); nil if none exists
    /// or `stem` is not nine values in 0...9.
    public static func checkDigit(for stem: [Int]) -> Int? {
        guard stem.count == 9, stem.allSatisfy({ (0...9).contains($0) }) else { return nil }
        var sum = 0
        for (digit, weight) in zip(stem.dropFirst(), weights) { sum += digit * weight }
        let check = 11 - sum % 11
        return check < 10 ? check : nil
    }

    /// Whether ten digits form a BC PHN: a leading 9 and the check digit last.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 10, digits[0] == 9,
              let check = checkDigit(for: Array(digits.prefix(9))) else { return false }
        return digits[9] == check
    }
}
