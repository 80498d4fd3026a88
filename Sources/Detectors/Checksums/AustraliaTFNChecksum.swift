/// The weighted modulus 11 check of an Australian tax file number (ATO): a nine-digit TFN is
/// weighted 1,4,3,7,5,8,6,9,10 and an older eight-digit TFN 10,7,8,4,6,3,5,1; the sum must be
/// a multiple of 11.
public enum AustraliaTFNChecksum {
    static let nineDigitWeights = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    static let eightDigitWeights = [10, 7, 8, 4, 6, 3, 5, 1]

    /// Whether eight or nine digits pass the check.
    public static func isValid(_ digits: [Int]) -> Bool {
        let weights: [Int]
        switch digits.count {
        case 9: weights = nineDigitWeights
        case 8: weights = eightDigitWeights
        default: return false
        }
        guard digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        return zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11 == 0
    }
}
