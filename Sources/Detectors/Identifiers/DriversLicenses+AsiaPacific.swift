extension ManagedIdentifiers {
    /// `AUSTRALIA_DRIVERS_LICENSE`: the state formats, 6 to 10 digits (NSW, VIC, QLD, WA, ACT,
    /// NT) or one or two letters and 4 to 8 digits (SA, TAS).
    static let australiaDriversLicense = DriversLicense.make(
        id: "AUSTRALIA_DRIVERS_LICENSE",
        summary: "Australian driver's licence near a keyword: 6-10 digits, or one or two letters "
            + "and 4-8 digits (upper case)",
        validation: "structure only",
        keywords: DriversLicense.englishKeywords,
        trigger: .start(first: DriversLicense.digitsAndUpper, notAfter: .word),
        // The lookbehind keeps out the middle of a spaced UK driver number (`MORGA 753116 SM9IJ`).
        pattern: NumberBoundary.before
            + "(?:[A-Z]{1,2}[0-9]{4,8}|(?<![A-Z][A-Z9]{4} )[0-9]{6,10})" + NumberBoundary.after,
        maxLength: 10,
        precondition: Precondition(.digits, atLeast: 4, within: 6)
    )

    /// `INDIA_DRIVERS_LICENSE`: state code, RTO code, year of issue and a seven-digit serial,
    /// as the Sarathi system writes it (`MH14 20110062821`, `HR-0619850034761`,
    /// `MH1420110062821`).
    static let indiaDriversLicense = DriversLicense.make(
        id: "INDIA_DRIVERS_LICENSE",
        summary: "Indian driving licence near a keyword: state code, RTO code, year of issue, "
            + "7-digit serial (MH14 20110062821, HR-0619850034761); state code, RTO and year checked",
        validation: "state code, RTO 01-99, year 1950-2039",
        keywords: DriversLicense.licenceKeywords + ["dl no"],
        trigger: .start(first: ByteSet(IndianDrivingLicence.firstLetters), notAfter: .word),
        pattern: "[A-Z]{2}[- ]?[0-9]{2}[- ]?(?:19|20)[0-9]{2}[0-9]{7}" + NumberBoundary.after,
        maxLength: 17,
        precondition: Precondition(.digits, atLeast: 11, within: 15),
        validate: { context in IndianDrivingLicence.isValid(context.compacted()) ? .accept : .reject }
    )
}

/// The structure of an Indian driving licence number (Ministry of Road Transport and Highways,
/// Sarathi): `SS RR YYYY NNNNNNN`.
enum IndianDrivingLicence {
    /// State and union territory codes of the vehicle registration scheme, old and new
    /// (`OR`/`OD`, `UA`/`UK`, `CG`/`CT`, `TS`/`TG`).
    static let stateCodes: Set<String> = [
        "AN", "AP", "AR", "AS", "BR", "CG", "CH", "CT", "DD", "DL", "DN", "GA", "GJ", "HP", "HR",
        "JH", "JK", "KA", "KL", "LA", "LD", "MH", "ML", "MN", "MP", "MZ", "NL", "OD", "OR", "PB",
        "PY", "RJ", "SK", "TG", "TN", "TR", "TS", "UA", "UK", "UP", "WB",
    ]
    /// The first letters of the state codes, as a `ByteSet` spec.
    static let firstLetters = "ABCDGHJKLMNOPRSTUW"

    /// Whether 15 compacted characters are a state code, an RTO code other than 00, a year of
    /// issue from 1950 to 2039 and a serial other than 0000000.
    static func isValid(_ compact: String) -> Bool {
        let chars = Array(compact.utf8)
        guard chars.count == 15, stateCodes.contains(String(compact.prefix(2))) else { return false }
        let digits = chars[2...].map { Int($0) - 0x30 }
        guard digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        let rto = digits[0] * 10 + digits[1]
        let year = digits[2...5].reduce(0) { $0 * 10 + $1 }
        return rto != 0 && (1950...2039).contains(year) && digits[6...].contains { $0 != 0 }
    }
}
