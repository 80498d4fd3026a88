/// The check digit of a US Drug Enforcement Administration registration number (two letters
/// and seven digits): the last digit of (d1 + d3 + d5) + 2 × (d2 + d4 + d6).
public enum DEACheckDigit {
    /// The check digit for the first six digits; nil unless `stem` is six values in 0...9.
    public static func checkDigit(for stem: [Int]) -> Int? {
        guard stem.count == 6, stem.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let odd = stem[0] + stem[2] + stem[4]
        let even = stem[1] + stem[3] + stem[5]
        return (odd + 2 * even) % 10
    }

    /// Whether the seven digits of a registration number end with their check digit.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 7, let check = checkDigit(for: Array(digits.prefix(6))) else {
            return false
        }
        return digits[6] == check
    }
}
