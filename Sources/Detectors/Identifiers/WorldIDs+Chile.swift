extension ManagedIdentifiers {
    /// `CHILE_RUT_NUMBER`: a RUT or RUN, `dd.ddd.ddd-D`, `dddddddd-D` or bare, a body of 7-8
    /// digits and a check character `0`-`9` or `K`, next to a keyword. An all-zero body is an
    /// example (`00.000.000-0`).
    static let chileRUTNumber = ManagedIdentifier(
        id: "CHILE_RUT_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Chilean RUT/RUN near a keyword: dd.ddd.ddd-D, d.ddd.ddd-D, dddddddd-D or bare; "
            + "check character 0-9 or K",
        validation: "mod 11 check character",
        keywords: ["rut", "rut#", "r.u.t.", "run", "run#", "r.u.n.", "rol único nacional",
                   "rol unico nacional", "rol único tributario", "rol unico tributario",
                   "identidad número", "nacional identidad", "número identificación",
                   "national unique role", "nationaluniqueroleid#", "unique national number",
                   "unique national role", "unique tax registry", "unique tax role",
                   "unique tributary number", "unique tributary role"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{1,2}(?:\\.[0-9]{3}\\.[0-9]{3}|[0-9]{6})-?[0-9Kk]"
            + NumberBoundary.after,
        maxLength: 12,
        precondition: .run(of: ByteSet("0-9.Kk-"), 8),
        validate: { context in
            let characters = WorldIDChecks.compact(context)
            guard let check = characters.last else { return .reject }
            let body = characters.dropLast().map { Int($0) - 48 }
            guard !body.allSatisfy({ $0 == 0 }), ChileRUTCheckDigit.isValid(body: body, check: check) else {
                return .reject
            }
            return .accept
        }
    )
}
