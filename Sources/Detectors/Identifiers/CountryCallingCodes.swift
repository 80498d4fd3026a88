/// The country calling codes the ITU has assigned (E.164 and its annexes: countries, shared
/// codes such as +1 and +7, and the global services +800, +808, +870, +881, +882, +883, +979),
/// compact enough to check the prefix of an international number.
///
/// The codes are prefix-free: no assigned code begins another, so reading one to three digits
/// finds at most one code.
enum CountryCallingCodes {
    /// Every assigned code, as a number (`44`, `353`, `1`).
    static let assigned: Set<Int> = {
        var codes: Set<Int> = [1, 7]
        // Two-digit codes.
        codes.formUnion([20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49,
                         51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84,
                         86, 90, 91, 92, 93, 94, 95, 98])
        // Three-digit codes, by the two-digit zone that holds them.
        let threeDigit: [Int: [Int]] = [
            21: [1, 2, 3, 6, 8],
            22: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            23: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            24: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            25: [0, 1, 2, 3, 4, 5, 6, 7, 8],
            26: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            29: [0, 1, 7, 8, 9],
            35: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            37: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            38: [0, 1, 2, 3, 5, 6, 7, 9],
            42: [0, 1, 3],
            50: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            59: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            67: [0, 2, 3, 4, 5, 6, 7, 8, 9],
            68: [0, 1, 2, 3, 5, 6, 7, 8, 9],
            69: [0, 1, 2],
            80: [0, 8],
            85: [0, 2, 3, 5, 6],
            87: [0],
            88: [0, 1, 2, 3, 6],
            96: [0, 1, 2, 3, 4, 5, 6, 7, 8],
            97: [0, 1, 2, 3, 4, 5, 6, 7, 9],
            99: [2, 3, 4, 5, 6, 8],
        ]
        for (zone, lastDigits) in threeDigit {
            for d in lastDigits { codes.insert(zone * 10 + d) }
        }
        return codes
    }()

    /// The assigned code that `digits` (values 0...9) begins with, and its length in digits;
    /// nil when the digits begin with no assigned code.
    static func prefix<C: Collection>(of digits: C) -> (code: Int, length: Int)? where C.Element == Int {
        guard let first = digits.first, first != 0 else { return nil }
        var value = 0
        for (n, d) in digits.prefix(3).enumerated() {
            value = value * 10 + d
            if assigned.contains(value) { return (value, n + 1) }
        }
        return nil
    }
}
