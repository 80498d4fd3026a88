extension ManagedIdentifiers {
    /// `CANADA_NATIONAL_IDENTIFICATION_NUMBER`: the IRCC client identifier (UCI) printed on a
    /// permanent resident card, `dddd-dddd` or `dd-dddd-dddd` (hyphens optional), next to a
    /// keyword. It has no check digit.
    static let canadaNationalIdentificationNumber = ManagedIdentifier(
        id: "CANADA_NATIONAL_IDENTIFICATION_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Canadian permanent resident / IRCC client number (UCI) near a keyword: "
            + "dddd-dddd or dd-dddd-dddd (hyphens optional)",
        validation: "structure only",
        keywords: ["permanent resident card", "permanent resident card number", "permanent resident no",
                   "permanent resident no.", "permanent resident number", "pr no", "pr no.", "pr non",
                   "pr number", "carte résident permanent", "numéro carte résident permanent",
                   "numéro résident permanent", "résident permanent no.", "résident permanent non",
                   "uci", "unique client identifier", "client id"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before
            + "(?:[0-9]{2}(-?)[0-9]{4}\\1[0-9]{4}|[0-9]{4}-?[0-9]{4})" + NumberBoundary.after,
        maxLength: 12,
        precondition: .run(of: ByteSet("0-9-"), 8),
        validate: { context in context.digits.allSatisfy { $0 == 0 } ? .reject : .accept }
    )
}
