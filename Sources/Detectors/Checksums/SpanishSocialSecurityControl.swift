/// The control digits of a Spanish social security number (número de afiliación a la
/// Seguridad Social): a two-digit province, an eight-digit number and two control digits.
///
/// The control is the number formed by the province and the eight digits mod 97, where an
/// eight-digit number below 10,000,000 is taken without its leading zero (province × 10^7 +
/// number) as the Tesorería General de la Seguridad Social computes it.
public enum SpanishSocialSecurityControl {
    /// The control (0...96) for a province and eight-digit number.
    public static func control(province: Int, number: Int) -> Int {
        let base = number < 10_000_000 ? province * 10_000_000 + number : province * 100_000_000 + number
        return base % 97
    }

    /// Whether twelve digits end with the control of the first ten.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 12, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        let province = digits[0] * 10 + digits[1]
        let number = digits[2..<10].reduce(0) { $0 * 10 + $1 }
        return control(province: province, number: number) == digits[10] * 10 + digits[11]
    }
}
