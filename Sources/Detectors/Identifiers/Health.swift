extension ManagedIdentifiers {
    /// Health identifiers (Macie's PHI). Macie needs a keyword for every one of them. The UK
    /// NHS number lives with the national IDs (`NationalIDs.swift`).
    static let health: [ManagedIdentifier] = [
        usaNationalProviderIdentifier, usDrugEnforcementAgencyNumber,
        usaMedicareBeneficiaryIdentifier, usaHealthInsuranceClaimNumber, usaNationalDrugCode,
        usaHealthcareProcedureCode, medicalDeviceUDI, canadaHealthNumber,
        europeanHealthInsuranceCardNumber, finlandEuropeanHealthInsuranceNumber,
        franceHealthInsuranceNumber,
    ]

    /// `USA_NATIONAL_PROVIDER_IDENTIFIER`: ten digits starting with 1 or 2, the last a Luhn
    /// check digit computed with CMS's card-issuer prefix 80840.
    static let usaNationalProviderIdentifier = ManagedIdentifier(
        id: "USA_NATIONAL_PROVIDER_IDENTIFIER",
        category: .personalInformation,
        severity: .medium,
        summary: "US national provider identifier near a keyword: ten digits starting with 1 or 2",
        validation: "Luhn with the 80840 prefix (CMS)",
        keywords: ["npi", "npi#", "n.p.i", "npi number", "national provider", "national provider identifier",
                   "hipaa"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("12"), notAfter: .word),
        pattern: NumberBoundary.before + "[12][0-9]{9}" + NumberBoundary.after,
        maxLength: 10,
        precondition: .run(of: .digits, 10),
        validate: { context in NPICheckDigit.isValid(context.digits) ? .accept : .reject }
    )

    /// `US_DRUG_ENFORCEMENT_AGENCY_NUMBER`: a registrant-type letter, a second letter (or 9)
    /// and seven digits, the last a check digit.
    static let usDrugEnforcementAgencyNumber = ManagedIdentifier(
        id: "US_DRUG_ENFORCEMENT_AGENCY_NUMBER",
        category: .personalInformation,
        severity: .medium,
        summary: "US DEA registration number near a keyword: registrant type (A-H, J-M, P, R-U, "
            + "X), a letter or 9, seven digits (AB1234563)",
        validation: "DEA check digit",
        keywords: ["dea", "dea#", "dea number", "dea no", "dea registration",
                   "dea registration number", "drug enforcement"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("A-HJ-MPR-UX"), notAfter: .word),
        pattern: "[A-HJ-MPR-UX][A-Z9][0-9]{7}(?![0-9A-Za-z_])",
        maxLength: 9,
        precondition: Precondition(.digits, atLeast: 7, within: 9),
        // The second character may be a 9: the check covers the last seven digits only.
        validate: { context in
            DEACheckDigit.isValid(Array(context.digits.suffix(7))) ? .accept : .reject
        }
    )

    /// `USA_MEDICARE_BENEFICIARY_IDENTIFIER`: CMS's eleven-character MBI with its per-position
    /// rules (no S, L, O, I, B or Z), compact or printed 4-3-4 with dashes (or spaces).
    static let usaMedicareBeneficiaryIdentifier = ManagedIdentifier(
        id: "USA_MEDICARE_BENEFICIARY_IDENTIFIER",
        category: .personalInformation,
        severity: .high,
        summary: "US Medicare beneficiary identifier near a keyword: 11 characters (CMS "
            + "positions: digit 1-9, letter, letter or digit, digit, letter, letter or digit, "
            + "digit, two letters, two digits; no S, L, O, I, B, Z), plain or 4-3-4",
        validation: "structure only (CMS position rules); CMS's example is not reported",
        keywords: ["mbi", "mbi#", "medicare beneficiary", "medicare beneficiary identifier",
                   "medicare number", "medicare id"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("1-9"), notAfter: .word),
        pattern: NumberBoundary.before + "[1-9]\(MBI.letter)[\(MBI.letterBody)0-9][0-9]([- ]?)"
            + "\(MBI.letter)[\(MBI.letterBody)0-9][0-9]\\1\(MBI.letter){2}[0-9]{2}(?![0-9A-Za-z_])",
        maxLength: 13,
        // The MBI CMS prints in its "New Medicare Card" material.
        examples: ["1EG4TE5MK73"],
        precondition: Precondition(.digits, atLeast: 5, within: 13)
    )

    /// `USA_HEALTH_INSURANCE_CLAIM_NUMBER`: the pre-MBI Medicare claim number, a social
    /// security number and a beneficiary identification code (BIC), or a Railroad Retirement
    /// Board prefix and six or nine digits.
    static let usaHealthInsuranceClaimNumber = ManagedIdentifier(
        id: "USA_HEALTH_INSURANCE_CLAIM_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "US Medicare health insurance claim number near a keyword: an SSN (ddddddddd, "
            + "ddd-dd-dddd or ddd dd dddd) and a BIC (A-H, J, K, M, T or W, then optionally a "
            + "digit 1-9 or a letter), or a Railroad Retirement prefix (A, MA, WA, WCA, ...) "
            + "and six or nine digits",
        validation: "SSA rules for the SSN part, BIC letters",
        keywords: ["health insurance claim number", "health insurance claim", "hic no", "hic no.",
                   "hic number", "hic#", "hicn", "hicn#", "hicn#.", "hicno#", "hic",
                   "medicare claim number"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("0-9ACHJMPW"), notAfter: .word),
        pattern: NumberBoundary.before + "(?:[0-9]{3}([- ]?)[0-9]{2}\\1[0-9]{4}\\1?"
            + "[A-HJKMTW](?:[1-9]|[A-Z])?"
            + "|(?:\(HICN.railroadPrefixes.joined(separator: "|")))[0-9]{6}(?:[0-9]{3})?)"
            + "(?![0-9A-Za-z_])",
        maxLength: 14,
        precondition: Precondition(.digits, atLeast: 6, within: 12),
        validate: { context in HICN.verdict(context) }
    )

    /// `USA_NATIONAL_DRUG_CODE`: the FDA's ten-digit NDC in its three labeler-product-package
    /// configurations (4-4-2, 5-3-2, 5-4-1), the eleven-digit HIPAA form 5-4-2, or plain ten
    /// or eleven digits.
    static let usaNationalDrugCode = ManagedIdentifier(
        id: "USA_NATIONAL_DRUG_CODE",
        category: .personalInformation,
        severity: .low,
        summary: "US national drug code near a keyword: 4-4-2, 5-3-2, 5-4-1 or 5-4-2 digits with "
            + "dashes, or ten or eleven plain digits",
        validation: "structure only (not all zeros)",
        keywords: ["ndc", "ndc#", "ndc code", "national drug code"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "(?:[0-9]{4}-[0-9]{4}-[0-9]{2}"
            + "|[0-9]{5}-(?:[0-9]{3}-[0-9]{2}|[0-9]{4}-[0-9]{1,2})|[0-9]{10,11})"
            + NumberBoundary.after,
        maxLength: 13,
        precondition: Precondition(.digits, atLeast: 10, within: 13),
        validate: { context in context.digits.contains { $0 != 0 } ? .accept : .reject }
    )

    /// `USA_HEALTHCARE_PROCEDURE_CODE`: a HCPCS Level II code (a section letter and four
    /// digits) or a CPT code (HCPCS Level I: five digits, or four digits and F or T).
    static let usaHealthcareProcedureCode = ManagedIdentifier(
        id: "USA_HEALTHCARE_PROCEDURE_CODE",
        category: .personalInformation,
        severity: .low,
        summary: "US healthcare procedure code near a keyword: HCPCS Level II (A-E, G, H, J-M, "
            + "P-V and four digits) or CPT (00100-99999, or four digits and F or T)",
        validation: "structure only",
        keywords: ["hcpcs", "hcpcs code", "healthcare common procedure coding system",
                   "current procedural terminology", "cpt", "cpt code", "procedure code"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("0-9A-EGHJ-MP-V"), notAfter: .word),
        // A modifier may follow a dash (99213-25): only `.` and a digit continue the number.
        // Not a part of a dash- or slash-joined product code such as SKU-53390-XL; a dash may
        // only bring a two-character modifier (99213-25).
        pattern: NumberBoundary.before + "(?<![0-9A-Za-z][/-])(?:[A-EGHJ-MP-V][0-9]{4}|[0-9]{4}[0-9FT])"
            + "(?![0-9A-Za-z_]|\\.[0-9]|/[0-9A-Za-z]|-(?![0-9A-Z]{2}(?![0-9A-Za-z]))[0-9A-Za-z])",
        maxLength: 5,
        precondition: Precondition(.digits, atLeast: 4, within: 5),
        validate: { context in
            // CPT Category I starts at 00100.
            let digits = context.digits
            if digits.count == 5, digits.reduce(0, { $0 * 10 + $1 }) < 100 { return .reject }
            return .accept
        }
    )

    /// `MEDICAL_DEVICE_UDI`: an FDA unique device identifier in one of the issuing agencies'
    /// human-readable forms: GS1 (`(01)` and a GTIN-14 with optional dates, lot and serial),
    /// HIBCC (`+` and a mod-43-checked HIBC string) or ICCBBA (an ISBT 128 donation number
    /// after `=`).
    static let medicalDeviceUDI = ManagedIdentifier(
        id: "MEDICAL_DEVICE_UDI",
        category: .personalInformation,
        severity: .medium,
        summary: "Medical device UDI near a keyword: GS1 (01)+GTIN-14 with optional (11)/(17) "
            + "dates and (10) lot / (21) serial; HIBCC +LIC, product, unit and check character; "
            + "ICCBBA ISBT 128 donation number =αppppyynnnnnn(ff)",
        validation: "GS1 mod 10 (GTIN), HIBC mod 43",
        keywords: ["udi", "unique device identifier", "unique device id", "device identifier",
                   "device id", "dev id", "gs1", "hibcc", "hibc", "iccbba", "isbt 128", "blood bag",
                   "blood", "med"],
        keywordRule: .required,
        trigger: .literal(["(01)", "+", "="], notAfter: .word),
        pattern: "(?:" + UDI.gs1 + "|" + UDI.hibc + "|" + UDI.isbt128 + ")",
        maxLength: 120,
        precondition: Precondition(.alphanumerics, atLeast: 6, within: 8),
        validate: { context in UDI.verdict(context) }
    )

    /// `CANADA_HEALTH_NUMBER`: a provincial health number: Ontario (ten digits, Luhn, optional
    /// version code letters), British Columbia (ten digits starting 9, mod 11) or Quebec (RAMQ:
    /// four letters and eight digits with a birth date).
    static let canadaHealthNumber = ManagedIdentifier(
        id: "CANADA_HEALTH_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Canadian health number near a keyword: Ontario dddd-ddd-ddd (Luhn, optional "
            + "version code), BC 9ddd ddd ddd (mod 11), Quebec RAMQ AAAA 9999 9999 (birth date)",
        validation: "Luhn (ON), mod 11 (BC), date (QC)",
        keywords: ["canada healthcare number", "msp number", "personal healthcare number",
                   "personal health number", "phn", "soins de santé", "health card number",
                   "health number", "ohip", "ramq", "carte soleil", "carte d'assurance maladie",
                   "carte d’assurance maladie", "numéro d'assurance maladie",
                   "numéro d’assurance maladie"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("0-9A-Z"), notAfter: .word),
        pattern: "(?:" + NumberBoundary.before + "[0-9]{4}([- ]?)[0-9]{3}\\1[0-9]{3}(?!\\1[0-9])"
            + "(?:\\1?[A-Z]{1,2})?" + NumberBoundary.after
            + "|[A-Z]{4}([- ]?)[0-9]{4}\\2[0-9]{4}" + NumberBoundary.after + "(?!\\2[0-9])"
            + ")",
        maxLength: 15,
        precondition: Precondition(.digits, atLeast: 8, within: 14),
        validate: { context in CanadianHealthNumber.verdict(context) }
    )

    /// `EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER`: the EHIC's card identification number, 20
    /// digits: the ISO 7812 health prefix 80, the issuing state's ISO 3166 numeric code and 15
    /// digits (issuer and card serial).
    static let europeanHealthInsuranceCardNumber = ManagedIdentifier(
        id: "EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "European health insurance card number near a keyword: 20 digits, 80 and an "
            + "EU/EEA/CH/UK numeric country code first, plain or 10+10 with a space or dash",
        validation: "structure only (prefix 80 and country code)",
        keywords: ["ehic", "ehic#", "ehic number", "european health insurance card",
                   "assicurazione sanitaria numero", "carta assicurazione numero",
                   "carte d’assurance maladie", "carte d'assurance maladie",
                   "carte européenne d'assurance maladie", "carte européenne d’assurance maladie",
                   "ceam", "finlandehicnumber#", "gesundheitskarte", "hälsokort", "health card",
                   "health card number", "health insurance card", "health insurance number",
                   "insurance card number", "krankenversicherungskarte",
                   "krankenversicherungsnummer", "medical account number", "numero conto medico",
                   "numéro d’assurance maladie", "numéro d'assurance maladie",
                   "numéro de carte d’assurance", "numéro de carte d'assurance",
                   "numéro de compte medical", "número de cuenta médica",
                   "número de seguro de salud", "número de tarjeta de seguro",
                   "sairaanhoitokortin", "sairausvakuutuskortti", "sairausvakuutusnumero",
                   "sjukförsäkring nummer", "sjukförsäkringskort", "suomi ehic-numero",
                   "tarjeta de salud", "terveyskortti", "tessera sanitaria assicurazione numero",
                   "tessera sanitaria", "versicherungsnummer"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("8"), notAfter: .word),
        pattern: NumberBoundary.before + "80[0-9]{8}([- ]?)[0-9]{10}" + NumberBoundary.after
            + "(?!\\1[0-9])",
        maxLength: 21,
        precondition: Precondition(.digits, atLeast: 10, within: 10),
        validate: { context in
            let digits = context.digits
            let country = digits[2] * 100 + digits[3] * 10 + digits[4]
            return EHIC.countryCodes.contains(country) ? .accept : .reject
        }
    )

    /// `FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER`: a Finnish EHIC number, 20 digits starting
    /// with Kela's issuer number 8024680246.
    static let finlandEuropeanHealthInsuranceNumber = ManagedIdentifier(
        id: "FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Finnish European health insurance card number near a keyword: 8024680246 and "
            + "ten digits, plain or with a space or dash between the halves",
        validation: "structure only (Finnish issuer prefix)",
        keywords: ["ehic", "ehic#", "finland health insurance card", "finlandehicnumber#",
                   "finska sjukförsäkringskort", "hälsokort", "health card", "health card number",
                   "health insurance card", "health insurance number", "sairaanhoitokortin",
                   "sairausvakuutuskortti", "sairausvakuutusnumero", "sjukförsäkring nummer",
                   "sjukförsäkringskort", "suomen sairausvakuutuskortti", "suomi ehic-numero",
                   "terveyskortti"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("8"), notAfter: .word),
        pattern: NumberBoundary.before + "8024680246([- ]?)[0-9]{10}" + NumberBoundary.after
            + "(?!\\1[0-9])",
        maxLength: 21,
        precondition: .run(of: .digits, 10)
    )

    /// `FRANCE_HEALTH_INSURANCE_NUMBER`: the social security number (NIR) on the carte Vitale:
    /// sex, year, month, department (2A/2B for Corsica), commune, order number and the
    /// two-digit key, plain or spaced `1 85 05 78 006 084 36`.
    static let franceHealthInsuranceNumber = ManagedIdentifier(
        id: "FRANCE_HEALTH_INSURANCE_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "French health insurance (carte Vitale) number near a keyword: 13 digits "
            + "(sex 1-4/7/8, year, month, department incl. 2A/2B, commune, order) and a 2-digit "
            + "key, plain or spaced 1 85 05 78 006 084 36",
        validation: "NIR key (97 - n mod 97)",
        keywords: ["carte vitale", "carte d'assuré social", "carte d’assuré social",
                   "insurance card", "assurance maladie", "numéro de sécurité sociale",
                   "numero de securite sociale", "sécurité sociale", "numéro d'assuré",
                   "numéro d’assuré"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("1-478"), notAfter: .word),
        pattern: NumberBoundary.before + "[1-478]( ?)[0-9]{2}\\1(?:0[1-9]|1[0-2]|[2-9][0-9])\\1"
            + "(?:[0-9]{2}|2[AB])\\1[0-9]{3}\\1[0-9]{3} ?[0-9]{2}" + NumberBoundary.after
            + "(?! [0-9])",
        maxLength: 21,
        precondition: Precondition(.digits, atLeast: 13, within: 21),
        validate: { context in
            let nir = Array(context.compacted().utf8)
            guard nir.count == 15, NIRControlKey.isValid(nir) else { return .reject }
            // Department 00 and the all-zero order number are never issued.
            guard !(nir[5] == 0x30 && nir[6] == 0x30), nir[10..<13] != [0x30, 0x30, 0x30] else {
                return .reject
            }
            return .accept
        }
    )
}

/// CMS's MBI alphabet: upper-case letters but S, L, O, I, B and Z.
enum MBI {
    static let letterBody = "AC-HJKMNP-RT-Y"
    static let letter = "[\(letterBody)]"
}

/// The Medicare health insurance claim number's parts.
enum HICN {
    /// Railroad Retirement Board claim-number prefixes, longest first.
    static let railroadPrefixes = ["WCA", "WCD", "WCH", "CA", "CD", "JA", "MA", "MH", "PA", "PD",
                                   "PH", "WA", "WD", "WH", "A", "H"]

    static func verdict(_ context: MatchContext) -> Verdict {
        let digits = context.digits
        guard let first = context.bytes.first else { return .reject }
        if ByteSet.digits.contains(first) {
            // The SSN part follows the SSA's rules; the BIC letters were checked by the pattern.
            return USSocialSecurityNumber.isValid(Array(digits.prefix(9))) ? .accept : .reject
        }
        if digits.count == 9 { return USSocialSecurityNumber.isValid(digits) ? .accept : .reject }
        return digits.contains { $0 != 0 } ? .accept : .reject
    }
}

/// The UDI issuing agencies' human-readable forms.
enum UDI {
    /// A GS1 date: YYMMDD, day 00 meaning the end of the month.
    static let gs1Date = "[0-9]{2}(?:0[1-9]|1[0-2])(?:[0-2][0-9]|3[01])"
    /// GS1: `(01)` and a GTIN-14, then up to four of (11)/(17) dates and (10)/(21) lot or serial
    /// numbers (1 to 20 characters, starting and ending with a letter or digit).
    static let gs1 = "\\(01\\)[0-9]{14}(?:\\(1[17]\\)" + gs1Date
        + "|\\((?:10|21)\\)[0-9A-Za-z](?:[0-9A-Za-z./-]{0,18}[0-9A-Za-z])?){0,4}"
        + "(?![0-9A-Za-z])"
    /// HIBCC: `+`, the labeler code (a letter and three characters), the product number (1 to
    /// 18 characters), the unit of measure (a digit), optional secondary data after `/`, and the
    /// check character; a trailing `.` ending a sentence is not part of it.
    static let hibc = "\\+[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9](?:/[A-Z0-9$+%./-]{1,60}?)?"
        + "[A-Z0-9$+%./-](?=$|[\\s,;:\"'<>()\\[\\]{}*]|\\.(?:$|\\s))"
    /// ICCBBA: an ISBT 128 donation identification number: `=`, the facility (a letter other
    /// than O, or a digit 1-9, and four digits), the year (two digits), the sequence (six
    /// digits) and optional flag characters.
    static let isbt128 = "=[A-NP-Z1-9][0-9]{4}[0-9]{2}[0-9]{6}(?:[0-9A-Z]{2})?(?![0-9A-Za-z])"

    static func verdict(_ context: MatchContext) -> Verdict {
        let bytes = context.bytes
        switch bytes.first {
        case UInt8(ascii: "("):
            // The GTIN-14 right after "(01)".
            let gtin = bytes.dropFirst(4).prefix(14).map { Int($0) - 0x30 }
            guard gtin.contains(where: { $0 != 0 }), GS1CheckDigit.isValid(gtin) else { return .reject }
            return .accept
        case UInt8(ascii: "+"):
            return HIBCCheckCharacter.isValid(bytes) ? .accept : .reject
        default:
            return .accept
        }
    }
}

/// The provincial health numbers `CANADA_HEALTH_NUMBER` covers.
enum CanadianHealthNumber {
    static func verdict(_ context: MatchContext) -> Verdict {
        guard let first = context.bytes.first else { return .reject }
        let digits = context.digits
        if ByteSet.upper.contains(first) {
            // Quebec RAMQ: year, month (+50 for women), day, administrative digits.
            guard digits.count == 8 else { return .reject }
            let month = digits[2] * 10 + digits[3], day = digits[4] * 10 + digits[5]
            let validMonth = (1...12).contains(month) || (51...62).contains(month)
            return validMonth && (1...31).contains(day) ? .accept : .reject
        }
        guard digits.count == 10, digits.contains(where: { $0 != digits[0] }) else { return .reject }
        let hasVersionCode = context.bytes.last.map(ByteSet.upper.contains) ?? false
        if Luhn.isValid(digits) { return .accept }  // Ontario, with or without a version code
        if !hasVersionCode, BCPersonalHealthNumberCheckDigit.isValid(digits) { return .accept }
        return .reject
    }
}

/// The European health insurance card's issuing states.
enum EHIC {
    /// ISO 3166-1 numeric codes of the EU and EEA states, Switzerland and the UK.
    static let countryCodes: Set<Int> = [
        40, 56, 100, 191, 196, 203, 208, 233, 246, 250, 276, 300, 348, 352, 372, 380, 428, 438,
        440, 442, 470, 528, 578, 616, 620, 642, 703, 705, 724, 752, 756, 826,
    ]
}
