extension ManagedIdentifiers {
    /// `INDIA_AADHAAR_NUMBER`: twelve digits, the first 2-9, the last a Verhoeff check digit,
    /// written `dddd dddd dddd`, `dddd-dddd-dddd` or plain, next to a keyword.
    static let indiaAadhaarNumber = ManagedIdentifier(
        id: "INDIA_AADHAAR_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Indian Aadhaar number near a keyword: dddd dddd dddd, dddd-dddd-dddd or twelve "
            + "digits; first digit 2-9, not a palindrome",
        validation: "Verhoeff",
        keywords: ["aadhaar", "aadhar", "adhaar", "uidai"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("2-9"), notAfter: .word),
        pattern: NumberBoundary.before + WorldIDChecks.notAfterSpacedDigits
            + "[2-9][0-9]{3}([- ]?)[0-9]{4}\\1[0-9]{4}" + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 14,
        precondition: Precondition(.digits, atLeast: 12, within: 14),
        validate: { context in
            let digits = context.digits
            // UIDAI's numbering scheme issues no palindromes (which covers one repeated digit).
            guard Verhoeff.isValid(digits), digits != digits.reversed() else { return .reject }
            return .accept
        }
    )

    /// `INDIA_PERMANENT_ACCOUNT_NUMBER`: `AAAAA9999A`, the fourth letter the holder type (P
    /// person, C company, H Hindu undivided family, F firm, A association of persons, T trust,
    /// B body of individuals, L local authority, J artificial juridical person, G government),
    /// next to a keyword. The last letter is a check character whose algorithm is not public.
    static let indiaPermanentAccountNumber = ManagedIdentifier(
        id: "INDIA_PERMANENT_ACCOUNT_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Indian permanent account number (PAN) near a keyword: AAAAA9999A (upper case), "
            + "fourth letter a holder type P, C, H, F, A, T, B, L, J or G",
        validation: "structure only",
        keywords: ["permanent account number", "pan", "pan card", "pan number", "pan no", "e-pan"],
        keywordRule: .required,
        trigger: .start(first: .upper, notAfter: .word),
        pattern: "[A-Z]{3}[PCHFATBLJG][A-Z][0-9]{4}[A-Z](?![0-9A-Za-z_])",
        maxLength: 10,
        precondition: Precondition(.digits, atLeast: 4, within: 9)
    )
}
