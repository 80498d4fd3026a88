extension ManagedIdentifiers {
    /// Card data beyond the number, bank accounts, domestic BBANs, routing numbers, BIC, SUBE.
    static let banking: [ManagedIdentifier] = [
        creditCardExpiration, creditCardSecurityCode, creditCardMagneticStripe, bankAccountNumber,
        franceBBAN, germanyBBAN, italyBBAN, spainBBAN, ukBBAN,
        usaRoutingNumber, swiftBICCode, argentinaTarjetaSUBE,
    ]

    // MARK: Card data

    /// `CREDIT_CARD_EXPIRATION`: a card's expiry month and year near a keyword: `MM/YY`,
    /// `MM/YYYY`, `MM-YY`, `MM-YYYY` (month 1-12, optionally without its leading zero, spaces
    /// around the separator allowed) or a month name and year (`Feb 2026`, `February/26`).
    ///
    /// Macie also reads year-first and day-month forms (`26-Feb`); those are left out here, as
    /// they read as ordinary dates.
    static let creditCardExpiration = ManagedIdentifier(
        id: "CREDIT_CARD_EXPIRATION",
        category: .financialInformation,
        severity: .medium,
        summary: "Card expiry date near a keyword: MM/YY, MM/YYYY, MM-YY, MM-YYYY or a month "
            + "name and year (Feb 2026)",
        validation: "month 1-12, year 20YY or YY",
        keywords: [
            // Macie's list.
            "exp d", "exp m", "exp y", "expiration", "expiry",
            // Common spellings and other languages. Not "expires" or "valid until": cookies and
            // certificates write dates after them.
            "exp", "exp date", "expiration date", "expiry date", "expdate",
            "valid thru", "valid through", "good thru", "fecha de vencimiento",
            "vencimiento", "caducidad", "date d'expiration", "date d'expiry", "ablaufdatum",
            "gültig bis", "scadenza", "validade",
        ],
        keywordRule: .required,
        trigger: .start(first: ByteSet("0-9JFMASONDjfmasond"), notAfter: .word),
        pattern: "(?:(?<![0-9][/.-])(?:0[1-9]|1[0-2]|[1-9]) ?[/-] ?"
            + "|(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?:[ /-]|, ?)'?)"
            + "(?:20[0-9]{2}|[0-9]{2})(?![0-9A-Za-z_]|[/.-][0-9])",
        maxLength: 16,
        precondition: Precondition(.digits, atLeast: 2, within: 16)
    )

    /// `CREDIT_CARD_SECURITY_CODE`: a card verification code (CVV, CVC, CID), three or four
    /// digits near a keyword.
    static let creditCardSecurityCode = ManagedIdentifier(
        id: "CREDIT_CARD_SECURITY_CODE",
        category: .financialInformation,
        severity: .high,
        summary: "Card security code (CVV2, CVC2, CID) near a keyword: 3 or 4 digits",
        validation: "keyword and length only",
        keywords: [
            // Macie's list.
            "card id", "card identification code", "card identification number",
            "card security code", "card validation code", "card validation number",
            "card verification data", "card verification value", "cvc", "cvc2", "cvv", "cvv2",
            "elo verification code",
            // Common spellings.
            "security code", "card verification", "card code", "csc", "cvn", "cvv code",
            "código de seguridad", "cryptogramme visuel", "prüfnummer", "kartenprüfnummer",
        ],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        // Not one group of a spaced or dashed digit run (a grouped card number's 4-digit group),
        // though a keyword may end in a digit (`cvc2 123`).
        pattern: NumberBoundary.before + "(?:(?<![0-9][ /-])|(?<=[A-Za-z][0-9] ))[0-9]{3,4}"
            + NumberBoundary.after
            + "(?![ -][0-9]|[/-][0-9A-Za-z])",
        maxLength: 4,
        precondition: .run(of: .digits, 3)
    )

    /// `CREDIT_CARD_MAGNETIC_STRIPE`: ISO/IEC 7813 track data. Track 1 (format B):
    /// `%B<PAN>^<NAME>^<YYMM><service code><discretionary data>?`; track 2:
    /// `;<PAN>=<YYMM><service code><discretionary data>?`. The PAN must be a card number (issuer
    /// prefix and length, Luhn) and the expiry month 01-12.
    ///
    /// Macie requires a keyword (*card data, iso7813, mag, magstripe, stripe, swipe*). Here a
    /// track framed by both its start and end sentinels is reported without one: with a
    /// Luhn-valid PAN, field separators and a valid expiry it cannot be anything else, and
    /// missing raw track data (which PCI DSS forbids storing at all) costs more than a finding
    /// Macie would have needed a keyword for. Unframed track data is reported only near a
    /// keyword, as Macie does.
    static let creditCardMagneticStripe = ManagedIdentifier(
        id: "CREDIT_CARD_MAGNETIC_STRIPE",
        category: .financialInformation,
        severity: .high,
        summary: "Magnetic stripe track 1 (%B<PAN>^NAME^YYMM...?) or track 2 (;<PAN>=YYMM...?); "
            + "without its sentinels only near a keyword",
        validation: "PAN issuer prefix, length and Luhn; expiry month",
        keywords: [
            // Macie's list.
            "card data", "iso7813", "mag", "magstripe", "stripe", "swipe",
            // Common spellings.
            "track", "track 1", "track 2", "track1", "track2", "track data", "magnetic stripe",
            "mag stripe", "swiped", "iso 7813",
        ],
        keywordRule: .whenValidatorAsks,
        trigger: .start(first: ByteSet("%;B0-9"), notAfter: .word),
        pattern: "(?:%?B[0-9]{13,19}\\^[A-Za-z0-9 /.'-]{2,26}\\^[0-9]{7}"
            + "(?:[0-9A-Za-z ]{0,60}\\?|[0-9]{0,60}\\??)"
            + "|;?[0-9]{13,19}=[0-9]{7}[0-9]{0,25}\\??)(?![0-9A-Za-z_])",
        maxLength: 117,
        precondition: Precondition(.digits, atLeast: 13, within: 21),
        validate: { context in MagneticStripe.verdict(context.bytes) }
    )

    // MARK: Bank accounts

    /// `BANK_ACCOUNT_NUMBER`: a US or Canadian bank account number near a keyword: 9 to 17
    /// digits with no spaces, or Canada's transit-institution-account form (`12345-003-1234567`).
    static let bankAccountNumber = ManagedIdentifier(
        id: "BANK_ACCOUNT_NUMBER",
        category: .financialInformation,
        severity: .high,
        summary: "US or Canadian bank account number near a keyword: 9-17 digits, or Canadian "
            + "transit-institution-account (12345-003-1234567)",
        validation: "structure only (not one repeated digit)",
        keywords: [
            // Macie's list.
            "bank account", "bank acct", "checking account", "checking acct", "deposit account",
            "deposit acct", "savings account", "savings acct", "chequing account", "chequing acct",
            // Common spellings.
            "bank account number", "bank acct no", "account no", "acct no", "acct #", "acct#",
            "checking", "chequing", "savings", "numéro de compte bancaire",
        ],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        // Not one group of a spaced digit run (Macie: no spaces).
        pattern: NumberBoundary.before + "(?<![0-9] )(?:[0-9]{9,17}|[0-9]{5}-[0-9]{3}-[0-9]{7,12})"
            + NumberBoundary.after + "(?! [0-9])",
        maxLength: 22,
        precondition: Precondition(.digits, atLeast: 9, within: 11),
        validate: { context in
            let digits = context.digits
            return digits.allSatisfy({ $0 == digits[0] }) ? .reject : .accept
        }
    )

    /// Macie's BBAN keywords shared by France, Germany, Italy, Spain and the UK.
    private static let bbanKeywords = [
        "account code", "account number", "accountno#", "accountnumber#", "bban",
        "customer account id", "customer account number", "customer bank account id", "iban",
    ]

    /// Not one group of a longer spaced or dashed digit run, nor a printed IBAN's BBAN.
    private static let bbanBefore = "(?<![0-9][ .-])" + NumberBoundary.notInPrintedIBAN

    /// `FRANCE_BANK_ACCOUNT_NUMBER` (domestic form): a RIB near a keyword, bank code, branch
    /// code, account number and clé RIB: `20041 01005 0500013M026 06`, compact, or in groups of
    /// four.
    static let franceBBAN = ManagedIdentifier(
        id: "FRANCE_BANK_ACCOUNT_NUMBER",
        category: .financialInformation,
        severity: .high,
        summary: "French BBAN (RIB) near a keyword: 5-digit bank, 5-digit branch, 11-character "
            + "account, 2-digit key; compact, 5-5-11-2 or groups of four",
        validation: "clé RIB (mod 97)",
        keywords: bbanKeywords + [
            // Macie's list.
            "code bancaire", "compte bancaire", "numéro de compte",
            // Common spellings.
            "numero de compte", "rib", "relevé d'identité bancaire", "n° de compte", "no de compte",
        ],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: bbanBefore + "(?:[0-9]{5}([ -]?)[0-9]{5}\\1[0-9A-Z]{11}\\1[0-9]{2}"
            + "|[0-9]{4}([ -])[0-9]{4}\\2[0-9]{2}[0-9A-Z]{2}\\2[0-9A-Z]{4}\\2[0-9A-Z]{4}\\2"
            + "[0-9A-Z][0-9]{2})(?![0-9A-Za-z_]|[.-][0-9A-Za-z])",
        maxLength: 28,
        precondition: Precondition(.digits, atLeast: 10, within: 12),
        validate: { context in
            FrenchRIBKey.isValid(Array(context.compacted().utf8)) ? .accept : .reject
        }
    )

    /// `GERMANY_BANK_ACCOUNT_NUMBER` (domestic form): Bankleitzahl and account number (18
    /// digits) near a keyword: compact, `37040044 0532013000`, `370 400 44 0532013000` or in
    /// groups of four.
    ///
    /// German account check digits follow one of some 150 bank-specific methods, so only the
    /// structure is checked: a Bankleitzahl starts with a clearing area 1-8.
    static let germanyBBAN = ManagedIdentifier(
        id: "GERMANY_BANK_ACCOUNT_NUMBER",
        category: .financialInformation,
        severity: .high,
        summary: "German BBAN near a keyword: 8-digit Bankleitzahl and 10-digit account; "
            + "compact, BLZ and account apart, or groups of four",
        validation: "structure only (Bankleitzahl clearing area 1-8)",
        keywords: bbanKeywords + [
            // Macie's list.
            "bankleitzahl", "geheimzahl", "kartennummer", "kontonummer", "kreditkartennummer",
            "sepa",
            // Common spellings.
            "konto", "konto-nr", "kontonr", "blz", "bankverbindung",
        ],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: bbanBefore + "(?:[0-9]{8}([ -]?)[0-9]{10}"
            + "|[0-9]{3} [0-9]{3} [0-9]{2} [0-9]{10}"
            + "|[0-9]{4}([ -])[0-9]{4}\\2[0-9]{4}\\2[0-9]{4}\\2[0-9]{2})"
            + NumberBoundary.after,
        maxLength: 22,
        precondition: Precondition(.digits, atLeast: 12, within: 16),
        validate: { context in
            let digits = context.digits
            guard digits.count == 18, (1...8).contains(digits[0]),
                  digits[8...].contains(where: { $0 != 0 }) else { return .reject }
            return .accept
        }
    )

    /// `ITALY_BANK_ACCOUNT_NUMBER` (domestic form): CIN letter, ABI, CAB and account number
    /// near a keyword: `X 05428 11101 000000123456`, compact, or in groups of four.
    static let italyBBAN = ManagedIdentifier(
        id: "ITALY_BANK_ACCOUNT_NUMBER",
        category: .financialInformation,
        severity: .high,
        summary: "Italian BBAN near a keyword: CIN letter, 5-digit ABI, 5-digit CAB, "
            + "12-character account; compact, spaced or groups of four",
        validation: "CIN check letter",
        keywords: bbanKeywords + [
            // Macie's list.
            "codice bancario", "conto bancario", "numero di conto",
            // Common spellings.
            "conto", "conto corrente", "coordinate bancarie", "c/c",
        ],
        keywordRule: .required,
        trigger: .start(first: .upper, notAfter: .word),
        pattern: bbanBefore + "[A-Z](?:([ -]?)[0-9]{5}\\1[0-9]{5}\\1[0-9A-Z]{12}"
            + "|[0-9]{3}([ -])[0-9]{4}\\2[0-9]{3}[0-9A-Z]\\2[0-9A-Z]{4}\\2[0-9A-Z]{4}\\2"
            + "[0-9A-Z]{3})(?![0-9A-Za-z_]|[.-][0-9A-Za-z])",
        maxLength: 28,
        precondition: Precondition(.digits, atLeast: 10, within: 14),
        validate: { context in
            let bban = Array(context.compacted().utf8)
            guard ItalianCIN.isValid(bban), bban[11...].contains(where: { $0 != UInt8(ascii: "0") })
            else { return .reject }
            return .accept
        }
    )

    /// `SPAIN_BANK_ACCOUNT_NUMBER` (domestic form): the código cuenta cliente near a keyword:
    /// entity, office, two control digits and account (`2100 0418 45 0200051332`), compact, or
    /// in groups of four.
    static let spainBBAN = ManagedIdentifier(
        id: "SPAIN_BANK_ACCOUNT_NUMBER",
        category: .financialInformation,
        severity: .high,
        summary: "Spanish BBAN (CCC) near a keyword: 4-digit entity, 4-digit office, 2 control "
            + "digits, 10-digit account; compact, 4-4-2-10 or groups of four",
        validation: "CCC control digits (mod 11)",
        keywords: bbanKeywords + [
            // Macie's list.
            "código cuenta", "código cuenta bancaria", "cuenta cliente id",
            "número cuenta bancaria cliente", "número cuenta cliente",
            // Common spellings.
            "codigo cuenta", "cuenta", "cuenta bancaria", "número de cuenta", "numero de cuenta",
            "ccc",
        ],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: bbanBefore + "(?:[0-9]{4}([ -]?)[0-9]{4}\\1[0-9]{2}\\1[0-9]{10}"
            + "|[0-9]{4}([ -])[0-9]{4}\\2[0-9]{4}\\2[0-9]{4}\\2[0-9]{4})"
            + NumberBoundary.after,
        maxLength: 24,
        precondition: Precondition(.digits, atLeast: 12, within: 16),
        validate: { context in
            let digits = context.digits
            guard SpanishCCC.isValid(digits), digits[10...].contains(where: { $0 != 0 }) else {
                return .reject
            }
            return .accept
        }
    )

    /// `UK_BANK_ACCOUNT_NUMBER` (domestic forms): near a keyword, a BBAN (bank code, sort code,
    /// account: `NWBK60161331926819`, `NWBK 6016 1331 9268 19`) or a sort code and account
    /// number (`60-16-13 31926819`, `601613 31926819`).
    ///
    /// UK account numbers are checked by Vocalink's modulus tables per sort code range, which
    /// change often; only the structure is checked here.
    static let ukBBAN = ManagedIdentifier(
        id: "UK_BANK_ACCOUNT_NUMBER",
        category: .financialInformation,
        severity: .high,
        summary: "UK BBAN near a keyword: 4-letter bank code, 6-digit sort code, 8-digit account "
            + "(compact or groups of four), or sort code and account (60-16-13 31926819)",
        validation: "structure only",
        keywords: bbanKeywords + [
            // Macie's list.
            "sepa",
            // Common spellings.
            "sort code", "account no", "acct no", "bank details",
        ],
        keywordRule: .required,
        trigger: .start(first: ByteSet("0-9A-Z"), notAfter: .word),
        pattern: bbanBefore + "(?:[A-Z]{4}(?:[0-9]{14}|([ -])[0-9]{4}\\1[0-9]{4}\\1[0-9]{4}\\1[0-9]{2})"
            + "|(?:[0-9]{2}([ -])[0-9]{2}\\2[0-9]{2}|[0-9]{6})(?:[ ,/]|, )[0-9]{8})"
            + NumberBoundary.after,
        maxLength: 22,
        precondition: Precondition(.digits, atLeast: 6, within: 12),
        validate: { context in
            let digits = context.digits
            guard digits.count == 14, digits[6...].contains(where: { $0 != 0 }) else { return .reject }
            return .accept
        }
    )

    // MARK: Beyond Macie

    /// `USA_ROUTING_NUMBER`: an ABA routing transit number near a keyword: nine digits
    /// (`021000021`, or `0210-0002-1` as the Federal Reserve prints it) with the 3-7-1 check and
    /// an assigned Federal Reserve prefix.
    static let usaRoutingNumber = ManagedIdentifier(
        id: "USA_ROUTING_NUMBER",
        category: .financialInformation,
        severity: .medium,
        summary: "US ABA routing number near a keyword: 9 digits or XXXX-YYYY-C; prefix 00-12, "
            + "21-32, 61-72 or 80",
        validation: "ABA 3-7-1 checksum, Federal Reserve prefix",
        keywords: [
            "routing", "routing number", "routing no", "routing #", "routing transit",
            "routing transit number", "aba", "aba number", "aba routing", "abartn", "rtn",
            "ach routing", "transit routing", "wire routing", "bank routing",
        ],
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "(?:[0-9]{9}|[0-9]{4}-[0-9]{4}-[0-9])" + NumberBoundary.after,
        maxLength: 11,
        precondition: Precondition(.digits, atLeast: 8, within: 9),
        validate: { context in ABARoutingNumber.isValid(context.digits) ? .accept : .reject }
    )

    /// `SWIFT_BIC_CODE`: an ISO 9362 business identifier code near a keyword: 4-letter
    /// institution code, an ISO 3166 country code, a 2-character location code and an optional
    /// 3-character branch code, in upper case (`DEUTDEFF`, `DEUTDEFF500`).
    static let swiftBICCode = ManagedIdentifier(
        id: "SWIFT_BIC_CODE",
        category: .financialInformation,
        severity: .low,
        summary: "SWIFT/BIC code near a keyword: AAAA CC LL (BBB), upper case; country an "
            + "ISO 3166 code",
        validation: "ISO 9362 structure, ISO 3166 country code",
        keywords: [
            "swift", "swift code", "swift/bic", "swift bic", "swiftbic", "bic", "bic code",
            "bic/swift", "bank identifier code", "business identifier code", "code swift",
            "código swift", "codice swift", "code bic",
        ],
        keywordRule: .required,
        trigger: .start(first: .upper, notAfter: .word),
        pattern: "[A-Z]{6}[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?(?![0-9A-Za-z_])",
        maxLength: 11,
        precondition: .run(of: .upper, 6),
        validate: { context in BusinessIdentifierCode.isValid(context.bytes) ? .accept : .reject }
    )

    /// `ARGENTINA_TARJETA_SUBE`: a SUBE public transport card number near a keyword: 16 digits
    /// starting 6061, plain or in groups of four separated by spaces or dashes, Luhn-valid.
    static let argentinaTarjetaSUBE = ManagedIdentifier(
        id: "ARGENTINA_TARJETA_SUBE",
        category: .personalInformation,
        severity: .medium,
        summary: "Argentine SUBE card number near a keyword: 16 digits starting 6061, plain or "
            + "in groups of four",
        validation: "Luhn",
        keywords: [
            // Macie's list.
            "sistema único de boleto electrónico", "sube",
            // Common spellings.
            "sistema unico de boleto electronico", "tarjeta sube", "número de tarjeta sube",
        ],
        keywordRule: .required,
        trigger: .literal(["6061"], notAfter: .word),
        pattern: NumberBoundary.before + "6061([ -]?)[0-9]{4}\\1[0-9]{4}\\1[0-9]{4}"
            + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 19,
        validate: { context in Luhn.isValid(context.digits) ? .accept : .reject }
    )
}

/// ISO/IEC 7813 track data as `CREDIT_CARD_MAGNETIC_STRIPE` checks it.
enum MagneticStripe {
    /// `.reject` unless the PAN is a card number and the expiry month is 01-12; the issuers' test
    /// numbers are example values; a track with both sentinels needs no keyword.
    static func verdict(_ track: UnsafeRawBufferPointer) -> Verdict {
        var i = 0
        if i < track.count, track[i] == UInt8(ascii: "%") || track[i] == UInt8(ascii: ";") { i += 1 }
        if i < track.count, track[i] == UInt8(ascii: "B") { i += 1 }
        var pan: [Int] = []
        while i < track.count, (0x30...0x39).contains(track[i]) {
            pan.append(Int(track[i] - 0x30))
            i += 1
        }
        guard i < track.count else { return .reject }
        // Skip to the expiry: past the name for track 1, right after `=` for track 2.
        if track[i] == UInt8(ascii: "^") {
            i += 1
            while i < track.count, track[i] != UInt8(ascii: "^") { i += 1 }
        }
        i += 1
        guard i + 4 <= track.count else { return .reject }
        let month = Int(track[i + 2] &- 0x30) * 10 + Int(track[i + 3] &- 0x30)
        guard (1...12).contains(month), PaymentCardNetwork.network(of: pan) != nil,
              Luhn.isValid(pan) else { return .reject }
        let panText = String(decoding: pan.map { UInt8($0) + 0x30 }, as: UTF8.self)
        if ManagedIdentifiers.cardTestNumbers.contains(panText) { return .exampleValue }
        let first = track.first, last = track.last
        let framed = (first == UInt8(ascii: "%") || first == UInt8(ascii: ";"))
            && last == UInt8(ascii: "?")
        return framed ? .accept : .acceptWithKeyword
    }
}

/// ISO 9362 rules for a business identifier code (BIC, "SWIFT code").
enum BusinessIdentifierCode {
    /// Whether 8 or 11 upper-case characters (already matched by the pattern) have an ISO 3166
    /// country code in positions 5-6, a location code not starting 0 or 1, and a branch code
    /// that is `XXX` or does not start with `X`.
    static func isValid(_ bic: UnsafeRawBufferPointer) -> Bool {
        guard bic.count == 8 || bic.count == 11 else { return false }
        let country = String(decoding: UnsafeRawBufferPointer(rebasing: bic[4..<6]), as: UTF8.self)
        guard countryCodes.contains(country) || country == "XK" else { return false }
        guard bic[6] != UInt8(ascii: "0"), bic[6] != UInt8(ascii: "1") else { return false }
        if bic.count == 11, bic[8] == UInt8(ascii: "X") {
            return bic[9] == UInt8(ascii: "X") && bic[10] == UInt8(ascii: "X")
        }
        return true
    }

    /// The 249 officially assigned ISO 3166-1 alpha-2 codes.
    static let countryCodes: Set<String> = Set("""
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
        BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
        DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
        GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
        KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
        MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
        PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
        SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
        VN VU WF WS YE YT ZA ZM ZW
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
