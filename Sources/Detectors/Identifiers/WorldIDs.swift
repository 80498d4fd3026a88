extension ManagedIdentifiers {
    /// National and tax identifiers of Latin America, India and Australia, and Canada's permanent
    /// resident number.
    ///
    /// Macie needs a keyword for all of them. Here too, with two exceptions where the written
    /// form is itself unambiguous: a CPF or CNPJ in its full punctuated form (two check digits)
    /// and a CURP (date, sex, state code and check digit) are reported alone, as
    /// `USA_SOCIAL_SECURITY_NUMBER` is for `ddd-dd-dddd`.
    static let worldIDs: [ManagedIdentifier] = [
        indiaAadhaarNumber, indiaPermanentAccountNumber,
        brazilCPFNumber, brazilCNPJNumber, brazilRGNumber, brazilCEPCode,
        mexicoCURPNumber, mexicoIndividualRFCNumber, mexicoOrganizationRFCNumber,
        chileRUTNumber,
        argentinaDNINumber, argentinaIndividualTaxIdentificationNumber,
        argentinaOrganizationTaxIdentificationNumber,
        colombiaCitizenshipCardNumber, colombiaIndividualNITNumber, colombiaOrganizationNITNumber,
        australiaTaxFileNumber,
        canadaNationalIdentificationNumber,
    ]
}

/// Small structural checks shared by the identifiers in `WorldIDs+*.swift`.
enum WorldIDChecks {
    /// Whether every value is the same (`00000000`, `111.111.111-11`): such numbers are
    /// placeholders, never issued.
    static func isRepeated<T: Equatable>(_ values: [T]) -> Bool {
        guard let first = values.first else { return true }
        return values.allSatisfy { $0 == first }
    }

    /// Whether six ASCII digits spell a calendar date `YYMMDD` (29 February accepted in any year,
    /// since the century is not written).
    static func isDate<C: Collection>(yymmdd: C) -> Bool where C.Element == UInt8 {
        let digits = yymmdd.map { Int($0) - 48 }
        guard digits.count == 6, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        let month = digits[2] * 10 + digits[3], day = digits[4] * 10 + digits[5]
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month) else { return false }
        return (1...lengths[month - 1]).contains(day)
    }

    /// The match's bytes with separators (`.`, `-`, `/`, space) removed.
    static func compact(_ context: MatchContext) -> [UInt8] {
        context.bytes.filter { $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: "-")
            && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: " ") }
    }

    /// Whether the match contains `byte`.
    static func contains(_ context: MatchContext, _ byte: UInt8) -> Bool {
        context.bytes.contains(byte)
    }

    /// Not preceded by a digit and a space: the second group of a longer spaced digit run
    /// (`4111 2345 6789 0123`) is not the start of a number.
    static let notAfterSpacedDigits = "(?<![0-9] )"
}
