extension ManagedIdentifiers {
    /// Contact and location data: email addresses, phone numbers, IP addresses, dates of birth
    /// and GPS coordinates.
    static let contact: [ManagedIdentifier] = [
        emailAddress, phoneNumber, ipv4Address, ipv6Address, dateOfBirth, latitudeLongitude,
    ]

    /// `EMAIL_ADDRESS` (Macie has no managed identifier for email; Google DLP and Presidio do):
    /// a dot-atom local part and a domain of labels ending in an alphabetic TLD.
    ///
    /// The local part takes letters, digits and `._%+-` only: the other characters RFC 5322
    /// allows (`'`, `=`, `/`, `{`, ...) are in practice the syntax around an address
    /// (`email='bob@example.com'`), and taking them would swallow it. Domain labels are 1-63
    /// characters without a leading or trailing hyphen; a trailing dot (end of sentence) is not
    /// part of the address. `icon@2x.png`-style image names are not addresses.
    static let emailAddress = ManagedIdentifier(
        id: "EMAIL_ADDRESS",
        category: .personalInformation,
        severity: .medium,
        summary: "Email address: dot-atom local part (letters, digits, ._%+-; at most 64) @ "
            + "domain labels and an alphabetic TLD of 2+ letters; not part of a longer token",
        trigger: .pivot(UInt8(ascii: "@"), back: EmailAddressCheck.localCharacters, maxBack: 64),
        pattern: #"(?<![A-Za-z0-9._%+\-@])(?![A-Za-z0-9._%+\-]{65})"#
            + #"[A-Za-z0-9_%+\-]++(?:\.[A-Za-z0-9_%+\-]++)*+@(?![A-Za-z0-9.\-]{254})"#
            + #"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"#
            + #"(?![A-Za-z0-9_\-@]|\.[A-Za-z0-9_\-])"#,
        // 64 (local part) + 1 + 253 (domain).
        maxLength: 318,
        validate: { context in EmailAddressCheck.verdict(Array(context.bytes)) }
    )

    /// `PHONE_NUMBER`: North American (NANP) numbers, and international numbers written with `+`
    /// and a country calling code.
    ///
    /// - NANP: `(212) 555-0143`, `212-555-0143`, `212.555.0143`, `1-212-555-0143`,
    ///   `1 (212) 555-0143`: area code and exchange start with 2-9 and are not N11. Other
    ///   spellings (`212 555 0143`, mixed separators, ten bare digits, `1` plus ten digits) are
    ///   reported only near a keyword.
    /// - International: `+44 20 7946 0958`, `+33 1 23 45 67 89`, `(+49) 30 123456`,
    ///   `+44 (0)20 7946 0958`, `+12125550143`: 8-15 digits (E.164) after dropping a `(0)` trunk
    ///   prefix, an assigned country calling code inside the first group, groups separated by
    ///   spaces, dashes, dots or parentheses (balanced). `+1` numbers follow the NANP rules.
    ///
    /// Macie's `PHONE_NUMBER` needs a keyword or a country code; here punctuated NANP numbers
    /// are reported alone too, as Google DLP and Presidio do. A run of digit groups with more
    /// than 15 digits is not a phone number (nor is any part of it).
    static let phoneNumber = ManagedIdentifier(
        id: "PHONE_NUMBER",
        category: .personalInformation,
        severity: .medium,
        summary: "Phone number: NANP (212) 555-0143, 212-555-0143, 212.555.0143, 1-212-555-0143 "
            + "(valid area code and exchange; bare or spaced digits only near a keyword), or "
            + "+country code and 8-15 digits in groups (assigned ITU calling code)",
        keywords: ["phone", "telephone", "tel", "mobile", "cell", "cellphone", "fax",
                   "contact number", "phone number", "mobile number", "call"],
        keywordRule: .whenValidatorAsks,
        trigger: .start(first: ByteSet("0-9(+"), notAfter: ByteSet("0-9A-Za-z_.+-")),
        pattern: "(?:"
            // International: `+CC ...` or `(+CC) ...`; separators between digit groups.
            + #"(?:\(\+[1-9][0-9]{0,2}\)[ .\-]?|\+(?=[1-9])(?![0-9]{1,3}\)))"#
            + #"[0-9]{1,15}+(?:(?:[ .\-]|[ .\-]?\(|\)[ .\-]?)[0-9]{1,15}+){0,7}+"#
            // NANP, not the tail of a number whose `1` or `+1` is just before.
            + #"|(?<!(?<![0-9])1 )(?:1[ .\-]?)?(?:\([2-9][0-9]{2}\)[ .\-]?|[2-9][0-9]{2}[ .\-]?)"#
            + #"[2-9][0-9]{2}[ .\-]?[0-9]{4}"#
            + #")(?![0-9A-Za-z_+@]|[.\-][0-9])"#,
        // `(+ddd) ` (7) + 15 digits + 7 x (2 separator bytes + 15 digits).
        maxLength: 141,
        // Every form has 8 digits within its first 32 bytes (NANP: 10 within 16).
        precondition: Precondition(.digits, atLeast: 8, within: 32),
        validate: { context in PhoneNumberCheck.verdict(Array(context.bytes)) }
    )

    /// `IP_ADDRESS`, IPv4: four octets 0-255 in dotted decimal without leading zeros, not part of
    /// a longer dotted run (`1.2.3.4.5`, `v10.0.0.1.2`: neither end may continue with a dot and
    /// a digit, and the start may not follow a letter, a digit or `x.`), not the tail of an
    /// IPv6 address (`::ffff:192.0.2.128` is one IPv6 finding).
    ///
    /// IPv4 and IPv6 are two definitions under one ID so that each has a cheap trigger: digits
    /// for IPv4, the `:` of IPv6 (a hex-letter trigger would stop the prefilter on a quarter of
    /// the words of any text).
    static let ipv4Address = ManagedIdentifier(
        id: "IP_ADDRESS",
        category: .personalInformation,
        severity: .low,
        summary: "IPv4 address: dotted quad, octets 0-255 without leading zeros, not inside a "
            + "longer dotted run",
        trigger: .start(first: .digits, notAfter: .word),
        pattern: #"(?<![0-9A-Za-z_]\.|::|:[0-9A-Fa-f]:|:[0-9A-Fa-f]{2}:|:[0-9A-Fa-f]{3}:|:[0-9A-Fa-f]{4}:)"#
            + IPAddressCheck.ipv4Pattern + #"(?![0-9A-Za-z_]|\.[0-9])"#,
        maxLength: 15,
        precondition: Precondition(.digits, atLeast: 4, within: 7)
    )

    /// `IP_ADDRESS`, IPv6 in every RFC 4291 text form: full (8 groups), compressed with one `::`
    /// (`::1`, `fe80::1ff:fe23:4567:890a`, `2001:db8::`) and with an IPv4 tail
    /// (`::ffff:192.0.2.128`), checked structurally: 1-4 hex digits a group, exactly 8 groups
    /// without `::` and at most 7 with it.
    ///
    /// Guards against look-alikes: at least one decimal digit (not `dead::beef`, C++
    /// `Abc::Def`), not eight 2-digit groups (an EUI-64 or MAC-like value), not `::` alone;
    /// times (`12:30:45`) and `a:b` pairs fail the group count. An address glued to a label by
    /// a colon (`ip:fe80::1`) is not found: the trigger walks back over colons and hex digits,
    /// so its start would be the label's colon.
    static let ipv6Address = ManagedIdentifier(
        id: "IP_ADDRESS",
        category: .personalInformation,
        severity: .low,
        summary: "IPv6 address: full, :: compressed or with an IPv4 tail; 1-4 hex digits a "
            + "group, 8 groups (fewer with ::)",
        trigger: .pivot(UInt8(ascii: ":"), back: ByteSet("0-9A-Fa-f:"), maxBack: 39),
        pattern: #"(?<![0-9A-Za-z_.])(?=[0-9A-Fa-f]{0,4}:)"#
            + #"(?:[0-9A-Fa-f]{1,4}+)?(?::{1,2}+[0-9A-Fa-f]{1,4}+){0,7}"#
            + "(?:::?" + IPAddressCheck.ipv4Pattern + "|::)?"
            + #"(?![0-9A-Za-z_:]|\.[0-9])"#,
        // 4 + 7 x (2 + 4) + `::` and an IPv4 tail (17).
        maxLength: 63,
        validate: { context in IPAddressCheck.isPlausibleIPv6(Array(context.bytes)) ? .accept : .reject }
    )

    /// `DATE_OF_BIRTH`: a calendar date near a keyword (Macie: *bday, b-day, birth date,
    /// birthday, date of birth, dob*).
    ///
    /// Forms: ISO `1985-04-12`; day and month first `04/12/1985`, `12.04.1985`, `12-04-1985`,
    /// `12 04 1985` (either order is accepted when it makes a real date); month names
    /// `April 12, 1985`, `Apr 12th 1985`, `12 April 1985`, `12th of April, 1985`, `12-Apr-1985`,
    /// `12. April 1985`. The date must exist (leap years included) and its year must be a
    /// plausible birth year (1900-2026). Two-digit years are not read. A month name that comes
    /// first must be capitalized (`April 12`, `APR 12`; `12 april` is fine): lower-case letters
    /// as triggers would stop the prefilter on most words.
    static let dateOfBirth = ManagedIdentifier(
        id: "DATE_OF_BIRTH",
        category: .personalInformation,
        severity: .medium,
        summary: "Date of birth near a keyword: ISO, numeric day/month/year in either order, or "
            + "with a month name; real calendar date, year 1900-2026",
        keywords: ["dob", "d.o.b", "date of birth", "birth date", "birthdate", "born", "birthday",
                   "bday", "b-day"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("0-9JFMASOND"), notAfter: .word),
        pattern: #"(?<![0-9][\-/.:])(?:"#
            + #"(?:19|20)[0-9]{2}([\-/. ])[0-9]{1,2}\1[0-9]{1,2}"#
            + #"|[0-9]{1,2}([\-/. ])[0-9]{1,2}\2(?:19|20)[0-9]{2}"#
            + "|" + DateOfBirthCheck.monthPattern + #"(?: {1,3}|-|/)[0-9]{1,2}(?i:st|nd|rd|th)?"#
            + #"(?:, {0,3}| {1,3}|-|/)(?:19|20)[0-9]{2}"#
            + #"|[0-9]{1,2}(?i:st|nd|rd|th)?(?: {1,3}(?i:of {1,3})?|-|/|\. ?)"#
            + DateOfBirthCheck.monthPattern + #"(?:, {0,3}| {1,3}|-|/)(?:19|20)[0-9]{2}"#
            // A time may follow an ISO date (`1985-04-12T00:00:00Z`).
            + #")(?!(?!T[0-9])[0-9A-Za-z_]|[\-/.:][0-9])"#,
        // `12th of September, 1985` with the widest gaps.
        maxLength: 30,
        // A day and a four-digit year at least.
        precondition: Precondition(.digits, atLeast: 5, within: 30),
        validate: { context in DateOfBirthCheck.verdict(Array(context.bytes)) }
    )

    /// `LATITUDE_LONGITUDE`: a pair of decimal degrees near a keyword (Macie: the pair in
    /// decimal-degree format, near *coordinates*, *lat long*, ...).
    ///
    /// `40.7128, -74.0060`, `40.7128,-74.0060`, `40.7128 -74.0060`, `40.7128°, -74.0060°`; each
    /// number has 3 to 15 decimals (less is a few hundred metres or worse, and too common in
    /// other data). Latitude first (|lat| <= 90, |lon| <= 180) or longitude first as GeoJSON
    /// writes it; `0.000, 0.000` is a placeholder.
    static let latitudeLongitude = ManagedIdentifier(
        id: "LATITUDE_LONGITUDE",
        category: .personalInformation,
        severity: .medium,
        summary: "GPS coordinates near a keyword: a decimal-degree pair (3+ decimals each, "
            + "|lat| <= 90, |lon| <= 180), comma, semicolon or space separated",
        keywords: ["coordinates", "coordinate", "coords", "lat long", "lat/long", "lat/lng", "latlng",
                   "latitude", "longitude", "lat", "lng", "lon", "geo", "geolocation", "location",
                   "gps", "position"],
        keywordRule: .required,
        trigger: .start(first: ByteSet("0-9+-"), notAfter: ByteSet("0-9A-Za-z_.+-")),
        pattern: #"[\-+]?[0-9]{1,3}\.[0-9]{3,15}+(?:\xC2\xB0)?(?:[,;][ \t]{0,2}|[ \t]{1,2})"#
            + #"[\-+]?[0-9]{1,3}\.[0-9]{3,15}+(?:\xC2\xB0)?(?![0-9A-Za-z_]|\.[0-9])"#,
        // Two of sign + 3 digits + point + 15 decimals + degree sign (22), and 3 between.
        maxLength: 47,
        precondition: Precondition(.digits, atLeast: 8, within: 47),
        validate: { context in LatitudeLongitudeCheck.verdict(Array(context.bytes)) }
    )
}

// MARK: - Validators

/// Email address rules beyond the pattern.
enum EmailAddressCheck {
    /// What a local part is made of (also what the `@` pivot walks back over).
    static let localCharacters = ByteSet("A-Za-z0-9._%+-")

    /// Image file extensions, which are not TLDs: `icon@2x.png` is a file name.
    static let fileExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp",
                                              "ico", "tif", "tiff", "heic", "avif"]

    static func verdict(_ bytes: [UInt8]) -> Verdict {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")) else { return .reject }
        let tld = String(decoding: bytes[(dot + 1)...], as: UTF8.self).lowercased()
        return fileExtensions.contains(tld) ? .reject : .accept
    }
}

/// Phone number rules: NANP area code and exchange, E.164 length and country calling codes.
enum PhoneNumberCheck {
    static func verdict(_ bytes: [UInt8]) -> Verdict {
        guard let first = bytes.first else { return .reject }
        let plus = UInt8(ascii: "+")
        if first == plus || (first == UInt8(ascii: "(") && bytes.count > 1 && bytes[1] == plus) {
            return international(bytes)
        }
        return northAmerican(bytes)
    }

    /// Ten NANP digits with an area code and exchange that can be assigned: first digit 2-9,
    /// not N11 (211, 411, 911, ...).
    static func isValidNANP<C: Collection>(_ digits: C) -> Bool where C.Element == Int {
        let d = Array(digits)
        guard d.count == 10 else { return false }
        let area = d[0] >= 2 && !(d[1] == 1 && d[2] == 1)
        let exchange = d[3] >= 2 && !(d[4] == 1 && d[5] == 1)
        return area && exchange
    }

    /// A NANP match: accepted alone when punctuated the usual ways, otherwise only near a keyword.
    static func northAmerican(_ bytes: [UInt8]) -> Verdict {
        var runs: [Int] = []
        var separators: [UInt8] = []
        var digits: [Int] = []
        var inRun = false
        for b in bytes {
            if b >= 0x30 && b <= 0x39 {
                digits.append(Int(b - 0x30))
                if inRun { runs[runs.count - 1] += 1 } else { runs.append(1); inRun = true }
            } else {
                inRun = false
                if b != UInt8(ascii: "(") && b != UInt8(ascii: ")") { separators.append(b) }
            }
        }
        let national: ArraySlice<Int>
        switch digits.count {
        case 10: national = digits[...]
        case 11 where digits[0] == 1: national = digits[1...]
        default: return .reject
        }
        guard isValidNANP(national) else { return .reject }
        if bytes.contains(UInt8(ascii: "(")) { return .accept }
        let grouped = runs == [3, 3, 4] || runs == [1, 3, 3, 4]
        let separator = separators.first
        let oneSeparator = separators.count == runs.count - 1 && separators.allSatisfy { $0 == separator }
        if grouped && oneSeparator && (separator == UInt8(ascii: "-") || separator == UInt8(ascii: ".")) {
            return .accept
        }
        return .acceptWithKeyword
    }

    /// A `+` match: balanced parentheses, 8-15 digits without a `(0)` trunk prefix, an assigned
    /// calling code within the first group; NANP rules for +1 and ten national digits for +7.
    static func international(_ bytes: [UInt8]) -> Verdict {
        var groups: [(digits: [Int], parenthesized: Bool)] = []
        var current: [Int] = []
        var open = false
        var currentParenthesized = false
        func close() {
            if !current.isEmpty { groups.append((current, currentParenthesized)) }
            current = []
        }
        for b in bytes {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if current.isEmpty { currentParenthesized = open }
                current.append(Int(b - 0x30))
            case UInt8(ascii: "("):
                guard !open else { return .reject }
                close()
                open = true
            case UInt8(ascii: ")"):
                guard open else { return .reject }
                close()
                open = false
            case UInt8(ascii: "+"):
                continue
            default:
                close()
            }
        }
        close()
        guard !open, let firstGroup = groups.first else { return .reject }
        // `+44 (0)20 ...`: the trunk prefix is not dialled from abroad.
        var all: [Int] = firstGroup.digits
        for group in groups.dropFirst() where !(group.parenthesized && group.digits == [0]) {
            all += group.digits
        }
        guard (8...15).contains(all.count),
              let (code, length) = CountryCallingCodes.prefix(of: all),
              length <= firstGroup.digits.count else { return .reject }
        switch code {
        case 1: return isValidNANP(all.dropFirst()) ? .accept : .reject
        case 7: return all.count == 11 ? .accept : .reject
        default: return .accept
        }
    }
}

/// IP address rules beyond the pattern.
enum IPAddressCheck {
    /// One dotted-quad IPv4 address: octets 0-255 without leading zeros.
    static let ipv4Pattern = #"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"#
        + #"(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}"#

    /// RFC 4291 structure (with the guards against look-alikes described on `ipv6Address`).
    static func isPlausibleIPv6(_ bytes: [UInt8]) -> Bool {
        let colon = UInt8(ascii: ":")
        // Split at the one `::`, if any.
        var doubleColon: Int? = nil
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == colon && bytes[i + 1] == colon {
                guard doubleColon == nil, i + 2 >= bytes.count || bytes[i + 2] != colon else { return false }
                doubleColon = i
                i += 2
            } else {
                i += 1
            }
        }
        func groups(_ part: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
            if part.isEmpty { return [] }
            let pieces = part.split(separator: colon, omittingEmptySubsequences: false)
            // An empty piece is a lone leading or trailing `:`.
            return pieces.contains(where: \.isEmpty) ? nil : pieces
        }
        let pieces: [ArraySlice<UInt8>]
        if let d = doubleColon {
            guard let head = groups(bytes[..<d]), let tail = groups(bytes[(d + 2)...]) else { return false }
            pieces = head + tail
        } else {
            guard let all = groups(bytes[...]) else { return false }
            pieces = all
        }
        var count = 0
        for (n, piece) in pieces.enumerated() {
            if piece.contains(UInt8(ascii: ".")) {
                // An IPv4 tail (checked by the pattern) is the last piece and counts as two groups.
                guard n == pieces.count - 1 else { return false }
                count += 2
            } else {
                guard (1...4).contains(piece.count), piece.allSatisfy(ByteSet.hexDigits.contains) else {
                    return false
                }
                count += 1
            }
        }
        guard count >= 1, doubleColon == nil ? count == 8 : count <= 7 else { return false }
        guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        if doubleColon == nil && pieces.allSatisfy({ $0.count == 2 }) { return false }
        return true
    }
}

/// Date rules: a real calendar date with a plausible birth year.
enum DateOfBirthCheck {
    /// The plausible birth years.
    static let years = 1900...2026

    /// English month names and their usual abbreviations (case-insensitive), with an optional
    /// abbreviation dot.
    static let monthPattern = "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
        + #"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"#

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                 "oct", "nov", "dec"]

    static func isLeapYear(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// Whether the date exists and its year is a plausible birth year.
    static func isPlausible(year: Int, month: Int, day: Int) -> Bool {
        guard years.contains(year), (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func verdict(_ bytes: [UInt8]) -> Verdict {
        var numbers: [(value: Int, width: Int)] = []
        var month: Int? = nil
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                var value = 0, width = 0
                while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                    value = value * 10 + Int(bytes[i] - 0x30)
                    width += 1
                    i += 1
                }
                numbers.append((value, width))
            } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                var word: [UInt8] = []
                while i < bytes.count, (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A {
                    word.append(bytes[i] | 0x20)
                    i += 1
                }
                if month == nil, word.count >= 3,
                   let index = months.firstIndex(of: String(decoding: word.prefix(3), as: UTF8.self)) {
                    month = index + 1
                }
            } else {
                i += 1
            }
        }
        if let month {
            guard numbers.count == 2 else { return .reject }
            let (day, year) = numbers[0].width == 4 ? (numbers[1].value, numbers[0].value)
                                                     : (numbers[0].value, numbers[1].value)
            return isPlausible(year: year, month: month, day: day) ? .accept : .reject
        }
        guard numbers.count == 3 else { return .reject }
        if numbers[0].width == 4 {
            return isPlausible(year: numbers[0].value, month: numbers[1].value, day: numbers[2].value)
                ? .accept : .reject
        }
        let (a, b, year) = (numbers[0].value, numbers[1].value, numbers[2].value)
        // Month first (US) or day first (most other places).
        return isPlausible(year: year, month: a, day: b) || isPlausible(year: year, month: b, day: a)
            ? .accept : .reject
    }
}

/// Coordinate rules: latitude within ±90 and longitude within ±180, in either order.
enum LatitudeLongitudeCheck {
    static func verdict(_ bytes: [UInt8]) -> Verdict {
        var values: [Double] = []
        var token: [UInt8] = []
        func flush() {
            if !token.isEmpty, let v = Double(String(decoding: token, as: UTF8.self)) { values.append(v) }
            token.removeAll()
        }
        for b in bytes {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
                 UInt8(ascii: "+"):
                token.append(b)
            default:
                flush()
            }
        }
        flush()
        guard values.count == 2 else { return .reject }
        let (a, b) = (abs(values[0]), abs(values[1]))
        if a == 0 && b == 0 { return .reject }
        return (a <= 90 && b <= 180) || (a <= 180 && b <= 90) ? .accept : .reject
    }
}
