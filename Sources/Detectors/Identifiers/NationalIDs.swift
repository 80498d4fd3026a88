extension ManagedIdentifiers {
    /// US, UK and Canadian personal numbers and vehicle identification numbers.
    static let nationalIDs: [ManagedIdentifier] = [
        usaSocialSecurityNumber, usaIndividualTaxIdentificationNumber, ukNationalInsuranceNumber,
        ukNHSNumber, canadaSocialInsuranceNumber, vehicleIdentificationNumber,
    ]

    /// `USA_SOCIAL_SECURITY_NUMBER`: `ddd-dd-dddd` or `ddd dd dddd` with the SSA's rules; a
    /// bare nine-digit number only next to a keyword.
    static let usaSocialSecurityNumber = ManagedIdentifier(
        id: "USA_SOCIAL_SECURITY_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "US social security number: ddd-dd-dddd or ddd dd dddd (nine bare digits only "
            + "near a keyword); area not 000, 666 or 900-999, group not 00, serial not 0000",
        validation: "SSA area, group and serial rules",
        keywords: ["ssn", "ssns", "ss#", "social security", "social security number", "soc sec"],
        keywordRule: .whenValidatorAsks,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "(?:[0-9]{3}([- ])[0-9]{2}\\1[0-9]{4}|[0-9]{9})"
            + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 11,
        // The Woolworth wallet-card number and the one in an SSA advertisement.
        examples: ["078051120", "219099999"],
        precondition: Precondition(.digits, atLeast: 9, within: 11),
        validate: { context in
            guard USSocialSecurityNumber.isValid(context.digits) else { return .reject }
            return context.range.count == 9 ? .acceptWithKeyword : .accept
        }
    )

    /// `USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER`: `9dd-dd-dddd` or `9dd dd dddd` with an IRS
    /// group (the middle two digits); a bare nine-digit number only next to a keyword.
    static let usaIndividualTaxIdentificationNumber = ManagedIdentifier(
        id: "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "US ITIN: 9dd-dd-dddd or 9dd dd dddd (nine bare digits only near a keyword); "
            + "group 50-65, 70-88, 90-92 or 94-99, serial not 0000",
        validation: "IRS group ranges",
        keywords: ["itin", "itins", "individual taxpayer", "tax id", "taxpayer identification"],
        keywordRule: .whenValidatorAsks,
        trigger: .start(first: ByteSet("9"), notAfter: .word),
        pattern: NumberBoundary.before + "9(?:[0-9]{2}([- ])[0-9]{2}\\1[0-9]{4}|[0-9]{8})"
            + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 11,
        precondition: Precondition(.digits, atLeast: 9, within: 11),
        validate: { context in
            guard USIndividualTaxpayerNumber.isValid(context.digits) else { return .reject }
            return context.range.count == 9 ? .acceptWithKeyword : .accept
        }
    )

    /// `UK_NATIONAL_INSURANCE_NUMBER`: two prefix letters, six digits and a suffix A to D,
    /// compact (`AB123456C`) or spaced (`AB 12 34 56 C`, `AB 123456 C`).
    static let ukNationalInsuranceNumber = ManagedIdentifier(
        id: "UK_NATIONAL_INSURANCE_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "UK national insurance number: AB123456C or AB 12 34 56 C (upper case); HMRC "
            + "prefix rules (no D, F, I, Q, U, V; no O second; not BG, GB, KN, NK, NT, TN, ZZ), "
            + "suffix A-D",
        validation: "HMRC prefix and suffix rules",
        trigger: .start(first: ByteSet(UKNationalInsuranceNumber.firstLetters), notAfter: .word),
        pattern: "[\(UKNationalInsuranceNumber.firstLetters)][\(UKNationalInsuranceNumber.secondLetters)]"
            + "(?:[0-9]{6} ?| [0-9]{2} [0-9]{2} [0-9]{2} | [0-9]{6} )[A-D](?![0-9A-Za-z_])",
        maxLength: 13,
        precondition: Precondition(.digits, atLeast: 6, within: 13),
        validate: { context in
            UKNationalInsuranceNumber.hasAllocatedPrefix(context.bytes) ? .accept : .reject
        }
    )

    /// `UK_NHS_NUMBER`: ten digits (`ddd ddd dddd`, `ddd-ddd-dddd` or plain) with the NHS
    /// modulus 11 check digit, next to a keyword (Macie needs one for all health data).
    static let ukNHSNumber = ManagedIdentifier(
        id: "UK_NHS_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "UK NHS number near a keyword: ddd ddd dddd, ddd-ddd-dddd or ten digits; "
            + "modulus 11 check digit",
        validation: "NHS modulus 11 check digit",
        keywords: ["nhs", "nhs number", "nhs no", "national health service"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{3}([- ]?)[0-9]{3}\\1[0-9]{4}"
            + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 12,
        precondition: Precondition(.digits, atLeast: 10, within: 12),
        validate: { context in
            let digits = context.digits
            guard NHSMod11.isValid(digits), !digits.allSatisfy({ $0 == digits[0] }) else {
                return .reject
            }
            return .accept
        }
    )

    /// `CANADA_SOCIAL_INSURANCE_NUMBER`: nine digits (`ddd-ddd-ddd`, `ddd ddd ddd` or plain)
    /// with a Luhn pass, next to a keyword.
    static let canadaSocialInsuranceNumber = ManagedIdentifier(
        id: "CANADA_SOCIAL_INSURANCE_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Canadian social insurance number near a keyword: ddd-ddd-ddd, ddd ddd ddd or "
            + "nine digits; Luhn checked; first digit not 0 or 8 (never issued to individuals)",
        validation: "Luhn",
        keywords: ["sin", "social insurance", "social insurance number",
                   "numéro d'assurance sociale", "numero d'assurance sociale", "assurance sociale",
                   "nas", "canadian id"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{3}([- ]?)[0-9]{3}\\1[0-9]{3}"
            + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 11,
        precondition: Precondition(.digits, atLeast: 9, within: 11),
        validate: { context in
            let digits = context.digits
            guard digits.first != 0, digits.first != 8, Luhn.isValid(digits) else { return .reject }
            return .accept
        }
    )

    /// `VEHICLE_IDENTIFICATION_NUMBER`: 17 characters of ISO 3779 (no I, O or Q; the last four
    /// numeric; at least one letter).
    ///
    /// Without a keyword the North American check digit (position 9) must hold and position 10
    /// must be a model-year code, which keeps random 17-character tokens out; VINs without a
    /// check digit (most European ones) are reported only near a keyword.
    static let vehicleIdentificationNumber = ManagedIdentifier(
        id: "VEHICLE_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .medium,
        summary: "Vehicle identification number: 17 characters (ISO 3779, no I/O/Q, last four "
            + "digits); reported alone when the North American check digit and model-year code "
            + "hold, otherwise only near a keyword",
        validation: "North American check digit (49 CFR 565.15) and model year, else keyword",
        keywords: ["vin", "vins", "vin number", "vehicle identification", "chassis",
                   "fahrgestellnummer", "niv", "numarul de identificare", "numarul seriei de sasiu",
                   "numer vin", "número de identificação do veículo",
                   "número de identificación de automóviles", "numéro d'identification du véhicule",
                   "vin numeris"],
        keywordRule: .whenValidatorAsks,
        trigger: .start(first: VehicleIdentificationNumber.characters, notAfter: .word),
        // Not the `B` + card number that opens track 1 of a magnetic stripe (`%B4...`).
        pattern: "(?<!%)[A-HJ-NPR-Z0-9]{13}[0-9]{4}(?![0-9A-Za-z_])",
        maxLength: 17,
        precondition: .run(of: VehicleIdentificationNumber.characters, 17),
        validate: { context in VehicleIdentificationNumber.verdict(context.bytes) }
    )
}

/// The SSA's rules for a social security number (area, group, serial).
enum USSocialSecurityNumber {
    /// Whether nine digits form a number the SSA could issue: area not 000, 666 or 900-999,
    /// group not 00, serial not 0000.
    static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 9 else { return false }
        let area = decimal(digits[0..<3]), group = decimal(digits[3..<5])
        let serial = decimal(digits[5..<9])
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }
}

/// The IRS's rules for an individual taxpayer identification number.
enum USIndividualTaxpayerNumber {
    /// The groups (fourth and fifth digits) the IRS issues ITINs in.
    static let groups: [ClosedRange<Int>] = [50...65, 70...88, 90...92, 94...99]

    /// Whether nine digits form a possible ITIN: a 9, an IRS group, a serial other than 0000.
    static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 9, digits[0] == 9 else { return false }
        let group = decimal(digits[3..<5])
        return groups.contains { $0.contains(group) } && decimal(digits[5..<9]) != 0
    }
}

/// HMRC's rules for a national insurance number prefix.
enum UKNationalInsuranceNumber {
    /// First letters (not D, F, I, Q, U, V), as a regex class body and `ByteSet` spec.
    static let firstLetters = "A-CEGHJ-PR-TW-Z"
    /// Second letters (not D, F, I, O, Q, U, V).
    static let secondLetters = "A-CEGHJ-NPR-TW-Z"
    /// Prefixes that are never allocated.
    static let unallocatedPrefixes: Set<String> = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]

    /// Whether the first two bytes are an allocated prefix (letters already checked).
    static func hasAllocatedPrefix(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 2 else { return false }
        let prefix = String(decoding: bytes.prefix(2), as: UTF8.self)
        return !unallocatedPrefixes.contains(prefix)
    }
}

/// ISO 3779 structure and the North American check digit, as the VIN identifier applies them.
enum VehicleIdentificationNumber {
    /// What a VIN is written with: digits and upper-case letters but I, O and Q.
    static let characters = ByteSet("0-9A-HJ-NPR-Z")
    /// Model-year codes in position 10: no I, O, Q, U, Z or 0.
    static let modelYears = ByteSet("1-9A-HJ-NPR-TV-Y")

    /// `.accept` for a VIN whose check digit and model year hold, `.acceptWithKeyword` for one
    /// that only has the ISO 3779 shape, `.reject` for 17 characters with no letter.
    static func verdict(_ vin: UnsafeRawBufferPointer) -> Verdict {
        guard vin.count == 17, vin.contains(where: ByteSet.upper.contains) else { return .reject }
        if VINCheckDigit.isValid(vin), modelYears.contains(vin[9]) { return .accept }
        return .acceptWithKeyword
    }
}

/// The number a run of decimal digits spells.
private func decimal(_ digits: ArraySlice<Int>) -> Int {
    digits.reduce(0) { $0 * 10 + $1 }
}
