/// The check digit of an Argentine CUIT/CUIL (AFIP/ARCA): eleven digits, a two-digit type
/// prefix, the eight-digit DNI or company number, and the check digit.
///
/// The first ten digits are weighted 5,4,3,2,7,6,5,4,3,2; the check digit is 11 minus the sum's
/// remainder mod 11, with 11 written 0. A result of 10 is never issued: AFIP changes the prefix
/// (to 23 or 33) instead.
public enum ArgentinaCUITCheckDigit {
    static let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

    /// The check digit for ten digits; nil when the result is 10 or the input is not ten values
    /// in 0...9.
    public static func checkDigit(for stem: [Int]) -> Int? {
        guard stem.count == 10, stem.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let check = 11 - zip(stem, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }

    /// Whether eleven digits (check digit last) pass the check.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 11, let check = checkDigit(for: Array(digits.prefix(10))) else { return false }
        return digits[10] == check
    }
}
