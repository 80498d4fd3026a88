extension ManagedIdentifiers {
    /// European national, tax and social security identifiers.
    static let europeanIDs: [ManagedIdentifier] = [
        franceNationalIdentificationNumber, franceTaxIdentificationNumber,
        germanyNationalIdentificationNumber, germanyTaxIdentificationNumber,
        italyNationalIdentificationNumber,
        spainDNINumber, spainNIENumber, spainNIFNumber, spainSocialSecurityNumber,
        spainTaxIdentificationNumber,
        ukTaxIdentificationNumber, ukElectoralRollNumber,
    ]

    // MARK: France

    /// `FRANCE_NATIONAL_IDENTIFICATION_NUMBER`: the NIR (INSEE number, "numéro de sécurité
    /// sociale"), 13 characters and a two-digit key, near a keyword.
    static let franceNationalIdentificationNumber = ManagedIdentifier(
        id: "FRANCE_NATIONAL_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "French NIR (INSEE / social security number) near a keyword: sex, year, month, "
            + "department (2A/2B for Corsica), commune, order and key; compact, in groups "
            + "(1 85 05 78 006 084 36) or 13 characters and the key",
        validation: "97 minus mod 97 key (Corsica 2A/2B as 19/18)",
        keywords: ["insee", "nir", "numéro nir", "cni", "carte nationale d'identité",
                   "carte nationale d’identité", "code sécurité sociale", "sécurité sociale",
                   "securite sociale", "sécurité sociale non.", "sécurité sociale numéro",
                   "numéro de sécurité sociale", "numero de securite sociale", "assurance sociale",
                   "numéro d'assurance", "french social security number", "fssn#", "insurance number",
                   "national id number", "nationalid#", "social", "social security",
                   "social security number", "socialsecuritynumber", "ss#", "ssn", "ssn#"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("12378"), notAfter: .word),
        pattern: NumberBoundary.before + "[12378](?:"
            // In groups with one separator: 1 85 05 78 006 084 36.
            + "([ .])[0-9]{2}\\1\(FrenchNIR.month)\\1\(FrenchNIR.department)\\1[0-9]{3}\\1[0-9]{3}\\1[0-9]{2}"
            // Compact, the key possibly set apart by a space.
            + "|[0-9]{2}\(FrenchNIR.month)\(FrenchNIR.department)[0-9]{6} ?[0-9]{2}"
            + ")" + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 21,
        precondition: Precondition(.digits, atLeast: 12, within: 21),
        validate: { context in
            let nir = Array(context.compacted().utf8)
            guard nir.count == 15, !(nir[5] == UInt8(ascii: "0") && nir[6] == UInt8(ascii: "0")),
                  NIRControlKey.isValid(nir) else { return .reject }
            return .accept
        }
    )

    /// `FRANCE_TAX_IDENTIFICATION_NUMBER`: the numéro fiscal (SPI), 13 digits starting 0 to 3,
    /// near a keyword.
    static let franceTaxIdentificationNumber = ManagedIdentifier(
        id: "FRANCE_TAX_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "French tax number (numéro fiscal, SPI) near a keyword: 13 digits starting 0-3, "
            + "compact or 30 23 217 600 053",
        validation: "last three digits = first ten mod 511",
        keywords: ["numéro d'identification fiscal", "numéro d'identification fiscale",
                   "numéro fiscal", "numero fiscal", "identifiant fiscal", "spi", "tax id",
                   "tax identification number", "tax number", "tin", "tin#"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("0-3"), notAfter: .word),
        pattern: NumberBoundary.before + "[0-3][0-9](?:[0-9]{11}|( )[0-9]{2}\\1[0-9]{3}\\1[0-9]{3}\\1[0-9]{3})"
            + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 17,
        examples: ["0000000000000"],
        precondition: Precondition(.digits, atLeast: 13, within: 17),
        validate: { context in FrenchTaxNumberCheck.isValid(context.digits) ? .accept : .reject }
    )

    // MARK: Germany

    /// `GERMANY_NATIONAL_IDENTIFICATION_NUMBER`: the identity card (Personalausweis) number,
    /// nine characters from the card alphabet, near a keyword; with its MRZ check digit when
    /// written with it.
    static let germanyNationalIdentificationNumber = ManagedIdentifier(
        id: "GERMANY_NATIONAL_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "German identity card number near a keyword: a letter L-Y and eight characters "
            + "of C F G H J K L M N P R T V W X Y Z 0-9 (at least one digit), optionally followed "
            + "by its ICAO 9303 check digit",
        validation: "ICAO 9303 7-3-1 check digit when present; structure otherwise",
        keywords: ["ausweisnummer", "ausweis-nr", "ausweisnr", "personalausweis",
                   "personalausweisnummer", "personalausweis-nr", "id number", "identification number",
                   "identity number", "insurance number", "personal id"],
        keywordRule: .required,
        trigger: .start(first: ByteSet(GermanDocumentNumber.identityCardFirst), notAfter: .word),
        pattern: "[\(GermanDocumentNumber.identityCardFirst)][\(GermanDocumentNumber.alphabet)]{8}[0-9]?"
            + "(?![0-9A-Za-z_])",
        maxLength: 10,
        // The specimen cards' numbers (Erika Mustermann, 2010 and 2021 designs).
        examples: ["L01X00T47", "L01X00T471", "T22000129", "T220001293"],
        precondition: .run(of: ByteSet("0-9A-Z"), 9),
        validate: { context in
            let number = Array(context.bytes)
            guard GermanDocumentNumber.isValid(number) else { return .reject }
            // A valid Spanish NIE, K/L/M NIF or CIF written in the same nine characters (next to
            // "tax identification number") is that number, and a UK national insurance number
            // (next to "national insurance number") is that; neither is a German card's.
            if number.count == 9, SpanishControlLetter.isValid(number) || SpanishCIFControl.isValid(number)
                || GermanDocumentNumber.isNationalInsuranceNumberShaped(number) {
                return .reject
            }
            return .accept
        }
    )

    /// `GERMANY_TAX_IDENTIFICATION_NUMBER`: the Steuerliche Identifikationsnummer, 11 digits,
    /// near a keyword.
    static let germanyTaxIdentificationNumber = ManagedIdentifier(
        id: "GERMANY_TAX_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "German tax ID (Steuer-IdNr) near a keyword: 11 digits, compact or 86 095 742 719; "
            + "no leading 0, exactly one digit of the first ten repeated (twice, or three times "
            + "not all adjacent)",
        validation: "ISO 7064 MOD 11,10 and digit-repetition rule",
        keywords: ["identifikationsnummer", "steuer id", "steuer-id", "steuerid", "steuer-idnr",
                   "steueridentifikationsnummer", "steuerliche identifikationsnummer", "idnr",
                   "steuernummer", "tax id", "tax identification number", "tax number"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("1-9"), notAfter: .word),
        pattern: NumberBoundary.before + "[1-9][0-9](?:[0-9]{9}|( )[0-9]{3}\\1[0-9]{3}\\1[0-9]{3})"
            + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 14,
        precondition: Precondition(.digits, atLeast: 11, within: 14),
        validate: { context in GermanTaxIdentificationNumber.isValid(context.digits) ? .accept : .reject }
    )

    // MARK: Italy

    /// `ITALY_NATIONAL_IDENTIFICATION_NUMBER`: the codice fiscale of a person, 16 characters,
    /// near a keyword.
    static let italyNationalIdentificationNumber = ManagedIdentifier(
        id: "ITALY_NATIONAL_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Italian codice fiscale near a keyword: 6 letters, year, month letter, day "
            + "(+40 for women), place code and check letter (upper case; omocodia letters "
            + "L M N P Q R S T U V for digits)",
        validation: "check letter (odd/even tables mod 26) and day of month",
        keywords: ["codice fiscale", "codice fiscal", "cod. fiscale", "codicefiscale", "c.f.",
                   "dati anagrafici", "ehic", "health card", "health insurance card", "p. iva",
                   "partita i.v.a.", "personal data", "tax code", "tessera sanitaria"],
        keywordRule: .required,
        trigger: .start(first: .upper, notAfter: .word),
        pattern: "[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]"
            + "(?![0-9A-Za-z_])",
        maxLength: 16,
        precondition: .run(of: ByteSet("0-9A-Z"), 16),
        validate: { context in ItalianFiscalCode.isValid(Array(context.bytes)) ? .accept : .reject }
    )

    // MARK: Spain

    /// The keywords Macie lists for Spain's tax numbers (CIF, NIE and NIF alike).
    static let spainTaxKeywords = [
        "cif", "cif número", "cifnúmero#", "nie", "n.i.e.", "nif", "n.i.f.",
        "número de contribuyente", "número de identidad de extranjero",
        "numero de identidad de extranjero", "número de identificación fiscal",
        "numero de identificacion fiscal", "número de impuesto corporativo", "personal tax number",
        "tax id", "tax identification number", "tax number", "tin", "tin#",
    ]

    /// `SPAIN_DNI_NUMBER`: eight digits and the control letter, near a keyword.
    static let spainDNINumber = ManagedIdentifier(
        id: "SPAIN_DNI_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Spanish DNI near a keyword: 8 digits (or 12.345.678) and the control letter, "
            + "joined, or set apart by a space or dash",
        validation: "mod 23 control letter",
        keywords: ["dni", "dni#", "d.n.i.", "dninúmero#", "número de dni", "documento nacional de identidad",
                   "identidad único", "identidadúnico#", "insurance number",
                   "national identification number", "national identity", "nationalid#",
                   "nationalidno#", "número nacional identidad", "personal identification number",
                   "personal identity no", "unique identity number", "uniqueid#"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + SpanishPersonalNumber.dniPattern + "(?![0-9A-Za-z_])",
        maxLength: 12,
        examples: SpanishPersonalNumber.examples,
        precondition: Precondition(.digits, atLeast: 8, within: 10),
        validate: { context in SpanishPersonalNumber.verdict(context) }
    )

    /// `SPAIN_NIE_NUMBER`: a foreigner's identity number, X/Y/Z, seven digits and the control
    /// letter, near a keyword.
    static let spainNIENumber = ManagedIdentifier(
        id: "SPAIN_NIE_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Spanish NIE near a keyword: X, Y or Z, 7 digits and the control letter "
            + "(X1234567L, X-1234567-L)",
        validation: "mod 23 control letter (X/Y/Z as 0/1/2)",
        keywords: spainTaxKeywords,
        keywordRule: .required,
        trigger: .start(first: ByteSet("XYZ"), notAfter: .word),
        pattern: "[XYZ]([- ]?)[0-9]{7}\\1[A-Za-z](?![0-9A-Za-z_])",
        maxLength: 11,
        precondition: Precondition(.digits, atLeast: 7, within: 9),
        validate: { context in SpanishPersonalNumber.verdict(context) }
    )

    /// `SPAIN_NIF_NUMBER`: a person's tax number, DNI-based (eight digits and letter) or K, L,
    /// M and seven digits and letter, near a keyword. A foreigner's NIF is their NIE, reported
    /// as `SPAIN_NIE_NUMBER`.
    static let spainNIFNumber = ManagedIdentifier(
        id: "SPAIN_NIF_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Spanish NIF of a person near a keyword: 8 digits and control letter (as the DNI), "
            + "or K/L/M, 7 digits and control letter",
        validation: "mod 23 control letter",
        keywords: spainTaxKeywords,
        keywordRule: .required,
        trigger: .start(first: ByteSet("0-9KLM"), notAfter: .word),
        pattern: NumberBoundary.before + "(?:" + SpanishPersonalNumber.dniPattern
            + "|[KLM]([- ]?)[0-9]{7}\\1[A-Za-z])(?![0-9A-Za-z_])",
        maxLength: 12,
        examples: SpanishPersonalNumber.examples,
        precondition: Precondition(.digits, atLeast: 7, within: 10),
        validate: { context in SpanishPersonalNumber.verdict(context) }
    )

    /// `SPAIN_SOCIAL_SECURITY_NUMBER`: the número de afiliación, 12 digits, near a keyword.
    static let spainSocialSecurityNumber = ManagedIdentifier(
        id: "SPAIN_SOCIAL_SECURITY_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Spanish social security number near a keyword: province (01-53, 66-99), "
            + "8 digits and 2 control digits; compact or 28/12345678/40, 28 12345678 40, "
            + "28-12345678-40",
        validation: "mod 97 control digits",
        keywords: ["número de la seguridad social", "numero de la seguridad social",
                   "número de seguridad social", "seguridad social", "número de afiliación",
                   "nuss", "nss", "naf", "social security no.", "social security number",
                   "socialsecurityno#", "ssn", "ssn#"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{2}([ /-]?)[0-9]{8}\\1[0-9]{2}"
            + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 14,
        precondition: Precondition(.digits, atLeast: 12, within: 14),
        validate: { context in
            let digits = context.digits
            let province = digits.count == 12 ? digits[0] * 10 + digits[1] : 0
            guard (1...53).contains(province) || (66...99).contains(province),
                  SpanishSocialSecurityControl.isValid(digits) else { return .reject }
            return .accept
        }
    )

    /// `SPAIN_TAX_IDENTIFICATION_NUMBER`: the CIF (NIF of a legal entity), an entity letter,
    /// seven digits and a control character, near a keyword.
    static let spainTaxIdentificationNumber = ManagedIdentifier(
        id: "SPAIN_TAX_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Spanish CIF (entity NIF) near a keyword: entity letter (A-H, J, N, P-S, U-W), "
            + "7 digits and control digit or letter (B12345674, B-1234567-4)",
        validation: "CIF control digit/letter (Luhn-style sum)",
        keywords: spainTaxKeywords,
        keywordRule: .required,
        trigger: .start(first: ByteSet(SpanishCIFControl.entityLetters), notAfter: .word),
        pattern: "[\(SpanishCIFControl.entityLetters)]([- ]?)[0-9]{7}\\1[0-9A-J](?![0-9A-Za-z_])",
        maxLength: 11,
        precondition: Precondition(.digits, atLeast: 7, within: 10),
        validate: { context in
            let cif = Array(context.compacted().utf8)
            guard SpanishCIFControl.isValid(cif) else { return .reject }
            // All-zero numbers are placeholders.
            return cif[1..<8].allSatisfy { $0 == UInt8(ascii: "0") } ? .exampleValue : .accept
        }
    )

    // MARK: United Kingdom

    /// `UK_TAX_IDENTIFICATION_NUMBER`: the unique taxpayer reference (UTR), ten digits, near a
    /// keyword.
    static let ukTaxIdentificationNumber = ManagedIdentifier(
        id: "UK_TAX_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "UK unique taxpayer reference (UTR) near a keyword: 10 digits, compact or "
            + "12345 67890",
        validation: "HMRC modulus 11 check digit (first digit)",
        keywords: ["paye", "tax id", "tax id no.", "tax id number", "tax identification",
                   "tax identification#", "tax no.", "tax number", "tax reference", "tax#", "taxid#",
                   "temporary reference number", "tin", "trn", "unique tax reference",
                   "unique taxpayer reference", "utr"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{5}( ?)[0-9]{5}" + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 11,
        precondition: Precondition(.digits, atLeast: 10, within: 11),
        validate: { context in UTRCheckDigit.isValid(context.digits) ? .accept : .reject }
    )

    /// `UK_ELECTORAL_ROLL_NUMBER`: a polling district code and elector number, near a keyword.
    static let ukElectoralRollNumber = ManagedIdentifier(
        id: "UK_ELECTORAL_ROLL_NUMBER",
        category: .personalInformation,
        severity: .medium,
        summary: "UK electoral roll number near a keyword: 2-3 letters (polling district) and "
            + "1-4 digits, joined or with a dash (AB123, ABC-1234)",
        validation: "structure only",
        keywords: ["electoral #", "electoral number", "electoral roll #", "electoral roll no.",
                   "electoral roll number", "electoralrollno", "electoral roll", "elector number"],
        keywordRule: .required,
        trigger: .start(first: .upper, notAfter: .word),
        // Not a segment of a longer dashed or dotted code (PRD-ABC-123).
        pattern: "(?<![0-9A-Za-z][-./])[A-Z]{2,3}-?[0-9]{1,4}(?![0-9A-Za-z_]|[.,/-][0-9A-Za-z])",
        maxLength: 8,
        precondition: Precondition(.digits, atLeast: 1, within: 5)
    )
}

/// The parts of a French NIR's pattern.
enum FrenchNIR {
    /// Month of birth: 01-12, or 20, 30-42, 50-99 when unknown or fictitious.
    static let month = "(?:0[1-9]|1[0-2]|20|3[0-9]|4[0-2]|[5-9][0-9])"
    /// Department of birth: two digits, or 2A/2B (Corsica).
    static let department = "(?:[0-9]{2}|2[AB])"
}

/// German identity documents' serial numbers (identity cards since 2010, passports since 2007).
enum GermanDocumentNumber {
    /// The characters a serial is written with (no vowels, no B, D, Q, S).
    static let alphabet = "CFGHJKLMNPRTVWXYZ0-9"
    /// The first letter of an identity card number.
    static let identityCardFirst = "LMNPRTVWXY"

    /// Whether nine characters (or ten, the last an ICAO 9303 check digit that must hold)
    /// include a digit after the first, as every issued serial does.
    static func isValid(_ number: [UInt8]) -> Bool {
        guard number.count == 9 || number.count == 10 else { return false }
        guard number[1..<9].contains(where: ByteSet.digits.contains) else { return false }
        return number.count == 9 || ICAO9303CheckDigit.isValid(number)
    }
}

extension GermanDocumentNumber {
    /// Whether nine characters read as a UK national insurance number: two letters, six digits
    /// and a suffix A-D.
    static func isNationalInsuranceNumberShaped(_ number: [UInt8]) -> Bool {
        number.count == 9 && number[0..<2].allSatisfy(ByteSet.upper.contains)
            && number[2..<8].allSatisfy(ByteSet.digits.contains)
            && ByteSet("A-D").contains(number[8])
    }
}

/// The Bundeszentralamt für Steuern's rules for a tax identification number.
enum GermanTaxIdentificationNumber {
    /// Whether 11 digits form a possible IdNr: no leading 0; among the first ten exactly one
    /// digit repeated, twice or three times (and then not three in a row); MOD 11,10 check.
    static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 11, digits[0] != 0 else { return false }
        var counts = [Int](repeating: 0, count: 10)
        for digit in digits.prefix(10) { counts[digit] += 1 }
        let repeated = counts.filter { $0 > 1 }
        guard repeated.count == 1, let times = repeated.first, times <= 3 else { return false }
        if times == 3 {
            for i in 0..<8 where digits[i] == digits[i + 1] && digits[i] == digits[i + 2] { return false }
        }
        return ISO7064Mod11_10.isValid(digits)
    }
}

/// The structure of an Italian codice fiscale beyond its pattern.
enum ItalianFiscalCode {
    /// The digit an omocodia letter stands for (L=0 ... V=9), or the digit itself.
    static func digit(_ character: UInt8) -> Int? {
        if character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") {
            return Int(character - UInt8(ascii: "0"))
        }
        let letters = Array("LMNPQRSTUV".utf8)
        return letters.firstIndex(of: character)
    }

    /// Whether 16 characters have a possible day of birth (1-31, or 41-71 for women) and the
    /// right check letter.
    static func isValid(_ code: [UInt8]) -> Bool {
        guard code.count == 16, let tens = digit(code[9]), let units = digit(code[10]) else {
            return false
        }
        let day = tens * 10 + units
        guard (1...31).contains(day) || (41...71).contains(day) else { return false }
        return CodiceFiscaleCheck.isValid(code)
    }
}

/// The DNI-shaped numbers (DNI, NIE, K/L/M NIF) and their control letter.
enum SpanishPersonalNumber {
    /// Eight digits (or 12.345.678) and a letter, joined or set apart by a space or dash.
    static let dniPattern = "(?:[0-9]{8}|[0-9]{2}\\.[0-9]{3}\\.[0-9]{3})[- ]?[A-Za-z]"
    /// The all-zero number and the specimen card's number (99999999R).
    static let examples: Set<String> = ["00000000T", "99999999R"]

    /// `.accept` when the control letter (upper-cased) holds, `.exampleValue` for an all-zero
    /// number, `.reject` otherwise.
    static func verdict(_ context: MatchContext) -> Verdict {
        let number = Array(context.compacted().uppercased().utf8)
        guard SpanishControlLetter.isValid(number) else { return .reject }
        if number.dropLast().allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "X") }) {
            return .exampleValue
        }
        return .accept
    }
}
