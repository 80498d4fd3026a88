extension ManagedIdentifiers {
    /// `COLOMBIA_CITIZENSHIP_CARD_NUMBER`: a cédula de ciudadanía, 6 to 10 digits, bare or with
    /// thousands dots (`1.020.304.050`), next to a keyword.
    static let colombiaCitizenshipCardNumber = ManagedIdentifier(
        id: "COLOMBIA_CITIZENSHIP_CARD_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Colombian citizenship card (cédula de ciudadanía) near a keyword: 6-10 digits, "
            + "bare or with thousands dots",
        validation: "structure only",
        keywords: ["cédula de ciudadanía", "cedula de ciudadania", "cédula", "cedula",
                   "documento de identificación", "documento de identificacion", "c.c."],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "(?:[0-9]{1,3}(?:\\.[0-9]{3}){1,3}|[0-9]{6,10})"
            + NumberBoundary.after,
        maxLength: 13,
        precondition: .run(of: ByteSet("0-9."), 6),
        validate: { context in
            let digits = context.digits
            guard (6...10).contains(digits.count), digits.first != 0 else { return .reject }
            return .accept
        }
    )

    /// `COLOMBIA_INDIVIDUAL_NIT_NUMBER`: a person's NIT (the cédula number, 6-10 digits, and
    /// the DIAN check digit), `dd.ddd.ddd-D`, `dddddddd-D` or bare, next to a keyword.
    static let colombiaIndividualNITNumber = ManagedIdentifier(
        id: "COLOMBIA_INDIVIDUAL_NIT_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Colombian NIT of a person near a keyword: a 6-10 digit cédula number and a "
            + "check digit (dd.ddd.ddd-D, dddddddd-D or bare)",
        validation: "DIAN mod 11 check digit",
        keywords: ColombiaNITStructure.keywords,
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: ColombiaNITStructure.pattern,
        maxLength: 15,
        precondition: .run(of: ByteSet("0-9.-"), 7),
        validate: { context in ColombiaNITStructure.verdict(context.digits, organization: false) }
    )

    /// `COLOMBIA_ORGANIZATION_NIT_NUMBER`: an organization's NIT (nine digits starting 8 or 9,
    /// and the DIAN check digit), `ddd.ddd.ddd-D`, `ddddddddd-D` or bare, next to a keyword.
    static let colombiaOrganizationNITNumber = ManagedIdentifier(
        id: "COLOMBIA_ORGANIZATION_NIT_NUMBER",
        category: .personalInformation,
        severity: .medium,
        summary: "Colombian NIT of an organization near a keyword: nine digits starting 8 or 9 "
            + "and a check digit (ddd.ddd.ddd-D, ddddddddd-D or bare)",
        validation: "DIAN mod 11 check digit",
        keywords: ColombiaNITStructure.keywords,
        keywordRule: .required,
        trigger: .start(first: ByteSet("89"), notAfter: .word),
        pattern: ColombiaNITStructure.pattern,
        maxLength: 15,
        precondition: .run(of: ByteSet("0-9.-"), 10),
        validate: { context in ColombiaNITStructure.verdict(context.digits, organization: true) }
    )
}

/// What the two NIT identifiers share.
enum ColombiaNITStructure {
    static let keywords = ["nit", "nit.", "nit#", "n.i.t."]

    /// A body with thousands dots and `-D`, a bare body and `-D`, or all digits bare.
    static let pattern = NumberBoundary.before
        + "(?:[0-9]{1,3}(?:\\.[0-9]{3}){1,3}-[0-9]|[0-9]{6,10}-[0-9]|[0-9]{7,11})" + NumberBoundary.after

    /// An organization's NIT body is nine digits starting 8 or 9 (800 000 000 and up); any
    /// other 6-10 digit body is a person's cédula.
    static func verdict(_ digits: [Int], organization: Bool) -> Verdict {
        let body = digits.dropLast()
        guard (6...10).contains(body.count), body.first != 0 else { return .reject }
        let isOrganization = body.count == 9 && (body.first == 8 || body.first == 9)
        guard isOrganization == organization, ColombiaNITCheckDigit.isValid(digits) else { return .reject }
        return .accept
    }
}
