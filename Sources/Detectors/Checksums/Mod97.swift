/// The ISO 7064 MOD 97-10 check of an IBAN (ISO 13616).
///
/// The first four characters (country code and check digits) move to the end, each letter
/// becomes two digits (A = 10 ... Z = 35), and the resulting number must leave 1 when divided
/// by 97.
public enum Mod97 {
    /// The remainder mod 97 of `iban` (compact: letters and digits only, any case) after the
    /// rearrangement above; nil if it has fewer than five characters or a byte that is not an
    /// ASCII letter or digit. O(n).
    public static func ibanRemainder<C: Collection>(_ iban: C) -> Int? where C.Element == UInt8 {
        guard iban.count > 4 else { return nil }
        var remainder = 0
        for byte in [iban.dropFirst(4), iban.prefix(4)].joined() {
            guard let value = characterValue(byte) else { return nil }
            remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97
        }
        return remainder
    }

    /// Whether `iban` passes the check; spaces are ignored, so both the compact and the printed
    /// form (`DE89 3704 0044 0532 0130 00`) work. Does not check the country's length. O(n).
    public static func isValidIBAN(_ iban: String) -> Bool {
        ibanRemainder(iban.utf8.filter { $0 != UInt8(ascii: " ") }) == 1
    }

    /// The two check digits for a country code and BBAN (the characters after the check
    /// digits); nil if a character is not an ASCII letter or digit.
    public static func ibanCheckDigits(countryCode: String, bban: String) -> String? {
        guard let remainder = ibanRemainder(Array((countryCode + "00" + bban).utf8)) else {
            return nil
        }
        let check = 98 - remainder
        return check < 10 ? "0\(check)" : "\(check)"
    }

    /// 0...9 for a digit, 10...35 for a letter of either case.
    private static func characterValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 10
        default: return nil
        }
    }
}
