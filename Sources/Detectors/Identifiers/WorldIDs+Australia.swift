extension ManagedIdentifiers {
    /// `AUSTRALIA_TAX_FILE_NUMBER`: nine digits (`ddd ddd ddd`) or eight (`ddd ddd dd`), spaced,
    /// hyphenated or bare, with the ATO's weighted mod 11 check, next to a keyword.
    static let australiaTaxFileNumber = ManagedIdentifier(
        id: "AUSTRALIA_TAX_FILE_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Australian tax file number near a keyword: ddd ddd ddd or ddd ddd dd (spaces, "
            + "hyphens or none)",
        validation: "ATO weighted mod 11",
        keywords: ["tax file number", "tfn"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + WorldIDChecks.notAfterSpacedDigits
            + "[0-9]{3}([- ]?)[0-9]{3}\\1[0-9]{2,3}" + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 11,
        precondition: Precondition(.digits, atLeast: 8, within: 11),
        validate: { context in
            let digits = context.digits
            guard AustraliaTFNChecksum.isValid(digits), !WorldIDChecks.isRepeated(digits) else {
                return .reject
            }
            return .accept
        }
    )
}
