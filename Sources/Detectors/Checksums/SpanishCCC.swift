/// The two control digits (DC) of a Spanish domestic bank account number, the código cuenta
/// cliente: entity (4 digits), office (4 digits), DC (2 digits), account (10 digits).
///
/// The first control digit covers `00` + entity + office, the second the account; each is
/// 11 minus the sum of the digits weighted 1, 2, 4, 8, 5, 10, 9, 7, 3, 6, mod 11, with 11
/// written 0 and 10 written 1.
public enum SpanishCCC {
    private static let weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]

    /// The control digit of ten digits (values 0...9); nil for another count or value.
    public static func controlDigit(_ digits: ArraySlice<Int>) -> Int? {
        guard digits.count == 10 else { return nil }
        var sum = 0
        for (digit, weight) in zip(digits, weights) {
            guard (0...9).contains(digit) else { return nil }
            sum += digit * weight
        }
        let check = 11 - sum % 11
        return check == 11 ? 0 : check == 10 ? 1 : check
    }

    /// Whether 20 digits (entity, office, DC, account) carry the right control digits. O(1).
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 20,
              let first = controlDigit(ArraySlice([0, 0] + digits[0..<8])),
              let second = controlDigit(digits[10..<20])
        else { return false }
        return digits[8] == first && digits[9] == second
    }
}
