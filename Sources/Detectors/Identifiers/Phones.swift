extension ManagedIdentifiers {
    /// Per-country phone numbers: Macie's `BRAZIL_`, `FRANCE_`, `GERMANY_`, `ITALY_`, `SPAIN_` and
    /// `UK_PHONE_NUMBER` (`PHONE_NUMBER`, for the US and Canada, is in `contact`).
    ///
    /// All seven phone identifiers run one pattern (`PhoneNumbering.pattern`) at the same
    /// candidates and hand the match to one classifier (`PhoneNumbering.classify`), which names
    /// exactly one country or none: a number is therefore reported under one ID at most.
    static let countryPhones: [ManagedIdentifier] = [
        brazilPhoneNumber, francePhoneNumber, germanyPhoneNumber, italyPhoneNumber,
        spainPhoneNumber, ukPhoneNumber,
    ]

    /// Keywords every phone identifier accepts (English), before each language's own.
    static let phoneKeywords = ["phone", "phone number", "telephone", "telephone number", "tel",
                                "mobile", "mobile number", "cell", "cellphone", "cell phone", "fax",
                                "fax number", "contact number"]

    /// `BRAZIL_PHONE_NUMBER`: `(11) 91234-5678`, `(11) 3456-7890`, `11 91234-5678`, or `+55` /
    /// `0055` and the area code.
    static let brazilPhoneNumber = phoneIdentifier(
        id: "BRAZIL_PHONE_NUMBER", country: .brazil,
        summary: "Brazilian phone number: (DDD) 9dddd-dddd mobile or dddd-dddd landline (a "
            + "two-digit area code in use), or +55/0055 with the area code; national form only "
            + "near a keyword",
        keywords: ["telefone", "número de telefone", "numero de telefone", "celular", "cel",
                   "fone", "contato", "telefone celular", "telefone fixo"])

    /// `FRANCE_PHONE_NUMBER`: `01 23 45 67 89` (also with dots or dashes), `0123456789`, or
    /// `+33 1 23 45 67 89`, `+33 (0)1 23 45 67 89`, `0033 1 23 45 67 89`.
    static let francePhoneNumber = phoneIdentifier(
        id: "FRANCE_PHONE_NUMBER", country: .france,
        summary: "French phone number: 0[1-9] and 8 digits, in pairs or compact, or +33/0033 and "
            + "9 digits; national form only near a keyword",
        keywords: ["téléphone", "tél", "numéro de téléphone", "numero de telephone",
                   "portable", "cellulaire", "fixe", "télécopie", "ligne directe"])

    /// `GERMANY_PHONE_NUMBER`: an area code and a subscriber block, `030 12345678`,
    /// `030/12345678`, `(089) 1234567`, `0151 23456789`, `015123456789`, or `+49 30 12345678`.
    static let germanyPhoneNumber = phoneIdentifier(
        id: "GERMANY_PHONE_NUMBER", country: .germany,
        summary: "German phone number: 0 + area code (2-5 digits) or mobile prefix 015/016/017, "
            + "then one subscriber block (8-12 digits in all), or +49/0049 and 6-11 digits; "
            + "national form only near a keyword",
        keywords: ["telefon", "telefonnummer", "tel.-nr", "rufnummer", "handy", "handynummer",
                   "mobil", "mobilnummer", "mobiltelefon", "festnetz", "telefax"])

    /// `ITALY_PHONE_NUMBER`: fixed lines `06 1234 5678`, `02 12345678`, `011 123 4567`; mobiles
    /// `347 1234567`, `347 123 4567` (when not a valid NANP number); or `+39` / `0039`.
    static let italyPhoneNumber = phoneIdentifier(
        id: "ITALY_PHONE_NUMBER", country: .italy,
        summary: "Italian phone number: fixed 0 + area code and subscriber groups (8-11 digits) or "
            + "mobile 3xx and 6-7 digits, or +39/0039 and the number; national form only near a "
            + "keyword",
        keywords: ["telefono", "numero di telefono", "cellulare", "cell.", "recapito telefonico",
                   "telefono fisso", "telefono cellulare"])

    /// `SPAIN_PHONE_NUMBER`: nine digits starting 6-9, `612 345 678`, `912 34 56 78`,
    /// `91 234 56 78`, `612345678`, or `+34` / `0034`.
    static let spainPhoneNumber = phoneIdentifier(
        id: "SPAIN_PHONE_NUMBER", country: .spain,
        summary: "Spanish phone number: 9 digits starting 6-9 (3-3-3, 3-2-2-2, 2-3-2-2 or compact), "
            + "or +34/0034 and the 9 digits; national form only near a keyword",
        keywords: ["teléfono", "telefono", "número de teléfono", "numero de telefono", "móvil",
                   "movil", "celular", "tlf", "tfno", "teléfono móvil", "teléfono fijo"])

    /// `UK_PHONE_NUMBER`: 0 and 10 digits, `020 7946 0958`, `0161 496 0123`, `01632 960123`,
    /// `07700 900123`, `(020) 7946 0958`, `07700900123`, or `+44 20 7946 0958`,
    /// `+44 (0)20 7946 0958`, `0044 ...`.
    static let ukPhoneNumber = phoneIdentifier(
        id: "UK_PHONE_NUMBER", country: .uk,
        summary: "UK phone number: 0 + 10 digits with a UK prefix (01, 02, 03, 05, 07, 08, 09) in "
            + "the usual groupings, or +44/0044 and 10 digits; national form only near a keyword",
        keywords: ["mob", "mobile phone", "landline", "home phone", "work phone", "telephone no"])

    /// A phone identifier for `country`: the shared pattern, the classifier's verdict when it
    /// names `country` and a rejection otherwise.
    static func phoneIdentifier(id: String, country: PhoneNumbering.Country, summary: String,
                                keywords: [String]) -> ManagedIdentifier {
        ManagedIdentifier(
            id: id,
            category: .personalInformation,
            severity: .medium,
            summary: summary,
            validation: "numbering plan: country code, length and leading digits",
            keywords: phoneKeywords + keywords,
            keywordRule: .whenValidatorAsks,
            trigger: PhoneNumbering.trigger(for: country),
            pattern: PhoneNumbering.pattern(startingWith: country),
            maxLength: PhoneNumbering.maxLength,
            precondition: PhoneNumbering.precondition,
            validate: { context in PhoneNumbering.verdict(Array(context.bytes), for: country) }
        )
    }
}

/// Phone numbers of the countries Macie covers, and the rule that names one country per number.
///
/// **Written with a country code** (`+CC`, `(+CC)`, `00CC`): the code decides. `+55`, `+33`,
/// `+49`, `+39`, `+34` and `+44` (or `00` and the code) go to the country IDs when the national
/// significant number fits that country's plan; `+1` (NANP rules) and every other assigned ITU
/// code written with `+` go to `PHONE_NUMBER` (beyond Macie, which limits `PHONE_NUMBER` to the
/// US and Canada). `00` is read only before the seven codes above; `0031 ...` is not reported.
/// Reported without a keyword.
///
/// **National form** (reported only near a keyword, except the punctuated NANP forms): the
/// digit groups, their separators and leading digits decide, in this order (first that fits):
///
/// | Country | Digits | Shapes |
/// |---|---|---|
/// | US/CA (`PHONE_NUMBER`) | 10 (+ leading 1) | `(212) 555-0143`, `212-555-0143`, `212 555 0143`, compact; area code and exchange 2-9, not N11 |
/// | Spain | 9, first 6-9 | 3-3-3, 3-2-2-2, 2-3-2-2, compact |
/// | Brazil | 10-11 | area code in use (`(11)`, `11`) + `dddd-dddd` (landline 2-5) or `9dddd-dddd` |
/// | UK | 11, `0[1235789]` | compact, 3-4-4 (`02x`), 4-3-4, 5-6 and 5-3-3 (`01xxx`, `07xxx`) |
/// | France | 10, `0[1-9]` | pairs 2-2-2-2-2, compact |
/// | Italy | fixed 8-11, area code in use (02, 06, 0xx, 0xxx); mobile 9-10, `3` | `06 1234 5678`, `02 12345678`, `011 123 4567`; `347 1234567`, `347 123 4567` |
/// | Germany | 8-12, `0[2-9]` or `01[5-7]` | area code (3-6 with the 0) + one subscriber block, `/` allowed; compact only 12-digit mobiles |
///
/// Shapes two plans share are settled by that order: a compact ten-digit `0...` number is
/// French, a compact eleven-digit one British, `347 456 7890` is a NANP number; an Italian or
/// German number written that way is reported under that ID only with its country code.
enum PhoneNumbering {
    enum Country: Sendable { case nanp, brazil, france, germany, italy, spain, uk }

    /// Not inside a word or number and not after `+`, `.`, `-` or `/`.
    static let notAfter = ByteSet("0-9A-Za-z_.+/-")

    /// Where `country`'s numbers can start: `PHONE_NUMBER` at any digit, `(` or `+`; a country
    /// ID only at its calling code (`+33`, `(+33)`), `00` or its national leading digits, so
    /// that a candidate runs the few identifiers it can belong to rather than all seven.
    static func trigger(for country: Country) -> Trigger {
        let zeroPrefixed = (1...9).map { "0\($0)" } + ["(0"]
        let literals: [String]
        switch country {
        case .nanp: return .start(first: ByteSet("0-9(+"), notAfter: notAfter)
        case .brazil: literals = ["+55", "(+55)", "00"] + (1...9).flatMap { ["\($0)", "(\($0)"] }
        case .france: literals = ["+33", "(+33)", "00"] + zeroPrefixed
        case .germany: literals = ["+49", "(+49)", "00"] + zeroPrefixed
        case .italy: literals = ["+39", "(+39)", "00", "3"] + zeroPrefixed
        case .spain: literals = ["+34", "(+34)", "00", "6", "7", "8", "9"]
        case .uk: literals = ["+44", "(+44)", "00"] + zeroPrefixed
        }
        return .literal(literals, notAfter: notAfter)
    }

    /// `+CC`, `(+CC)` or a plain first group (optionally in parentheses), then up to 8 more digit
    /// groups separated by one of ` .-/` or parentheses, 8 digits at least. After `(+CC)` the next
    /// group may be in parentheses too (`(+44) (0)20 7946 0958`, `(+55) (11) 91234-5678`). Not
    /// the tail of a longer run of digit groups (a digit, or a digit and `)`, and one separator
    /// before it).
    static let pattern = #"(?<![0-9][ .\-/]|[0-9]\)[ .\-/]|[0-9]\))"#
        // Eight digits, at most three separator bytes apart (`) (` after `(+CC)`): most
        // candidates fail here.
        + #"(?=(?:[ .\-/()+]{0,3}[0-9]){8})"#
        + #"(?:\(\+[1-9][0-9]{0,2}\)[ .\-]?(?:\((?=[0-9]{1,6}\)))?|\+(?=[1-9])(?![0-9]{1,3}\))"#
        + #"|\((?=[0-9]{2,6}\)))?"#
        + #"[0-9]{1,15}+(?:(?:[ .\-/]|[ .\-]?\(|\)[ .\-/]?)[0-9]{1,15}+){0,8}+"#
        + #"(?![0-9A-Za-z_+@]|[.\-/][0-9])"#

    /// The shared pattern behind a lookahead that only `country`'s numbers pass: its calling
    /// code (`+33`, `(+33)`, `00 33`) or a loose outline of its national shapes. The lookahead
    /// is a necessary condition of the classifier's rules, so the match, when there is one, is
    /// the same for every phone identifier, while most candidates fail before any digit group
    /// is matched or validated.
    static func pattern(startingWith country: Country) -> String {
        let start: String
        switch country {
        case .nanp:
            start = #"\(?\+|00[ .\-/]?1|(?:1[ .\-]?)?(?:\([2-9][0-9]{2}\)[ .\-]?|[2-9][0-9]{2}[ .\-]?)"#
                + #"[2-9][0-9]{2}[ .\-]?[0-9]{4}(?![0-9])"#
        case .brazil:
            start = #"\(?\+55|00[ .\-/]?55|\(?[1-9]{2}(?:\) ?|[ \-])(?:9 ?)?[0-9]{4}[ .\-]?[0-9]{4}(?![0-9])"#
        case .france:
            start = #"\(?\+33|00[ .\-/]?33|0[1-9](?:[ .\-]?[0-9]{2}){4}(?![0-9])"#
        case .germany:
            start = #"\(?\+49|00[ .\-/]?49|\(?0[1-9][0-9]{1,4}(?:\) ?|[ /\-])?[0-9]{3,8}(?![0-9])"#
        case .italy:
            start = #"\(?\+39|00[ .\-/]?39|\(?0[1-9][0-9]{0,2}\)?(?:[ .\-/]?[0-9]{3,8}){1,2}(?![0-9])"#
                + #"|3[0-9]{2}(?:[ .\-/]?[0-9]{3,7}){1,2}(?![0-9])"#
        case .spain:
            start = #"\(?\+34|00[ .\-/]?34|[6-9](?:[ .\-]?[0-9]){8}(?![0-9])"#
        case .uk:
            start = #"\(?\+44|00[ .\-/]?44|\(?0[1-9](?:[ \-)]{0,2}[0-9]){9}(?![0-9])"#
        }
        return "(?=" + start + ")" + pattern
    }

    /// `(+ddd) (` (8) + 15 digits + 8 x (2 separator bytes + 15 digits).
    static let maxLength = 159

    /// Every form has 8 digits within its first 18 bytes (`+44 (0)20 7946` has them in 14).
    static let precondition = Precondition(.digits, atLeast: 8, within: 18)

    /// The verdict of the identifier for `country` on a match.
    static func verdict(_ bytes: [UInt8], for country: Country) -> Verdict {
        guard let (found, verdict) = classify(bytes), found == country else { return .reject }
        return verdict
    }

    /// The digit groups of a match and what surrounds them.
    struct Shape {
        /// Starts with `+` or `(+`.
        var plus = false
        var groups: [[Int]] = []
        /// Whether each group was written in parentheses.
        var parenthesized: [Bool] = []
        /// The bytes between group `i` and `i + 1` (parentheses included).
        var separators: [[UInt8]] = []

        var lengths: [Int] { groups.map(\.count) }
        var digits: [Int] { groups.flatMap { $0 } }

        /// Parses a match; nil when parentheses are unbalanced or nested.
        init?(_ bytes: [UInt8]) {
            var open = false
            var current: [Int] = []
            var currentParenthesized = false
            var pending: [UInt8] = []
            func close() {
                guard !current.isEmpty else { return }
                if !groups.isEmpty { separators.append(pending) }
                groups.append(current)
                parenthesized.append(currentParenthesized)
                current = []
                pending = []
            }
            for (n, b) in bytes.enumerated() {
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if current.isEmpty { currentParenthesized = open }
                    current.append(Int(b - 0x30))
                case UInt8(ascii: "+"):
                    guard n == 0 || (n == 1 && bytes[0] == UInt8(ascii: "(")) else { return nil }
                    plus = true
                case UInt8(ascii: "("):
                    guard !open else { return nil }
                    close()
                    open = true
                    pending.append(b)
                case UInt8(ascii: ")"):
                    guard open else { return nil }
                    close()
                    open = false
                    pending.append(b)
                default:
                    close()
                    pending.append(b)
                }
            }
            close()
            guard !open, !groups.isEmpty else { return nil }
        }

        /// The one separator byte used between every pair of groups, if they all use the same
        /// single byte from `allowed` (no parentheses).
        func uniformSeparator(in allowed: ByteSet) -> UInt8? {
            guard let first = separators.first, first.count == 1, allowed.contains(first[0]) else {
                return separators.isEmpty ? 0 : nil
            }
            return separators.allSatisfy { $0 == first } ? first[0] : nil
        }
    }

    /// The country a match belongs to and the verdict, or nil for no phone number.
    static func classify(_ bytes: [UInt8]) -> (Country, Verdict)? {
        guard let shape = Shape(bytes) else { return nil }
        if shape.plus { return international(shape) }
        if shape.groups[0].starts(with: [0, 0]) { return internationalWithZeros(shape) }
        return national(shape)
    }

    // MARK: International

    /// `+CC ...`: 8-15 digits without a `(0)` trunk prefix, an assigned code inside the first
    /// group, then the country's plan.
    static func international(_ shape: Shape) -> (Country, Verdict)? {
        // `+44 (0)20 ...`: the trunk prefix is not dialled from abroad.
        var all = shape.groups[0]
        for (n, group) in shape.groups.enumerated().dropFirst()
        where !(shape.parenthesized[n] && group == [0]) {
            all += group
        }
        guard (8...15).contains(all.count), let (code, length) = CountryCallingCodes.prefix(of: all),
              length <= shape.groups[0].count else { return nil }
        return route(code: code, nationalNumber: Array(all.dropFirst(length)), othersAllowed: true)
    }

    /// `00CC ...` or `00 CC ...`: only before the seven codes of Macie's phone identifiers.
    static func internationalWithZeros(_ shape: Shape) -> (Country, Verdict)? {
        guard !shape.parenthesized[0] else { return nil }
        var all: [Int] = []
        for (n, group) in shape.groups.enumerated() where !(shape.parenthesized[n] && group == [0]) {
            all += group
        }
        all.removeFirst(2)
        // The code ends inside the first group, or fills the second after a bare `00`.
        let codeRoom = shape.groups[0].count == 2 ? (shape.groups.count > 1 ? shape.groups[1].count : 0)
                                                  : shape.groups[0].count - 2
        guard (8...15).contains(all.count), let (code, length) = CountryCallingCodes.prefix(of: all),
              shape.groups[0].count == 2 ? length == codeRoom : length <= codeRoom else { return nil }
        return route(code: code, nationalNumber: Array(all.dropFirst(length)), othersAllowed: false)
    }

    /// The country of a calling code and its national significant number.
    static func route(code: Int, nationalNumber n: [Int], othersAllowed: Bool) -> (Country, Verdict)? {
        switch code {
        case 1: return isValidNANP(n) ? (.nanp, .accept) : nil
        case 55: return isBrazilian(n) ? (.brazil, .accept) : nil
        case 33: return n.count == 9 && n[0] != 0 ? (.france, .accept) : nil
        case 49: return isGerman(n) ? (.germany, .accept) : nil
        case 39: return isItalian(n) ? (.italy, .accept) : nil
        case 34: return n.count == 9 && (6...9).contains(n[0]) ? (.spain, .accept) : nil
        case 44: return isBritish(n) ? (.uk, .accept) : nil
        case 7: return othersAllowed && n.count == 10 ? (.nanp, .accept) : nil
        default: return othersAllowed ? (.nanp, .accept) : nil
        }
    }

    // MARK: National numbering plans (national significant numbers, without trunk 0)

    /// Ten NANP digits with an area code and exchange that can be assigned: first digit 2-9,
    /// not N11 (211, 411, 911, ...).
    static func isValidNANP<C: Collection>(_ digits: C) -> Bool where C.Element == Int {
        let d = Array(digits)
        guard d.count == 10 else { return false }
        let area = d[0] >= 2 && !(d[1] == 1 && d[2] == 1)
        let exchange = d[3] >= 2 && !(d[4] == 1 && d[5] == 1)
        return area && exchange
    }

    /// Brazilian area codes (DDD) in use.
    static let brazilianAreaCodes: Set<Int> = [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38,
        41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69,
        71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97,
        98, 99,
    ]

    /// Area code and 8 digits (landline, first 2-5) or 9 digits (mobile, first 9).
    static func isBrazilian(_ n: [Int]) -> Bool {
        guard n.count == 10 || n.count == 11, brazilianAreaCodes.contains(n[0] * 10 + n[1]) else { return false }
        return n.count == 10 ? (2...5).contains(n[2]) : n[2] == 9
    }

    /// Geographic (first digit 2-9, 6-11 digits) or mobile (15x, 16x, 17x; 10-11 digits).
    static func isGerman(_ n: [Int]) -> Bool {
        guard let first = n.first else { return false }
        if first == 1 { return n.count >= 10 && n.count <= 11 && (5...7).contains(n[1]) }
        return first >= 2 && (6...11).contains(n.count)
    }

    /// Fixed lines keep their 0 (6-11 digits); mobiles start with 3 (9-10 digits).
    static func isItalian(_ n: [Int]) -> Bool {
        guard n.count >= 2 else { return false }
        if n[0] == 0 { return n[1] != 0 && (6...11).contains(n.count) }
        return n[0] == 3 && n[1] != 0 && (9...10).contains(n.count)
    }

    /// Italy's three-digit area codes (with the 0): the provincial capitals.
    static let italianThreeDigitAreaCodes: Set<Int> = [10, 11, 15, 19, 30, 31, 35, 39, 40, 41, 45, 49,
                                                        50, 51, 55, 59, 70, 71, 75, 79, 80, 81, 85, 89,
                                                        90, 91, 95, 99]

    /// An Italian area code as written nationally: 02 and 06, a three-digit code above, or a
    /// four-digit one that none of those begins (area codes are prefix-free).
    static func isItalianAreaCode(_ d: [Int]) -> Bool {
        guard d.first == 0, d.count >= 2, d[1] != 0 else { return false }
        switch d.count {
        case 2: return d[1] == 2 || d[1] == 6
        case 3: return italianThreeDigitAreaCodes.contains(d[1] * 10 + d[2])
        case 4: return d[1] != 2 && d[1] != 6 && !italianThreeDigitAreaCodes.contains(d[1] * 10 + d[2])
        default: return false
        }
    }

    /// Ten digits starting 1, 2, 3, 5, 7, 8 or 9.
    static func isBritish(_ n: [Int]) -> Bool {
        n.count == 10 && [1, 2, 3, 5, 7, 8, 9].contains(n[0])
    }

    // MARK: National forms

    static let spaceDotDash = ByteSet(" .-")

    /// A number without a country code, by the shapes in the table on `PhoneNumbering`.
    static func national(_ shape: Shape) -> (Country, Verdict)? {
        let lengths = shape.lengths
        let digits = shape.digits
        let first = digits[0]
        // `1 (212) 555-0143`: NANP checks its own parentheses.
        if let verdict = northAmerican(shape) { return (.nanp, verdict) }
        // Otherwise only the first group may be in parentheses, and not alone.
        guard !shape.parenthesized.dropFirst().contains(true),
              !(shape.parenthesized[0] && shape.groups.count == 1) else { return nil }
        let plain = !shape.parenthesized[0]
        let uniform = shape.uniformSeparator(in: spaceDotDash)

        // Spain: nine digits starting 6-9.
        if plain, digits.count == 9, (6...9).contains(first), uniform != nil,
           [[9], [3, 3, 3], [3, 2, 2, 2], [2, 3, 2, 2]].contains(lengths) {
            return (.spain, .acceptWithKeyword)
        }
        // Brazil: area code, then dddd-dddd or 9dddd-dddd.
        if lengths[0] == 2, first != 0, let verdict = brazilian(shape) { return (.brazil, verdict) }
        guard first == 0, digits.count >= 2 else {
            return first == 3 ? italianMobile(shape) : nil
        }
        let second = digits[1]
        // UK: eleven digits.
        if digits.count == 11, [1, 2, 3, 5, 7, 8, 9].contains(second), britishShape(shape) {
            return (.uk, .acceptWithKeyword)
        }
        // France: ten digits in pairs or compact.
        if plain, digits.count == 10, second != 0, uniform != nil, lengths == [10] || lengths == [2, 2, 2, 2, 2] {
            return (.france, .acceptWithKeyword)
        }
        if second == 0 { return nil }
        // Italy, fixed line: an area code in use, then one or two groups (02, 06) or two.
        let rest = Array(lengths.dropFirst())
        let twoGroups = rest.count == 2 && rest.allSatisfy { (3...4).contains($0) }
        if (8...11).contains(digits.count), isItalianAreaCode(shape.groups[0]),
           shape.uniformSeparator(in: ByteSet(" ./-")) != nil || shape.parenthesized[0],
           twoGroups || (lengths[0] == 2 && rest.count == 1 && (4...8).contains(rest[0])) {
            return (.italy, .acceptWithKeyword)
        }
        // Germany: area code and one subscriber block, or a compact 12-digit mobile.
        if germanShape(shape) { return (.germany, .acceptWithKeyword) }
        return nil
    }

    /// NANP: `(212) 555-0143`, `212-555-0143`, `212.555.0143`, `1-212-555-0143` alone; other
    /// spellings (`212 555 0143`, mixed separators, compact, `1` + ten digits) near a keyword.
    static func northAmerican(_ shape: Shape) -> Verdict? {
        let lengths = shape.lengths
        let digits = shape.digits
        let national: ArraySlice<Int>
        let areaGroup: Int
        switch lengths {
        case [3, 3, 4], [10]: national = digits[...]; areaGroup = 0
        case [1, 3, 3, 4] where digits[0] == 1: national = digits[1...]; areaGroup = 1
        case [11] where digits[0] == 1: national = digits[1...]; areaGroup = -1
        default: return nil
        }
        guard isValidNANP(national) else { return nil }
        // Parentheses only around the area code: `(212) 555-0143`, `1 (212) 555-0143`.
        if shape.parenthesized.contains(true) {
            guard areaGroup >= 0, shape.parenthesized[areaGroup],
                  shape.separators.allSatisfy({ $0.count <= 2 && !$0.contains(UInt8(ascii: "/")) }) else { return nil }
            return .accept
        }
        guard let separator = shape.uniformSeparator(in: spaceDotDash) else {
            // Mixed separators (`212-555.0143`) only near a keyword.
            return shape.separators.allSatisfy({ $0.count == 1 && spaceDotDash.contains($0[0]) })
                ? .acceptWithKeyword : nil
        }
        return lengths.count > 1 && (separator == UInt8(ascii: "-") || separator == UInt8(ascii: "."))
            ? .accept : .acceptWithKeyword
    }

    /// `(11) 91234-5678`, `(11) 3456-7890`, `11 91234-5678`, `11 9 1234-5678`, `(11) 912345678`.
    static func brazilian(_ shape: Shape) -> Verdict? {
        let digits = shape.digits
        guard isBrazilian(digits) else { return nil }
        let rest = Array(shape.lengths.dropFirst())
        let mobile = digits.count == 11
        let fits = mobile ? [[5, 4], [1, 4, 4], [9]].contains(rest) : [[4, 4], [8]].contains(rest)
        guard fits else { return nil }
        // After the area code: `) `, `)`, ` ` or `-`; inside the subscriber number: `-`, ` ` or `.`.
        let afterArea = shape.separators[0]
        let areaOK = shape.parenthesized[0]
            ? afterArea == [UInt8(ascii: ")")] || afterArea == Array(") ".utf8)
            : afterArea == [UInt8(ascii: " ")] || afterArea == [UInt8(ascii: "-")]
        let innerOK = shape.separators.dropFirst().allSatisfy { $0.count == 1 && spaceDotDash.contains($0[0]) }
        return areaOK && innerOK ? .acceptWithKeyword : nil
    }

    /// UK groupings of 0 + 10 digits: compact, 3-4-4 (`020 7946 0958`), 4-3-4 (`0161 496 0123`),
    /// 5-6 and 5-3-3 (`01632 960123`, `07700 900 123`); the first group may be in parentheses.
    static func britishShape(_ shape: Shape) -> Bool {
        let lengths = shape.lengths
        let second = shape.digits[1]
        let shapeOK: Bool
        switch lengths {
        case [11]: shapeOK = true
        case [3, 4, 4]: shapeOK = second == 2
        case [4, 3, 4]: shapeOK = second != 2
        case [5, 6], [5, 3, 3]: shapeOK = second == 1 || second == 7
        default: shapeOK = false
        }
        guard shapeOK else { return false }
        return shape.separators.enumerated().allSatisfy { n, separator in
            if n == 0 && shape.parenthesized[0] {
                return separator == [UInt8(ascii: ")")] || separator == Array(") ".utf8)
            }
            return separator == [UInt8(ascii: " ")] || separator == [UInt8(ascii: "-")]
        }
    }

    /// Area code (3-6 digits with the 0; `01[5-7]x` for mobiles) and one subscriber block of
    /// 3-8 digits, 8-12 digits in all, separated by ` `, `/`, `-` or parentheses; or a compact
    /// 12-digit mobile number.
    static func germanShape(_ shape: Shape) -> Bool {
        let digits = shape.digits
        let lengths = shape.lengths
        let mobile = digits[1] == 1 && (5...7).contains(digits[2])
        guard digits[1] >= 2 || mobile else { return false }
        if lengths == [12] { return mobile }
        guard lengths.count == 2, (8...12).contains(digits.count), (3...8).contains(lengths[1]) else { return false }
        guard mobile ? lengths[0] == 4 || lengths[0] == 5 : (3...6).contains(lengths[0]) else { return false }
        let separator = shape.separators[0]
        if shape.parenthesized[0] { return separator == [UInt8(ascii: ")")] || separator == Array(") ".utf8) }
        return separator == [UInt8(ascii: " ")] || separator == [UInt8(ascii: "/")] || separator == [UInt8(ascii: "-")]
    }

    /// `347 1234567`, `347 123 4567`, `347-1234567`, `3471234567`, `347 123456`: 3 and 9-10
    /// digits (a valid NANP number is taken before).
    static func italianMobile(_ shape: Shape) -> (Country, Verdict)? {
        let digits = shape.digits
        guard !shape.parenthesized[0], digits.count >= 9, digits.count <= 10, digits[1] != 0,
              shape.uniformSeparator(in: ByteSet(" ./-")) != nil else { return nil }
        let lengths = shape.lengths
        let fits = lengths == [digits.count] || (lengths.count == 2 && lengths[0] == 3)
            || (lengths.count == 3 && lengths[0] == 3 && lengths[1] == 3)
        return fits ? (.italy, .acceptWithKeyword) : nil
    }
}
