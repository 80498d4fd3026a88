import Detectors

/// `Transform.encrypt`: FF1 over the digits and the letters of a value, each class as one
/// numeral string, everything else left in place.
///
/// Only ASCII digits and letters are enciphered; any other character, non-ASCII letters and
/// digits included (`é`, `٣`), and a character made of several scalars (`1⃣`, CR LF) stays
/// where it is. Letters are enciphered case-insensitively in radix 26 and each position gets
/// its original case back, so `AbCdE` gives `XyZwV`-shaped output.
///
/// Each class has its own FF1 tweak, the policy's tweak followed by one class byte (1: digits,
/// 2: digits before a Luhn check digit, 3: letters), so the same string in two classes or
/// modes does not encipher alike. The class byte always comes last, so different
/// (tweak, class) pairs never give the same FF1 tweak.
enum FormatPreserving {
    private static let digitsClass: UInt8 = 1
    private static let luhnDigitsClass: UInt8 = 2
    private static let lettersClass: UInt8 = 3

    static func crypt(
        _ value: String, _ options: FormatPreservingEncryption, keys: DerivedKeys, decrypting: Bool
    ) throws(TransformError) -> String {
        // Slots: one per Character; `ascii` is its byte when it is a single ASCII scalar, else 0.
        var ascii = Array(value.utf8)
        var characters: [Character]? = nil
        if ascii.contains(where: { $0 >= 0x80 }) {
            let all = Array(value)
            ascii = all.map { character in
                let scalars = character.unicodeScalars
                guard scalars.count == 1, let scalar = scalars.first, scalar.isASCII else { return 0 }
                return UInt8(scalar.value)
            }
            characters = all
        }

        var digitPositions: [Int] = []
        var letterPositions: [Int] = []
        for (index, byte) in ascii.enumerated() {
            if isASCIIDigit(byte) {
                digitPositions.append(index)
            } else if (byte | 0x20) &- 0x61 < 26 {
                letterPositions.append(index)
            }
        }

        let tweak = Array(options.tweak.utf8)
        var changed = false
        if options.keepLuhnValid {
            guard digitPositions.count >= 7 else {
                throw TransformError(.valueTooShort, "keeping a Luhn check digit needs at least 7 digits")
            }
            try cryptLuhn(&ascii, digitPositions, cipher: keys.digits, tweak: tweak + [luhnDigitsClass], decrypting: decrypting)
            changed = true
        } else if digitPositions.count >= keys.digits.minimumLength {
            try cryptClass(&ascii, digitPositions, cipher: keys.digits, tweak: tweak + [digitsClass], decrypting: decrypting, letters: false)
            changed = true
        }
        if letterPositions.count >= keys.letters.minimumLength {
            try cryptClass(&ascii, letterPositions, cipher: keys.letters, tweak: tweak + [lettersClass], decrypting: decrypting, letters: true)
            changed = true
        }
        guard changed else {
            throw TransformError(
                .valueTooShort,
                "format-preserving encryption needs at least \(keys.digits.minimumLength) digits or \(keys.letters.minimumLength) letters"
            )
        }

        guard let characters else { return String(decoding: ascii, as: UTF8.self) }
        var output = ""
        output.reserveCapacity(value.utf8.count)
        for (index, character) in characters.enumerated() {
            if ascii[index] != 0 {
                output.unicodeScalars.append(Unicode.Scalar(ascii[index]))
            } else {
                output.append(character)
            }
        }
        return output
    }

    private static func cryptClass(
        _ ascii: inout [UInt8], _ positions: [Int], cipher: FF1, tweak: [UInt8], decrypting: Bool, letters: Bool
    ) throws(TransformError) {
        let numerals = positions.map { UInt16(letters ? (ascii[$0] | 0x20) - 0x61 : ascii[$0] - 0x30) }
        let result = decrypting
            ? try cipher.decrypt(numerals, tweak: tweak)
            : try cipher.encrypt(numerals, tweak: tweak)
        for (position, numeral) in zip(positions, result) {
            if letters {
                let isUpper = ascii[position] < 0x61
                ascii[position] = UInt8(numeral) + (isUpper ? 0x41 : 0x61)
            } else {
                ascii[position] = UInt8(numeral) + 0x30
            }
        }
    }

    /// Enciphers all digits but the last; the last becomes the Luhn check digit of the new
    /// digits plus the old value's distance from its own check digit, so a Luhn-valid number
    /// stays valid, an invalid one stays invalid by the same amount, and decryption is exact.
    private static func cryptLuhn(
        _ ascii: inout [UInt8], _ positions: [Int], cipher: FF1, tweak: [UInt8], decrypting: Bool
    ) throws(TransformError) {
        let digits = positions.map { Int(ascii[$0] - 0x30) }
        let payload = Array(digits.dropLast())
        let distance = (digits[digits.count - 1] - luhnCheckDigit(payload) + 10) % 10
        let numerals = payload.map { UInt16($0) }
        let result = decrypting
            ? try cipher.decrypt(numerals, tweak: tweak)
            : try cipher.encrypt(numerals, tweak: tweak)
        let newPayload = result.map { Int($0) }
        let check = (luhnCheckDigit(newPayload) + distance) % 10
        for (position, digit) in zip(positions, newPayload + [check]) {
            ascii[position] = UInt8(digit) + 0x30
        }
    }

    private static func luhnCheckDigit(_ payload: [Int]) -> Int {
        // Digits are 0...9 by construction, so the shared routine always answers.
        Luhn.checkDigit(for: payload) ?? 0
    }
}
