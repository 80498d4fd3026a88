/// The Luhn (mod 10) check of ISO/IEC 7812-1, used by payment card numbers and Canadian
/// social insurance numbers.
public enum Luhn {
    /// Whether `digits` (values 0...9, check digit last) pass the Luhn check.
    ///
    /// Fewer than two digits, or a value outside 0...9, is never valid. O(n).
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count >= 2, let sum = weightedSum(digits, doublingRightmost: false) else {
            return false
        }
        return sum % 10 == 0
    }

    /// The check digit that, appended to `payload`, makes a Luhn-valid number; nil if a value
    /// is outside 0...9. O(n).
    public static func checkDigit(for payload: [Int]) -> Int? {
        guard let sum = weightedSum(payload, doublingRightmost: true) else { return nil }
        return (10 - sum % 10) % 10
    }

    /// The sum of the digits with every second one, counted from the right, doubled (and 9
    /// subtracted when the double exceeds 9).
    private static func weightedSum(_ digits: [Int], doublingRightmost: Bool) -> Int? {
        var sum = 0
        var doubles = doublingRightmost
        for digit in digits.reversed() {
            guard (0...9).contains(digit) else { return nil }
            if doubles {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
            doubles.toggle()
        }
        return sum
    }
}
