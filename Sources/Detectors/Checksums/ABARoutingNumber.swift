/// The check of an ABA routing transit number (US): nine digits whose sum weighted
/// 3, 7, 1, 3, 7, 1, 3, 7, 1 is a multiple of 10, with a first two digits the Federal Reserve
/// assigns (00-12 banks, 21-32 thrifts, 61-72 electronic transactions, 80 traveller's cheques).
public enum ABARoutingNumber {
    private static let weights = [3, 7, 1, 3, 7, 1, 3, 7, 1]

    /// The prefixes (first two digits) in use.
    public static let prefixes: [ClosedRange<Int>] = [0...12, 21...32, 61...72, 80...80]

    /// Whether nine digits (values 0...9) pass the weighted check. O(1).
    public static func hasValidChecksum(_ digits: [Int]) -> Bool {
        guard digits.count == 9 else { return false }
        var sum = 0
        for (digit, weight) in zip(digits, weights) {
            guard (0...9).contains(digit) else { return false }
            sum += digit * weight
        }
        return sum % 10 == 0
    }

    /// Whether nine digits pass the check and start with an assigned prefix. O(1).
    public static func isValid(_ digits: [Int]) -> Bool {
        guard hasValidChecksum(digits) else { return false }
        let prefix = digits[0] * 10 + digits[1]
        return prefixes.contains { $0.contains(prefix) }
    }
}
