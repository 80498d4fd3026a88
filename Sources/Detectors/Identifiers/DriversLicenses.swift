extension ManagedIdentifiers {
    /// Driver's licence numbers (US states and Macie's countries). Every one needs a keyword, as
    /// in Macie: many of these formats are just 6 to 12 digits.
    static let driversLicenses: [ManagedIdentifier] = [
        usDriversLicense, canadaDriversLicense, australiaDriversLicense, indiaDriversLicense,
        ukDriversLicense,
        austriaDriversLicense, belgiumDriversLicense, bulgariaDriversLicense, croatiaDriversLicense,
        cyprusDriversLicense, czechiaDriversLicense, denmarkDriversLicense, estoniaDriversLicense,
        finlandDriversLicense, franceDriversLicense, germanyDriversLicense, greeceDriversLicense,
        hungaryDriversLicense, irelandDriversLicense, italyDriversLicense, latviaDriversLicense,
        lithuaniaDriversLicense, luxembourgDriversLicense, maltaDriversLicense,
        netherlandsDriversLicense, polandDriversLicense, portugalDriversLicense,
        romaniaDriversLicense, slovakiaDriversLicense, sloveniaDriversLicense, spainDriversLicense,
        swedenDriversLicense,
    ]

    /// `DRIVERS_LICENSE` (US): the union of the state formats. One letter and 7 to 12 digits
    /// (CA, FL, IL, MD, MI, MN, NY...), 7 to 9 digits (TX, PA, NY...), two letters and six digits,
    /// the dashed Florida (`A123-456-78-901-2`) and Illinois (`A123-4567-8901`) forms and New
    /// York's `123 456 789`.
    static let usDriversLicense = DriversLicense.make(
        id: "DRIVERS_LICENSE",
        summary: "US driver's license near a keyword: A + 7-12 digits, 7-9 digits, AB + 6 digits, "
            + "A123-456-78-901-2 (FL), A123-4567-8901 (IL) or 123 456 789 (NY); upper case",
        validation: "structure only",
        keywords: DriversLicense.englishKeywords,
        trigger: .start(first: DriversLicense.digitsAndUpper, notAfter: .word),
        pattern: NumberBoundary.before
            + "(?:[A-Z](?:[0-9]{3}-[0-9]{3}-[0-9]{2}-[0-9]{3}-[0-9]|[0-9]{3}-[0-9]{4}-[0-9]{4}|[0-9]{7,12})"
            + "|[A-Z]{2}[0-9]{6}|(?<![0-9] )[0-9]{3} [0-9]{3} [0-9]{3}(?! [0-9])|[0-9]{7,9})"
            + NumberBoundary.after,
        maxLength: 17,
        precondition: Precondition(.digits, atLeast: 6, within: 8)
    )

    /// `CANADA_DRIVERS_LICENSE`: the provincial formats. Ontario `A1234-56789-01234`, Quebec
    /// `A1234-123456-12`, Newfoundland and Labrador `A123456789`, Nova Scotia `ABCDE123456789`,
    /// Alberta `123456-789`, and 7 to 9 digits (Alberta, British Columbia, Saskatchewan).
    static let canadaDriversLicense = DriversLicense.make(
        id: "CANADA_DRIVERS_LICENSE",
        summary: "Canadian driver's licence near a keyword: A1234-56789-01234 (ON), A1234-123456-12 "
            + "(QC), A + 9 digits (NL), ABCDE + 9 digits (NS), 123456-789 (AB) or 7-9 digits",
        validation: "structure only",
        keywords: DriversLicense.englishKeywords + ["permis de conduire"],
        trigger: .start(first: DriversLicense.digitsAndUpper, notAfter: .word),
        pattern: NumberBoundary.before
            + "(?:[A-Z](?:[0-9]{4}(-?)[0-9]{5}\\1[0-9]{5}|[0-9]{4}(-?)[0-9]{6}\\2[0-9]{2}|[0-9]{9})"
            + "|[A-Z]{5}-?[0-9]{9}|[0-9]{6}-[0-9]{3}|[0-9]{7,9})"
            + NumberBoundary.after,
        maxLength: 17,
        precondition: Precondition(.digits, atLeast: 4, within: 10)
    )
}

/// What the driver's licence identifiers share: how they are built, their English keywords,
/// the all-zero example rule.
enum DriversLicense {
    /// Digits and upper-case letters: where a licence number written with letters can start.
    static let digitsAndUpper = ByteSet("0-9A-Z")

    /// The keywords Macie lists for the US, UK, Canada and Australia (India's are the licence
    /// ones without `dl#` and the permits), with the plurals and a typographic apostrophe.
    static let englishKeywords = licenceKeywords + [
        "driver permit", "drivers permit", "driver's permit", "driving permit",
        "dl#", "dl:", "dlno#", "dl no",
    ]

    /// The English "licence" phrases alone (India's keywords).
    static let licenceKeywords = [
        "driver's license", "driver's licence", "driver’s license", "driver’s licence",
        "drivers license", "drivers licence", "driver license", "driver licence",
        "driver's licenses", "driver's licences", "drivers licenses", "drivers licences",
        "driver licenses", "driver licences", "driving license", "driving licence",
        "drivers lic.",
    ]

    /// A letter-or-digit boundary after a match that ends with a letter.
    static let wordEnd = "(?![0-9A-Za-z_])"

    /// A keyword-required personal-information identifier; a value whose digits are all zero
    /// (a placeholder) is an example value unless `validate` says otherwise.
    static func make(id: String, summary: String, validation: String, keywords: [String],
                     trigger: Trigger, pattern: String, maxLength: Int,
                     examples: Set<String> = [], precondition: Precondition?,
                     validate: @escaping @Sendable (MatchContext) -> Verdict = allZeroIsExample) -> ManagedIdentifier {
        ManagedIdentifier(id: id, category: .personalInformation, severity: .high, summary: summary,
                          validation: validation, keywords: keywords, keywordRule: .required,
                          trigger: trigger, pattern: pattern, maxLength: maxLength, examples: examples,
                          precondition: precondition, validate: validate)
    }

    /// A licence number that is `count` bare digits.
    static func digits(id: String, count: Int, summary: String, keywords: [String]) -> ManagedIdentifier {
        make(id: id, summary: summary, validation: "structure only", keywords: keywords,
             trigger: .start(first: .digits, notAfter: .word),
             pattern: NumberBoundary.before + "[0-9]{\(count)}" + NumberBoundary.after,
             maxLength: count, precondition: .run(of: .digits, count))
    }

    /// `.exampleValue` when every digit of the match is 0, `.accept` otherwise.
    static func allZeroIsExample(_ context: MatchContext) -> Verdict {
        isAllZero(context) ? .exampleValue : .accept
    }

    /// Whether every digit of the match is 0.
    static func isAllZero(_ context: MatchContext) -> Bool {
        for b in context.bytes where b >= 0x31 && b <= 0x39 { return false }
        return true
    }
}

/// Calendar checks for licence numbers that carry a birth date.
enum BirthDate {
    /// Whether `day` exists in `month` of `year` (Gregorian; leap years included).
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Whether `day` can exist in `month` of some year (29 February allowed), for dates whose
    /// century or year is not known.
    static func isPossible(month: Int, day: Int) -> Bool {
        isValid(year: 2000, month: month, day: day)
    }

    /// The number two ASCII digits at `offset` spell, or nil.
    static func twoDigits(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Int? {
        guard offset + 1 < bytes.count else { return nil }
        let a = Int(bytes[offset]) - 0x30, b = Int(bytes[offset + 1]) - 0x30
        guard (0...9).contains(a), (0...9).contains(b) else { return nil }
        return a * 10 + b
    }
}
