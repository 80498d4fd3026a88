extension ManagedIdentifiers {
    /// `BRAZIL_CPF_NUMBER`: `ddd.ddd.ddd-dd` alone; `ddddddddd-dd` or eleven bare digits next
    /// to a keyword. Two mod 11 check digits; one repeated digit is never issued.
    static let brazilCPFNumber = ManagedIdentifier(
        id: "BRAZIL_CPF_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Brazilian CPF: ddd.ddd.ddd-dd (ddddddddd-dd or eleven bare digits only near a "
            + "keyword); not one repeated digit",
        validation: "two mod 11 check digits",
        keywords: ["cpf", "cadastro de pessoa física", "cadastro de pessoa fisica",
                   "cadastro de pessoas físicas", "cadastro de pessoas fisicas"],
        keywordRule: .whenValidatorAsks,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before
            + "(?:[0-9]{3}\\.[0-9]{3}\\.[0-9]{3}-[0-9]{2}|[0-9]{9}-?[0-9]{2})" + NumberBoundary.after,
        maxLength: 14,
        precondition: .run(of: ByteSet("0-9.-"), 11),
        validate: { context in
            guard BrazilCPFCheckDigits.isValid(context.digits) else { return .reject }
            return WorldIDChecks.contains(context, UInt8(ascii: ".")) ? .accept : .acceptWithKeyword
        }
    )

    /// `BRAZIL_CNPJ_NUMBER`: `dd.ddd.ddd/dddd-dd` alone; `dddddddd/dddd-dd` or fourteen bare
    /// characters next to a keyword. The first twelve characters may be upper-case letters (the
    /// alphanumeric CNPJ of July 2026, `12.ABC.345/01DE-35`); two mod 11 check digits.
    static let brazilCNPJNumber = ManagedIdentifier(
        id: "BRAZIL_CNPJ_NUMBER",
        category: .personalInformation,
        severity: .medium,
        summary: "Brazilian CNPJ: dd.ddd.ddd/dddd-dd, numeric or alphanumeric (12.ABC.345/01DE-35) "
            + "(dddddddd/dddd-dd or fourteen bare characters only near a keyword)",
        validation: "two mod 11 check digits (RFB, alphanumeric-aware)",
        keywords: ["cnpj", "cadastro nacional da pessoa jurídica", "cadastro nacional da pessoa juridica",
                   "cadastro nacional de pessoas jurídicas", "cadastro nacional de pessoas juridicas"],
        keywordRule: .whenValidatorAsks,
        trigger: .start(first: ByteSet("0-9A-Z"), notAfter: .word),
        pattern: NumberBoundary.before
            + "(?:[0-9A-Z]{2}\\.[0-9A-Z]{3}\\.[0-9A-Z]{3}/[0-9A-Z]{4}-[0-9]{2}"
            + "|[0-9A-Z]{8}/[0-9A-Z]{4}-[0-9]{2}|[0-9A-Z]{12}[0-9]{2})" + NumberBoundary.after,
        maxLength: 18,
        precondition: .run(of: ByteSet("0-9A-Z./-"), 14),
        validate: { context in
            let characters = WorldIDChecks.compact(context)
            guard BrazilCNPJCheckDigits.isValid(characters) else { return .reject }
            return WorldIDChecks.contains(context, UInt8(ascii: ".")) ? .accept : .acceptWithKeyword
        }
    )

    /// `BRAZIL_RG_NUMBER`: a São Paulo RG, `dd.ddd.ddd-D`, `dddddddd-D` or nine characters, the
    /// check character `0`-`9` or `X`, next to a keyword.
    static let brazilRGNumber = ManagedIdentifier(
        id: "BRAZIL_RG_NUMBER",
        category: .personalInformation,
        severity: .high,
        summary: "Brazilian RG (São Paulo format) near a keyword: dd.ddd.ddd-D, dddddddd-D or "
            + "nine characters; check character 0-9 or X",
        validation: "mod 11 check character (SSP-SP)",
        keywords: ["rg", "registro geral", "carteira de identidade", "cédula de identidade",
                   "cedula de identidade"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{2}(?:\\.[0-9]{3}\\.[0-9]{3}|[0-9]{6})-?[0-9Xx]"
            + NumberBoundary.after,
        maxLength: 12,
        precondition: .run(of: ByteSet("0-9.Xx-"), 9),
        validate: { context in
            let characters = WorldIDChecks.compact(context)
            guard BrazilRGCheckDigit.isValid(characters), !WorldIDChecks.isRepeated(characters) else {
                return .reject
            }
            return .accept
        }
    )

    /// `BRAZIL_CEP_CODE`: a postal code `ddddd-ddd` (or `dd.ddd-ddd`) next to a keyword.
    static let brazilCEPCode = ManagedIdentifier(
        id: "BRAZIL_CEP_CODE",
        category: .personalInformation,
        severity: .low,
        summary: "Brazilian postal code (CEP) near a keyword: ddddd-ddd or dd.ddd-ddd",
        validation: "structure only",
        keywords: ["cep", "código de endereçamento postal", "codigo de endereçamento postal",
                   "codigo de enderecamento postal", "código postal", "codigo postal"],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "(?:[0-9]{5}|[0-9]{2}\\.[0-9]{3})-[0-9]{3}" + NumberBoundary.after,
        maxLength: 10,
        precondition: .run(of: ByteSet("0-9.-"), 9),
        validate: { context in
            WorldIDChecks.isRepeated(context.digits) && context.digits.first == 0 ? .reject : .accept
        }
    )
}
