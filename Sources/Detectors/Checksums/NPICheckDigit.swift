/// The check digit of a US National Provider Identifier (CMS, "Requirements for NPI Check
/// Digit"): the Luhn formula over the card-issuer prefix 80840 and the NPI's ten digits, so
/// every NPI can serve as a card issuer identifier on a health identification card.
public enum NPICheckDigit {
    /// The ISO 7812 prefix CMS computes the check digit with: 80 (health) and 840 (USA).
    static let prefix = [8, 0, 8, 4, 0]

    /// The check digit for the first nine digits of an NPI; nil unless `stem` is nine values
    /// in 0...9. O(1).
    public static func checkDigit(for stem: [Int]) -> Int? {
        guard stem.count == 9 else { return nil }
        return Luhn.checkDigit(for: prefix + stem)
    }

    /// Whether ten digits form an NPI whose last digit is its check digit (the leading 1 or 2
    /// CMS issues under is not checked here). O(1).
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 10, let check = checkDigit(for: Array(digits.prefix(9))) else {
            return false
        }
        return digits[9] == check
    }
}
