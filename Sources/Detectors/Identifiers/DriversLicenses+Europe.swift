// European driver's licence numbers. The formats are those of the EU licence numbers as DLP
// vendors document them (field 5 of the card); the keywords are Macie's, plus the obvious
// spellings of the same phrases (unaccented, genitive, plural). Keywords are compared
// case-insensitively for ASCII letters only, so a few entries drop an initial non-ASCII capital
// (`δεια οδήγησης` also matches `Άδεια οδήγησης`).

extension ManagedIdentifiers {
    /// `AUSTRIA_DRIVERS_LICENSE`: eight digits.
    static let austriaDriversLicense = DriversLicense.digits(
        id: "AUSTRIA_DRIVERS_LICENSE", count: 8,
        summary: "Austrian Führerschein near a keyword: eight digits",
        keywords: ["führerschein", "fuhrerschein", "fuehrerschein", "führerscheinnummer",
                   "führerschein republik österreich", "fuhrerschein republik osterreich"])

    /// `BELGIUM_DRIVERS_LICENSE`: ten digits.
    static let belgiumDriversLicense = DriversLicense.digits(
        id: "BELGIUM_DRIVERS_LICENSE", count: 10,
        summary: "Belgian rijbewijs / permis de conduire / Führerschein near a keyword: ten digits",
        keywords: ["rijbewijs", "rijbewijsnummer", "permis de conduire", "numéro permis conduire",
                   "führerschein", "fuhrerschein", "fuehrerschein", "führerscheinnummer",
                   "fuhrerscheinnummer", "fuehrerscheinnummer"])

    /// `BULGARIA_DRIVERS_LICENSE`: nine digits.
    static let bulgariaDriversLicense = DriversLicense.digits(
        id: "BULGARIA_DRIVERS_LICENSE", count: 9,
        summary: "Bulgarian СУМПС near a keyword: nine digits",
        keywords: ["свидетелство за управление на мпс", "свидетелство за управление на моторно",
                   "превозно средство", "сумпс", "шофьорска книжка"])

    /// `CROATIA_DRIVERS_LICENSE`: eight digits.
    static let croatiaDriversLicense = DriversLicense.digits(
        id: "CROATIA_DRIVERS_LICENSE", count: 8,
        summary: "Croatian vozačka dozvola near a keyword: eight digits",
        keywords: ["vozačka dozvola", "vozačke dozvole", "vozacka dozvola"])

    /// `CYPRUS_DRIVERS_LICENSE`: twelve digits.
    static let cyprusDriversLicense = DriversLicense.digits(
        id: "CYPRUS_DRIVERS_LICENSE", count: 12,
        summary: "Cypriot άδεια οδήγησης near a keyword: twelve digits",
        keywords: ["άδεια οδήγησης", "δεια οδήγησης"])

    /// `CZECHIA_DRIVERS_LICENSE`: `E`, a letter and six digits (`EA 123456`).
    static let czechiaDriversLicense = DriversLicense.make(
        id: "CZECHIA_DRIVERS_LICENSE",
        summary: "Czech řidičský průkaz near a keyword: E, a letter, an optional space, six digits",
        validation: "structure only",
        keywords: ["řidičský průkaz", "řidičský prúkaz", "řidičského průkazu", "řidičák",
                   "číslo licence", "císlo licence řidiče", "ovladače lic.", "povolení k jízdě",
                   "povolení řidiče", "řidiči povolení"],
        trigger: .start(first: ByteSet("E"), notAfter: .word),
        pattern: "E[A-Z] ?[0-9]{6}" + NumberBoundary.after,
        maxLength: 9,
        precondition: Precondition(.digits, atLeast: 6, within: 9))

    /// `DENMARK_DRIVERS_LICENSE`: eight digits.
    static let denmarkDriversLicense = DriversLicense.digits(
        id: "DENMARK_DRIVERS_LICENSE", count: 8,
        summary: "Danish kørekort near a keyword: eight digits",
        keywords: ["kørekort", "kørekortnummer", "kørekortnr"])

    /// `ESTONIA_DRIVERS_LICENSE`: `ET` and six digits.
    static let estoniaDriversLicense = DriversLicense.make(
        id: "ESTONIA_DRIVERS_LICENSE",
        summary: "Estonian juhiluba near a keyword: ET and six digits",
        validation: "structure only",
        keywords: ["juhiluba", "juhiloa number", "juhi litsentsi number", "juhilubade numbrid"],
        trigger: .literal(["ET"], notAfter: .word),
        pattern: "ET[0-9]{6}" + NumberBoundary.after,
        maxLength: 8,
        precondition: Precondition(.digits, atLeast: 6, within: 8))

    /// `FINLAND_DRIVERS_LICENSE`: the holder's personal identity code, `131052-308T`.
    static let finlandDriversLicense = DriversLicense.make(
        id: "FINLAND_DRIVERS_LICENSE",
        summary: "Finnish ajokortti near a keyword: the personal identity code DDMMYY-ZZZQ "
            + "(century sign + - A-F U-Y); date and mod 31 check character",
        validation: "birth date, mod 31 check character",
        keywords: ["ajokortti", "ajokortin numero", "körkort", "förare lic.", "kuljettaja lic.",
                   "permis de conduire"],
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{6}[-+A-FU-Y][0-9]{3}[0-9A-FHJ-NPR-Y]" + DriversLicense.wordEnd,
        maxLength: 11,
        precondition: .run(of: .digits, 6),
        validate: { context in FinnishPersonalIdentityCode.isValid(context.bytes) ? .accept : .reject })

    /// `FRANCE_DRIVERS_LICENSE`: twelve digits, `YYMMDDNNNNNN` (year and month of issue,
    /// department, serial) on the licences issued before 2013.
    static let franceDriversLicense = DriversLicense.make(
        id: "FRANCE_DRIVERS_LICENSE",
        summary: "French permis de conduire near a keyword: twelve digits, the third and fourth "
            + "an issue month 01-12",
        validation: "issue month",
        keywords: ["permis de conduire", "numéro de permis", "numero de permis"],
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{2}(?:0[1-9]|1[0-2])[0-9]{8}" + NumberBoundary.after,
        maxLength: 12,
        precondition: .run(of: .digits, 12))

    /// `GERMANY_DRIVERS_LICENSE`: eleven characters, `B072RRE2I55` (issuing authority, serial,
    /// check digit, issue number).
    static let germanyDriversLicense = DriversLicense.make(
        id: "GERMANY_DRIVERS_LICENSE",
        summary: "German Führerschein near a keyword: 11 characters, a letter or digit, 2 digits, "
            + "6 letters or digits, a digit, a letter or digit (upper case)",
        validation: "structure only",
        keywords: ["führerschein", "fuhrerschein", "fuehrerschein", "führerscheinnummer",
                   "fuhrerscheinnummer", "fuehrerscheinnummer"],
        trigger: .start(first: DriversLicense.digitsAndUpper, notAfter: .word),
        pattern: NumberBoundary.before + "[A-Z0-9][0-9]{2}[A-Z0-9]{6}[0-9][A-Z0-9]" + NumberBoundary.after,
        maxLength: 11,
        precondition: .run(of: DriversLicense.digitsAndUpper, 11))

    /// `GREECE_DRIVERS_LICENSE`: nine digits.
    static let greeceDriversLicense = DriversLicense.digits(
        id: "GREECE_DRIVERS_LICENSE", count: 9,
        summary: "Greek άδεια οδήγησης near a keyword: nine digits",
        keywords: ["δεια οδήγησης", "άδεια οδήγησης", "adeia odigisis", "δίπλωμα οδήγησης"])

    /// `HUNGARY_DRIVERS_LICENSE`: two letters and six digits.
    static let hungaryDriversLicense = DriversLicense.make(
        id: "HUNGARY_DRIVERS_LICENSE",
        summary: "Hungarian vezetői engedély near a keyword: two letters and six digits",
        validation: "structure only",
        keywords: ["vezetői engedély", "vezetoi engedely", "vezető engedély", "jogosítvány", "jogsi",
                   "licencszám", "illesztőprogramok lic"],
        trigger: .start(first: .upper, notAfter: .word),
        pattern: "[A-Z]{2}[0-9]{6}" + NumberBoundary.after,
        maxLength: 8,
        precondition: Precondition(.digits, atLeast: 6, within: 8))

    /// `IRELAND_DRIVERS_LICENSE`: six digits and four letters.
    static let irelandDriversLicense = DriversLicense.make(
        id: "IRELAND_DRIVERS_LICENSE",
        summary: "Irish ceadúnas tiomána near a keyword: six digits and four letters",
        validation: "structure only",
        keywords: ["ceadúnas tiomána", "ceadúnais tiomána"],
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{6}[A-Z]{4}" + DriversLicense.wordEnd,
        maxLength: 10,
        precondition: .run(of: .digits, 6))

    /// `ITALY_DRIVERS_LICENSE`: ten characters, a letter, a letter or digit, seven digits and a
    /// letter (`MI1234567A`, `UA1234567B`, `U11234567C`).
    static let italyDriversLicense = DriversLicense.make(
        id: "ITALY_DRIVERS_LICENSE",
        summary: "Italian patente di guida near a keyword: a letter, a letter or digit, seven "
            + "digits, a letter",
        validation: "structure only",
        keywords: ["patente di guida", "patente guida", "patenti di guida", "numero di patente",
                   "numero patente"],
        trigger: .start(first: .upper, notAfter: .word),
        pattern: "[A-Z][A-Z0-9][0-9]{7}[A-Z]" + DriversLicense.wordEnd,
        maxLength: 10,
        precondition: Precondition(.digits, atLeast: 7, within: 9))

    /// `LATVIA_DRIVERS_LICENSE`: three letters and six digits.
    static let latviaDriversLicense = DriversLicense.make(
        id: "LATVIA_DRIVERS_LICENSE",
        summary: "Latvian vadītāja apliecība near a keyword: three letters and six digits",
        validation: "structure only",
        keywords: ["vadītāja apliecība", "vadītāja apliecības numurs", "autovadītāja apliecība",
                   "vadītāja atļauja", "licences numurs", "vadītāji lic."],
        trigger: .start(first: .upper, notAfter: .word),
        pattern: "[A-Z]{3}[0-9]{6}" + NumberBoundary.after,
        maxLength: 9,
        precondition: Precondition(.digits, atLeast: 6, within: 9))

    /// `LITHUANIA_DRIVERS_LICENSE`: eight digits.
    static let lithuaniaDriversLicense = DriversLicense.digits(
        id: "LITHUANIA_DRIVERS_LICENSE", count: 8,
        summary: "Lithuanian vairuotojo pažymėjimas near a keyword: eight digits",
        keywords: ["vairuotojo pažymėjimas", "vairuotojo pažymėjimo"])

    /// `LUXEMBOURG_DRIVERS_LICENSE`: six digits.
    static let luxembourgDriversLicense = DriversLicense.digits(
        id: "LUXEMBOURG_DRIVERS_LICENSE", count: 6,
        summary: "Luxembourg Führerschäin / Fahrerlaubnis near a keyword: six digits",
        keywords: ["fahrerlaubnis", "führerschäin"])

    /// `MALTA_DRIVERS_LICENSE`: two letters or digits and six digits, `MT 123 456`.
    static let maltaDriversLicense = DriversLicense.make(
        id: "MALTA_DRIVERS_LICENSE",
        summary: "Maltese liċenzja tas-sewqan near a keyword: two letters or digits and six digits "
            + "(AB123456, AB 123 456)",
        validation: "structure only",
        keywords: ["liċenzja tas-sewqan", "licenzja tas-sewqan"],
        trigger: .start(first: DriversLicense.digitsAndUpper, notAfter: .word),
        pattern: NumberBoundary.before + "[A-Z0-9]{2}( ?)[0-9]{3}\\1[0-9]{3}" + NumberBoundary.after
            + "(?!\\1[0-9])",
        maxLength: 10,
        precondition: Precondition(.digits, atLeast: 6, within: 10))

    /// `NETHERLANDS_DRIVERS_LICENSE`: ten digits.
    static let netherlandsDriversLicense = DriversLicense.digits(
        id: "NETHERLANDS_DRIVERS_LICENSE", count: 10,
        summary: "Dutch rijbewijs near a keyword: ten digits",
        keywords: ["rijbewijs", "rijbewijsnummer", "permis de conduire"])

    /// `POLAND_DRIVERS_LICENSE`: `00123/08/0312` (serial, year, district) or with a seven-digit
    /// last part.
    static let polandDriversLicense = DriversLicense.make(
        id: "POLAND_DRIVERS_LICENSE",
        summary: "Polish prawo jazdy near a keyword: ddddd/dd/dddd or ddddd/dd/ddddddd",
        validation: "structure only",
        keywords: ["prawo jazdy", "prawa jazdy", "numer licencyjny", "zezwolenie na prowadzenie"],
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{5}/[0-9]{2}/(?:[0-9]{7}|[0-9]{4})" + NumberBoundary.after
            + "(?!/[0-9])",
        maxLength: 16,
        precondition: .run(of: .digits, 5))

    /// `PORTUGAL_DRIVERS_LICENSE`: district letters, a hyphen, the number, a space and a
    /// check digit, `L-123456 7`, `AV-12345 6`.
    static let portugalDriversLicense = DriversLicense.make(
        id: "PORTUGAL_DRIVERS_LICENSE",
        summary: "Portuguese carta de condução near a keyword: one or two letters, a hyphen, 5-8 "
            + "digits, a space and a digit (L-123456 7)",
        validation: "structure only",
        keywords: ["carta de condução", "carta de conducao", "carteira de habilitação",
                   "carteira habilitação", "carteira de motorista", "carteira motorista",
                   "licença de condução", "licença condução", "permissão de condução",
                   "permissão condução", "número de licença", "número licença"],
        trigger: .start(first: .upper, notAfter: .word),
        pattern: "[A-Z]{1,2}-[0-9]{5,8} [0-9]" + NumberBoundary.after,
        maxLength: 13,
        precondition: Precondition(.digits, atLeast: 5, within: 8))

    /// `ROMANIA_DRIVERS_LICENSE`: a letter or digit and eight digits.
    static let romaniaDriversLicense = DriversLicense.make(
        id: "ROMANIA_DRIVERS_LICENSE",
        summary: "Romanian permis de conducere near a keyword: a letter or digit and eight digits",
        validation: "structure only",
        keywords: ["permis de conducere", "permisului de conducere", "permis conducere"],
        trigger: .start(first: DriversLicense.digitsAndUpper, notAfter: .word),
        pattern: NumberBoundary.before + "[A-Z0-9][0-9]{8}" + NumberBoundary.after,
        maxLength: 9,
        precondition: Precondition(.digits, atLeast: 8, within: 9))

    /// `SLOVAKIA_DRIVERS_LICENSE`: a letter or digit and seven digits.
    static let slovakiaDriversLicense = DriversLicense.make(
        id: "SLOVAKIA_DRIVERS_LICENSE",
        summary: "Slovak vodičský preukaz near a keyword: a letter or digit and seven digits",
        validation: "structure only",
        keywords: ["vodičský preukaz", "vodičského preukazu", "číslo licencie", "ovládače lic.",
                   "povolenie na jazdu", "povolenie jazdu", "povolenie vodiča", "povolenia vodičov"],
        trigger: .start(first: DriversLicense.digitsAndUpper, notAfter: .word),
        pattern: NumberBoundary.before + "[A-Z0-9][0-9]{7}" + NumberBoundary.after,
        maxLength: 8,
        precondition: Precondition(.digits, atLeast: 7, within: 8))

    /// `SLOVENIA_DRIVERS_LICENSE`: nine digits.
    static let sloveniaDriversLicense = DriversLicense.digits(
        id: "SLOVENIA_DRIVERS_LICENSE", count: 9,
        summary: "Slovenian vozniško dovoljenje near a keyword: nine digits",
        keywords: ["vozniško dovoljenje", "vozniškega dovoljenja", "vozniska dovoljenje"])

    /// `SPAIN_DRIVERS_LICENSE`: the holder's DNI (`12345678Z`) or NIE (`X1234567L`), the
    /// control letter optionally after a hyphen or space.
    static let spainDriversLicense = DriversLicense.make(
        id: "SPAIN_DRIVERS_LICENSE",
        summary: "Spanish permiso de conducción near a keyword: the DNI (8 digits) or NIE (X/Y/Z "
            + "and 7 digits) with its mod 23 control letter",
        validation: "mod 23 control letter",
        keywords: ["permiso de conducción", "permiso de conduccion", "permiso conducción",
                   "permiso de conducir", "permiso conducir", "carnet de conducir", "carnet conducir",
                   "licencia de conducir", "licencia conducir", "licencia de manejo",
                   "permiso de conducer", "permiso conducer", "carnet conducer", "licencia conducer"],
        trigger: .start(first: ByteSet("0-9XYZ"), notAfter: .word),
        pattern: NumberBoundary.before + "(?:[0-9]{8}|[XYZ][0-9]{7})[- ]?[A-Z]" + DriversLicense.wordEnd,
        maxLength: 10,
        // The DNI specimen (Carmen Española).
        examples: ["99999999R"],
        precondition: Precondition(.digits, atLeast: 7, within: 8),
        validate: { context in
            guard SpanishControlLetter.isValid(Array(context.compacted().utf8)) else { return .reject }
            return DriversLicense.isAllZero(context) ? .exampleValue : .accept
        })

    /// `SWEDEN_DRIVERS_LICENSE`: the holder's personnummer, `YYMMDD-NNNN` (`+` from the
    /// hundredth birthday).
    static let swedenDriversLicense = DriversLicense.make(
        id: "SWEDEN_DRIVERS_LICENSE",
        summary: "Swedish körkort near a keyword: the personnummer YYMMDD-NNNN or YYMMDD+NNNN; "
            + "birth date (day + 60 for a coordination number) and Luhn check digit",
        validation: "birth date, Luhn",
        keywords: ["körkort", "körkortsnummer", "ajokortin numero", "dlno# ajokortti", "drivere lic.",
                   "förare lic.", "kuljettajat lic."],
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{6}[-+][0-9]{4}" + NumberBoundary.after,
        maxLength: 11,
        precondition: .run(of: .digits, 6),
        validate: { context in SwedishPersonalNumber.isValid(context) ? .accept : .reject })
}

/// The Swedish personnummer as Skatteverket defines it: a birth date `YYMMDD` (the day plus 60
/// in a coordination number), a serial and a Luhn check digit over the ten digits.
enum SwedishPersonalNumber {
    static func isValid(_ context: MatchContext) -> Bool {
        let digits = context.digits
        guard digits.count == 10, Luhn.isValid(digits) else { return false }
        let month = digits[2] * 10 + digits[3]
        var day = digits[4] * 10 + digits[5]
        if day > 60 { day -= 60 }
        return BirthDate.isPossible(month: month, day: day) && digits[6...8].contains { $0 != 0 }
    }
}
