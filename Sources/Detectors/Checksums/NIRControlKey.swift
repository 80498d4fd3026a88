/// The control key of a French NIR (numéro d'inscription au répertoire, the "numéro de
/// sécurité sociale" INSEE assigns): the last two of its 15 characters.
///
/// The key is 97 minus the 13-character number mod 97. Corsican departments are written `2A`
/// and `2B`; for the key they count as 19 and 18 (INSEE's rule).
public enum NIRControlKey {
    /// The key (1...97) for the first 13 characters of a NIR (ASCII digits, with `2A`/`2B` in
    /// positions 6-7); nil if they are not in that form.
    public static func key<C: Collection>(for number: C) -> Int? where C.Element == UInt8 {
        var characters = Array(number)
        guard characters.count == 13 else { return nil }
        if characters[5] == UInt8(ascii: "2") {
            switch characters[6] {
            case UInt8(ascii: "A"): characters[5] = UInt8(ascii: "1"); characters[6] = UInt8(ascii: "9")
            case UInt8(ascii: "B"): characters[5] = UInt8(ascii: "1"); characters[6] = UInt8(ascii: "8")
            default: break
            }
        }
        var remainder = 0
        for character in characters {
            guard character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") else { return nil }
            remainder = (remainder * 10 + Int(character - UInt8(ascii: "0"))) % 97
        }
        return 97 - remainder
    }

    /// Whether 15 characters (compact) end with the key of the first 13.
    public static func isValid<C: Collection>(_ nir: C) -> Bool where C.Element == UInt8 {
        let characters = Array(nir)
        guard characters.count == 15, let key = key(for: characters.prefix(13)) else { return false }
        let tens = characters[13], units = characters[14]
        guard tens >= UInt8(ascii: "0"), tens <= UInt8(ascii: "9"),
              units >= UInt8(ascii: "0"), units <= UInt8(ascii: "9") else { return false }
        return Int(tens - UInt8(ascii: "0")) * 10 + Int(units - UInt8(ascii: "0")) == key
    }

    /// Whether a compact 15-character NIR ends with its key.
    public static func isValid(_ nir: String) -> Bool { isValid(Array(nir.utf8)) }
}
