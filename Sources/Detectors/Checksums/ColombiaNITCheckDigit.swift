/// The check digit (dígito de verificación, DV) of a Colombian NIT (DIAN): the body's digits,
/// from the right, are weighted 3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71; with
/// r the sum's remainder mod 11, the DV is r when r is 0 or 1 and 11 - r otherwise.
public enum ColombiaNITCheckDigit {
    static let weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]

    /// The DV for a body of 1 to 15 digits; nil otherwise.
    public static func checkDigit(for body: [Int]) -> Int? {
        guard (1...weights.count).contains(body.count), body.allSatisfy({ (0...9).contains($0) }) else {
            return nil
        }
        let remainder = zip(body.reversed(), weights).reduce(0) { $0 + $1.0 * $1.1 } % 11
        return remainder < 2 ? remainder : 11 - remainder
    }

    /// Whether the digits (DV last) pass the check.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count >= 2, let check = checkDigit(for: Array(digits.dropLast())) else { return false }
        return digits.last == check
    }
}
