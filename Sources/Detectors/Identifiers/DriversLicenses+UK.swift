extension ManagedIdentifiers {
    /// `UK_DRIVERS_LICENSE`: the DVLA's 16-character driver number, `MORGA753116SM9IJ` (or
    /// spaced `MORGA 753116 SM9IJ`): surname, birth date with the month plus 50 for women,
    /// initials, a digit and two check characters. The issue number printed after it is not
    /// part of the value.
    static let ukDriversLicense = DriversLicense.make(
        id: "UK_DRIVERS_LICENSE",
        summary: "UK (DVLA) driving licence near a keyword: 5 surname letters padded with 9, "
            + "decade, month (+50 for women), day, year, 2 initials, a digit, 2 check characters",
        validation: "surname padding, birth date, initials",
        keywords: DriversLicense.englishKeywords,
        trigger: .start(first: .upper, notAfter: .word),
        pattern: "[A-Z][A-Z9]{4}( ?)[0-9][0156][0-9][0-3][0-9][0-9]\\1[A-Z][A-Z9][0-9][A-Z0-9]{2}"
            + DriversLicense.wordEnd,
        maxLength: 18,
        precondition: Precondition(.digits, atLeast: 6, within: 12),
        validate: { context in UKDriverNumber.isValid(context.compacted()) ? .accept : .reject }
    )
}

/// The structure of a DVLA driver number (Great Britain). The check characters' algorithm is
/// not published, so only the structure is checked.
enum UKDriverNumber {
    /// Whether 16 compacted characters follow the DVLA layout: a surname of letters padded at
    /// the end with 9s, a birth date that exists (month 01-12, or 51-62 for women), initials
    /// of a letter and a letter or 9.
    static func isValid(_ compact: String) -> Bool {
        let c = Array(compact.utf8)
        guard c.count == 16 else { return false }
        let nine = UInt8(ascii: "9")
        // Surname: the padding 9s come after every letter.
        if let firstPad = c[0..<5].firstIndex(of: nine), c[firstPad..<5].contains(where: { $0 != nine }) {
            return false
        }
        return c.withUnsafeBytes { bytes -> Bool in
            guard let decadeYear = twoDigits(c[5], c[10]), var month = BirthDate.twoDigits(bytes, 6),
                  let day = BirthDate.twoDigits(bytes, 8) else { return false }
            if month > 50 { month -= 50 }
            return BirthDate.isValid(year: 2000 + decadeYear, month: month, day: day)
        }
    }

    private static func twoDigits(_ tens: UInt8, _ units: UInt8) -> Int? {
        let a = Int(tens) - 0x30, b = Int(units) - 0x30
        guard (0...9).contains(a), (0...9).contains(b) else { return nil }
        return a * 10 + b
    }
}
