/// `Transform.mask` and `Generalization.prefix`: rewriting a value character by character.
///
/// Characters are grapheme clusters (`é` written as `e` and a combining accent is one), so a
/// mask never splits one. A character is *maskable* when it is a letter or a number in
/// Unicode's sense (`Character.isLetter`, `isNumber`); everything else is a separator.
enum CharacterMasking {
    private static func isMaskable(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Replaces characters with the mask character, keeping `keepFirst` and `keepLast` of them
    /// (counted over maskable characters when `keepSeparators` is set, over all characters
    /// otherwise) and, with `keepSeparators`, every separator.
    ///
    /// When the kept characters would cover the whole value, everything is masked instead: a
    /// mask never returns the value it was given (`1234` with keep-last-4 gives `****`).
    static func mask(_ value: String, _ mask: CharacterMask) -> String {
        // ASCII without CR (so every byte is one character): work on bytes, where letters and
        // digits are exactly the maskable characters.
        if mask.character.isASCII, value.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return maskASCII(value, mask)
        }
        return maskCharacters(value, mask)
    }

    /// `mask` over grapheme clusters, for any text.
    static func maskCharacters(_ value: String, _ mask: CharacterMask) -> String {
        let characters = Array(value)
        let counted = mask.keepSeparators ? characters.filter(isMaskable).count : characters.count
        var keepFirst = mask.keepFirst
        var keepLast = mask.keepLast
        if keepFirst + keepLast >= counted {
            keepFirst = 0
            keepLast = 0
        }
        let fill = Character(mask.character)
        var output = ""
        output.reserveCapacity(value.utf8.count)
        var seen = 0
        for character in characters {
            if mask.keepSeparators && !isMaskable(character) {
                output.append(character)
                continue
            }
            let isKept = seen < keepFirst || seen >= counted - keepLast
            output.append(isKept ? character : fill)
            seen += 1
        }
        return output
    }

    /// `mask` over bytes, for ASCII text without CR.
    static func maskASCII(_ value: String, _ mask: CharacterMask) -> String {
        let isMaskableByte = { (byte: UInt8) in isASCIIDigit(byte) || (byte | 0x20) &- 0x61 < 26 }
        let bytes = value.utf8
        let counted = mask.keepSeparators ? bytes.reduce(0) { $0 + (isMaskableByte($1) ? 1 : 0) } : bytes.count
        var keepFirst = mask.keepFirst
        var keepLast = mask.keepLast
        if keepFirst + keepLast >= counted {
            keepFirst = 0
            keepLast = 0
        }
        let fill = UInt8(mask.character.value)
        return String(unsafeUninitializedCapacity: bytes.count) { output in
            var seen = 0
            for (index, byte) in bytes.enumerated() {
                if mask.keepSeparators && !isMaskableByte(byte) {
                    output[index] = byte
                    continue
                }
                output[index] = seen < keepFirst || seen >= counted - keepLast ? byte : fill
                seen += 1
            }
            return bytes.count
        }
    }

    /// Keeps the first `count` maskable characters. With `fill`, each later maskable character
    /// becomes `fill` and separators stay (`94105-1234`, 3, `*` gives `941**-****`); without it,
    /// the value ends after the `count`-th maskable character (`94105-1234`, 3 gives `941`;
    /// separators before it stay: `AB-1234`, 3 gives `AB-1`). A value with `count` or fewer
    /// maskable characters is returned as it is.
    static func keepPrefix(_ value: String, count: Int, fill: Unicode.Scalar?) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        var seen = 0
        for character in value {
            guard isMaskable(character) else {
                if fill != nil || seen < count { output.append(character) }
                continue
            }
            if seen < count {
                output.append(character)
            } else if let fill {
                output.unicodeScalars.append(fill)
            } else {
                break
            }
            seen += 1
        }
        return output
    }
}
