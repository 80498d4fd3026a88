extension ManagedIdentifiers {
    /// `ARGENTINA_DNI_NUMBER`: seven or eight digits, `dd.ddd.ddd` or bare, next to a keyword.
    /// `99999999` and all-zero numbers are examples.
    static let argentinaDNINumber = ManagedIdentifier(
        id: "ARGENTINA_DNI_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Argentine DNI near a keyword: dd.ddd.ddd, d.ddd.ddd or 7-8 bare digits",
        validation: "structure only",
        keywords: ["dni", "dni#", "d.n.i.", "documento nacional de identidad"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "(?:[0-9]{1,2}\\.[0-9]{3}\\.[0-9]{3}|[0-9]{7,8})"
            + NumberBoundary.after,
        maxLength: 10,
        examples: ["99999999"],
        precondition: .run(of: ByteSet("0-9."), 7),
        validate: { context in context.digits.allSatisfy { $0 == 0 } ? .reject : .accept }
    )

    /// `ARGENTINA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER`: a CUIL/CUIT with a person's prefix (20,
    /// 23, 24, 27), `dd-dddddddd-d` or eleven digits, next to a keyword.
    static let argentinaIndividualTaxIdentificationNumber = ManagedIdentifier(
        id: "ARGENTINA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Argentine CUIL/CUIT of a person near a keyword: dd-dddddddd-d or eleven digits, "
            + "prefix 20, 23, 24 or 27",
        validation: "mod 11 check digit",
        keywords: ArgentinaCUITStructure.keywords,
        keywordRule: .required,
        trigger: .start(first: ByteSet("2"), notAfter: .word),
        pattern: NumberBoundary.before + "2[0347]([- ]?)[0-9]{8}\\1[0-9]" + NumberBoundary.after,
        maxLength: 13,
        precondition: Precondition(.digits, atLeast: 11, within: 13),
        validate: { context in ArgentinaCUITStructure.verdict(context.digits) }
    )

    /// `ARGENTINA_ORGANIZATION_TAX_IDENTIFICATION_NUMBER`: a CUIT with an organization's prefix
    /// (30, 33, 34), `dd-dddddddd-d` or eleven digits, next to a keyword.
    static let argentinaOrganizationTaxIdentificationNumber = ManagedIdentifier(
        id: "ARGENTINA_ORGANIZATION_TAX_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .medium,
        summary: "Argentine CUIT of an organization near a keyword: dd-dddddddd-d or eleven "
            + "digits, prefix 30, 33 or 34",
        validation: "mod 11 check digit",
        keywords: ArgentinaCUITStructure.keywords,
        keywordRule: .required,
        trigger: .start(first: ByteSet("3"), notAfter: .word),
        pattern: NumberBoundary.before + "3[034]([- ]?)[0-9]{8}\\1[0-9]" + NumberBoundary.after,
        maxLength: 13,
        precondition: Precondition(.digits, atLeast: 11, within: 13),
        validate: { context in ArgentinaCUITStructure.verdict(context.digits) }
    )
}

/// What the two CUIT identifiers share.
enum ArgentinaCUITStructure {
    /// Macie's keywords for Argentina's taxpayer numbers, with unaccented spellings.
    static let keywords = [
        "cuit", "c.u.i.t", "cuil", "c.u.i.l", "argentina taxpayer id",
        "clave única de identificación tributaria", "clave unica de identificacion tributaria",
        "número de identificación fiscal", "numero de identificacion fiscal",
        "número de contribuyente", "numero de contribuyente", "unified labor identification code",
    ]

    static func verdict(_ digits: [Int]) -> Verdict {
        guard ArgentinaCUITCheckDigit.isValid(digits), !digits[2..<10].allSatisfy({ $0 == 0 }) else {
            return .reject
        }
        return .accept
    }
}
