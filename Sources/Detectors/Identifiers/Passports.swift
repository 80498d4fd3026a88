extension ManagedIdentifiers {
    /// Passport numbers.
    static let passports: [ManagedIdentifier] = [
        canadaPassportNumber, francePassportNumber, germanyPassportNumber, italyPassportNumber,
        spainPassportNumber, ukPassportNumber, usaPassportNumber,
    ]

    /// `CANADA_PASSPORT_NUMBER`: two letters and six digits, near a keyword.
    static let canadaPassportNumber = passportIdentifier(
        id: "CANADA_PASSPORT_NUMBER",
        summary: "Canadian passport number near a keyword: 2 letters and 6 digits (AB123456)",
        keywords: ["passeport", "passeport#", "passport", "passport#", "passportno", "passportno#",
                   "canadian passport", "passeport canadien"],
        first: .upper,
        pattern: "[A-Z]{2}[0-9]{6}",
        maxLength: 8,
        precondition: Precondition(.digits, atLeast: 6, within: 8)
    )

    /// `FRANCE_PASSPORT_NUMBER`: two digits, two letters and five digits, near a keyword.
    static let francePassportNumber = passportIdentifier(
        id: "FRANCE_PASSPORT_NUMBER",
        summary: "French passport number near a keyword: 2 digits, 2 letters and 5 digits (12AB34567)",
        keywords: ["numéro de passeport", "numero de passeport", "passeport", "passeport #",
                   "passeport n °", "passeport non", "passeport français", "french passport"],
        first: .digits,
        pattern: NumberBoundary.before + "[0-9]{2}[A-Z]{2}[0-9]{5}",
        maxLength: 9,
        precondition: Precondition(.digits, atLeast: 7, within: 9)
    )

    /// `GERMANY_PASSPORT_NUMBER`: C and eight characters of the German document alphabet, near
    /// a keyword; with its MRZ check digit when written with it.
    static let germanyPassportNumber = passportIdentifier(
        id: "GERMANY_PASSPORT_NUMBER",
        summary: "German passport number near a keyword: C and eight characters of "
            + "C F G H J K L M N P R T V W X Y Z 0-9 (at least one digit), optionally followed by "
            + "its ICAO 9303 check digit",
        validation: "ICAO 9303 7-3-1 check digit when present; structure otherwise",
        keywords: ["reisepass", "reisepass-nr", "reisepass–nr", "reisepassnummer", "passnummer",
                   "pass-nr", "passport", "passports", "ausstellungsdatum", "ausstellungsort",
                   "geburtsdatum"],
        first: ByteSet("C"),
        pattern: "C[\(GermanDocumentNumber.alphabet)]{8}[0-9]?",
        maxLength: 10,
        // The specimen passport's number (Erika Mustermann).
        examples: ["C01X00T47", "C01X00T478"],
        precondition: .run(of: ByteSet("0-9A-Z"), 9),
        validate: { context in GermanDocumentNumber.isValid(Array(context.bytes)) ? .accept : .reject }
    )

    /// `ITALY_PASSPORT_NUMBER`: two letters and seven digits, near a keyword.
    static let italyPassportNumber = passportIdentifier(
        id: "ITALY_PASSPORT_NUMBER",
        summary: "Italian passport number near a keyword: 2 letters and 7 digits (YA1234567)",
        keywords: ["italian passport number", "numéro passeport", "numéro passeport italien",
                   "passaporto", "passaporto italiana", "passaporto italiano", "passaporto numero",
                   "numero passaporto", "passport number", "repubblica italiana passaporto"],
        first: .upper,
        pattern: "[A-Z]{2}[0-9]{7}",
        maxLength: 9,
        precondition: Precondition(.digits, atLeast: 7, within: 9)
    )

    /// `SPAIN_PASSPORT_NUMBER`: three letters and six digits, near a keyword.
    static let spainPassportNumber = passportIdentifier(
        id: "SPAIN_PASSPORT_NUMBER",
        summary: "Spanish passport number near a keyword: 3 letters and 6 digits (PAA123456)",
        keywords: ["españa pasaporte", "libreta pasaporte", "número pasaporte", "número de pasaporte",
                   "numero de pasaporte", "pasaporte", "passport", "passport book", "passport no",
                   "passport number", "spain passport", "spanish passport"],
        first: .upper,
        pattern: "[A-Z]{3}[0-9]{6}",
        maxLength: 9,
        precondition: Precondition(.digits, atLeast: 6, within: 9)
    )

    /// `UK_PASSPORT_NUMBER`: nine digits, near a keyword.
    static let ukPassportNumber = passportIdentifier(
        id: "UK_PASSPORT_NUMBER",
        summary: "UK passport number near a keyword: 9 digits",
        keywords: ["passeport #", "passeport n °", "passeport non", "passeportn °", "passport #",
                   "passport no", "passport number", "passport#", "passportid", "uk passport",
                   "british passport"],
        first: .digits,
        pattern: NumberBoundary.before + "[0-9]{9}",
        maxLength: 9,
        examples: ["000000000"],
        precondition: .run(of: .digits, 9)
    )

    /// `USA_PASSPORT_NUMBER`: nine digits, or a letter and eight digits (passport books since
    /// 2021 and passport cards), near a keyword.
    static let usaPassportNumber = passportIdentifier(
        id: "USA_PASSPORT_NUMBER",
        summary: "US passport number near a keyword: 9 digits, or a letter and 8 digits",
        keywords: ["passport", "travel document", "us passport", "u.s. passport", "passport card"],
        first: ByteSet("0-9A-Z"),
        pattern: NumberBoundary.before + "[0-9A-Z][0-9]{8}",
        maxLength: 9,
        examples: ["000000000"],
        precondition: Precondition(.digits, atLeast: 8, within: 9)
    )

    /// A keyword-required passport identifier: `pattern` (anchored at a token start) must not
    /// be followed by a letter, digit or `_`, nor by `.`/`-` and a digit.
    static func passportIdentifier(id: String, summary: String, validation: String = "structure only",
                                   keywords: [String], first: ByteSet, pattern: String,
                                   maxLength: Int, examples: Set<String> = [],
                                   precondition: Precondition,
                                   validate: @escaping @Sendable (MatchContext) -> Verdict = { _ in .accept })
        -> ManagedIdentifier {
        ManagedIdentifier(
            id: id,
            category: .personalInformation,
            severity: .high,
            summary: summary,
            validation: validation,
            keywords: keywords,
            keywordRule: .required,
            trigger: .start(first: first, notAfter: .word),
            pattern: pattern + NumberBoundary.after,
            maxLength: maxLength,
            examples: examples,
            precondition: precondition,
            validate: validate
        )
    }
}
