/// The Verhoeff check digit (J. Verhoeff, 1969), built on the dihedral group D5, which catches
/// every single-digit error and every transposition of adjacent digits. India's Aadhaar numbers
/// carry one as their twelfth digit (UIDAI).
public enum Verhoeff {
    /// The multiplication table of D5.
    private static let multiplication: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ]
    /// The position permutation, applied i mod 8 times to the i-th digit from the right.
    private static let permutation: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ]
    /// The inverse of each element of D5.
    private static let inverse = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

    /// Whether `digits` (values 0...9, check digit last) pass the Verhoeff check; false for
    /// fewer than two digits or a value outside 0...9. O(n).
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count >= 2, let check = fold(digits, offset: 0) else { return false }
        return check == 0
    }

    /// The check digit to append to `payload`; nil if a value is outside 0...9. O(n).
    public static func checkDigit(for payload: [Int]) -> Int? {
        guard let check = fold(payload, offset: 1) else { return nil }
        return inverse[check]
    }

    /// Folds the digits from the right; `offset` is the position of the rightmost digit.
    private static func fold(_ digits: [Int], offset: Int) -> Int? {
        var check = 0
        for (index, digit) in digits.reversed().enumerated() {
            guard (0...9).contains(digit) else { return nil }
            check = multiplication[check][permutation[(index + offset) % 8][digit]]
        }
        return check
    }
}
