extension ManagedIdentifiers {
    /// `MEXICO_CURP_NUMBER`: eighteen characters, four letters (the second a vowel or X), a
    /// birth date `YYMMDD`, sex `H`/`M` (or `X`), a state code, three consonants, a
    /// differentiator and a check digit. The structure and check digit make a keyword
    /// unnecessary.
    static let mexicoCURPNumber = ManagedIdentifier(
        id: "MEXICO_CURP_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Mexican CURP: AAAA YYMMDD H/M state-code CCC + differentiator + check digit "
            + "(18 characters, upper case, valid date)",
        validation: "RENAPO mod 10 check digit",
        keywords: ["curp", "clave única de registro de población", "clave unica de registro de poblacion",
                   "clave única", "clave unica", "clave personal identidad", "clavepersonalidentidad",
                   "personal identidad clave", "registration code", "registry code", "population code"],
        keywordRule: .none,
        trigger: .start(first: .upper, notAfter: .word),
        pattern: "[A-Z][AEIOUX][A-Z]{2}[0-9]{6}[HMX](?:" + MexicoCURPStructure.states + ")"
            + "[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z][0-9](?![0-9A-Za-z_])",
        maxLength: 18,
        precondition: Precondition(.digits, atLeast: 6, within: 10),
        validate: { context in
            let curp = Array(context.bytes)
            guard WorldIDChecks.isDate(yymmdd: curp[4..<10]), MexicoCURPCheckDigit.isValid(curp) else {
                return .reject
            }
            return .accept
        }
    )

    /// `MEXICO_INDIVIDUAL_RFC_NUMBER`: thirteen characters, four letters, a date `YYMMDD`, a
    /// two-character homoclave and a check character, next to a keyword (groups may be separated
    /// by a space or hyphen). The generic RFCs `XAXX010101000` and `XEXX010101000` are examples.
    static let mexicoIndividualRFCNumber = ManagedIdentifier(
        id: "MEXICO_INDIVIDUAL_RFC_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Mexican RFC of a person near a keyword: AAAA YYMMDD + homoclave + check "
            + "character (13 characters, valid date)",
        validation: "SAT mod 11 check character",
        keywords: MexicoRFCStructure.keywords,
        keywordRule: .required,
        trigger: .start(first: ByteSet("A-Z&"), notAfter: ByteSet("0-9A-Za-z_&")),
        pattern: "[A-Z&]{4}([- ]?)[0-9]{6}\\1[A-Z0-9]{2}[0-9A](?![0-9A-Za-z_&])",
        maxLength: 15,
        examples: ["XAXX010101000", "XEXX010101000"],
        precondition: Precondition(.digits, atLeast: 6, within: 11),
        validate: { context in MexicoRFCStructure.verdict(context, letters: 4) }
    )

    /// `MEXICO_ORGANIZATION_RFC_NUMBER`: twelve characters, three letters, a date `YYMMDD`, a
    /// homoclave and a check character, next to a keyword.
    static let mexicoOrganizationRFCNumber = ManagedIdentifier(
        id: "MEXICO_ORGANIZATION_RFC_NUMBER",
        category: .personalInformation,
        severity: .medium,
        summary: "Mexican RFC of a legal entity near a keyword: AAA YYMMDD + homoclave + check "
            + "character (12 characters, valid date)",
        validation: "SAT mod 11 check character",
        keywords: MexicoRFCStructure.keywords,
        keywordRule: .required,
        trigger: .start(first: ByteSet("A-Z&"), notAfter: ByteSet("0-9A-Za-z_&")),
        pattern: "[A-Z&]{3}([- ]?)[0-9]{6}\\1[A-Z0-9]{2}[0-9A](?![0-9A-Za-z_&])",
        maxLength: 14,
        precondition: Precondition(.digits, atLeast: 6, within: 10),
        validate: { context in MexicoRFCStructure.verdict(context, letters: 3) }
    )
}

/// RENAPO's state codes for a CURP's place of birth (NE: born abroad).
enum MexicoCURPStructure {
    static let states = "AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|"
        + "TC|TS|TL|VZ|YN|ZS|NE"
}

/// What the two RFC identifiers share.
enum MexicoRFCStructure {
    /// Macie's keywords for Mexico's taxpayer numbers.
    static let keywords = [
        "rfc", "rfc#", "r.f.c.", "registro federal de contribuyentes",
        "código del registro federal de contribuyentes", "codigo del registro federal de contribuyentes",
        "identificación de impuestos", "identificacion de impuestos", "impuesto al valor agregado",
        "iva", "iva#", "i.v.a.",
    ]

    /// `.accept` when the date and check character hold (`letters` letters before the date).
    static func verdict(_ context: MatchContext, letters: Int) -> Verdict {
        let rfc = WorldIDChecks.compact(context)
        guard rfc.count == letters + 9, WorldIDChecks.isDate(yymmdd: rfc[letters..<(letters + 6)]),
              MexicoRFCCheckDigit.isValid(rfc) else { return .reject }
        return .accept
    }
}
