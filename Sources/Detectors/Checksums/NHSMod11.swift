/// The modulus 11 check digit of a UK NHS number (NHS Data Dictionary, "NHS Number").
///
/// The first nine digits are weighted 10, 9, ..., 2; the check digit is 11 minus the sum's
/// remainder mod 11, with 11 written as 0. A result of 10 means no number is issued with that
/// stem.
public enum NHSMod11 {
    /// The check digit for a nine-digit stem; nil when the result is 10 (never issued), or the
    /// stem is not nine values in 0...9.
    public static func checkDigit(for stem: [Int]) -> Int? {
        guard stem.count == 9 else { return nil }
        var sum = 0
        for (index, digit) in stem.enumerated() {
            guard (0...9).contains(digit) else { return nil }
            sum += digit * (10 - index)
        }
        let check = 11 - sum % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }

    /// Whether ten digits form a valid NHS number (the last one being the check digit).
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 10, let check = checkDigit(for: Array(digits.prefix(9))) else {
            return false
        }
        return digits[9] == check
    }
}
