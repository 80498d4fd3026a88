/// The Finnish personal identity code (henkilötunnus), `DDMMYYCZZZQ`: birth date, a century
/// sign, an individual number and a check character, as the Digital and Population Data
/// Services Agency (DVV) defines it. Finnish driving licences carry it.
public enum FinnishPersonalIdentityCode {
    /// The check characters, indexed by the nine-digit number `DDMMYYZZZ` modulo 31.
    static let checkCharacters = Array("0123456789ABCDEFHJKLMNPRSTUVWXY".utf8)

    /// The century each sign stands for: `+` the 1800s; `-`, `Y`, `X`, `W`, `V`, `U` the 1900s;
    /// `A`, `B`, `C`, `D`, `E`, `F` the 2000s (the letters other than `A` since 2023).
    static func century(_ sign: UInt8) -> Int? {
        switch sign {
        case UInt8(ascii: "+"): return 1800
        case UInt8(ascii: "-"), UInt8(ascii: "U")...UInt8(ascii: "Y"): return 1900
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return 2000
        default: return nil
        }
    }

    /// The check character for a birth date `DDMMYY` and individual number `ZZZ` given as nine
    /// digits (values 0...9), or nil if a value is out of range. O(1).
    public static func checkCharacter(for digits: [Int]) -> Character? {
        guard digits.count == 9, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let number = digits.reduce(0) { $0 * 10 + $1 }
        return Character(Unicode.Scalar(checkCharacters[number % 31]))
    }

    /// Whether `code` (11 ASCII bytes, `DDMMYYCZZZQ`) is a well-formed identity code: a date
    /// that exists in the century its sign names, an individual number from 002 to 999, and the
    /// right check character. O(1).
    public static func isValid<Bytes: Collection<UInt8>>(_ code: Bytes) -> Bool {
        let c = Array(code)
        guard c.count == 11, let century = century(c[6]) else { return false }
        var digits: [Int] = []
        for i in [0, 1, 2, 3, 4, 5, 7, 8, 9] {
            let d = Int(c[i]) - 0x30
            guard (0...9).contains(d) else { return false }
            digits.append(d)
        }
        let day = digits[0] * 10 + digits[1], month = digits[2] * 10 + digits[3]
        let year = century + digits[4] * 10 + digits[5]
        let individual = digits[6] * 100 + digits[7] * 10 + digits[8]
        guard BirthDate.isValid(year: year, month: month, day: day), individual >= 2,
              let check = checkCharacter(for: digits) else { return false }
        return check.asciiValue == c[10]
    }
}
