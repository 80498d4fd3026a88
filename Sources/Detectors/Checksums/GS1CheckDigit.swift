/// The GS1 modulo 10 check digit of a GTIN (GS1 General Specifications, "Check digit
/// calculation"): from the right, the payload's digits are weighted 3, 1, 3, 1, ...; the
/// check digit brings the weighted sum up to a multiple of ten.
public enum GS1CheckDigit {
    /// The check digit for `payload` (the digits before it); nil if a value is outside 0...9
    /// or the payload is empty. O(n).
    public static func checkDigit(for payload: [Int]) -> Int? {
        guard !payload.isEmpty else { return nil }
        var sum = 0
        for (index, digit) in payload.reversed().enumerated() {
            guard (0...9).contains(digit) else { return nil }
            sum += index % 2 == 0 ? 3 * digit : digit
        }
        return (10 - sum % 10) % 10
    }

    /// Whether `digits` (GTIN-8, -12, -13 or -14, or any GS1 key, check digit last) pass. O(n).
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count >= 2, let check = checkDigit(for: Array(digits.dropLast())) else {
            return false
        }
        return digits.last == check
    }
}
