extension ManagedIdentifiers {
    /// Contact and location data: email addresses, phone numbers, IP addresses, dates of birth
    /// and GPS coordinates.
    static let contact: [ManagedIdentifier] = [
        emailAddress, phoneNumber, ipv4Address, ipv6Address, ipv6AddressAfterLabel, macAddress,
        macAddressWithDashes, macAddressWithDots, dateOfBirth, dateOfBirthMonthFirst, latitudeLongitude,
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
        validation: "structure only (RFC 5321 lengths, no image-file TLDs)",
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
    /// and a calling code other than those of Macie's country phone identifiers.
    ///
    /// - NANP: `(212) 555-0143`, `212-555-0143`, `212.555.0143`, `1-212-555-0143`,
    ///   `1 (212) 555-0143`: area code and exchange start with 2-9 and are not N11. Other
    ///   spellings (`212 555 0143`, mixed separators, ten bare digits, `1` plus ten digits) are
    ///   reported only near a keyword.
    /// - International: `+1 212 555 0143`, `001 212 555 0143`, `+353-1-234-5678`, `(+61) 2 9876 5432`:
    ///   8-15 digits (E.164) after dropping a `(0)` trunk prefix, an assigned country calling code
    ///   inside the first group. `+55`, `+33`, `+49`, `+39`, `+34` and `+44` numbers are reported
    ///   under the country IDs (`countryPhones`), every other code here (beyond Macie, whose
    ///   `PHONE_NUMBER` covers the US and Canada only).
    ///
    /// Macie's `PHONE_NUMBER` needs a keyword or a country code; here punctuated NANP numbers
    /// are reported alone too, as Google DLP and Presidio do. A run of digit groups with more
    /// than 15 digits is not a phone number (nor is any part of it). The pattern and the
    /// country rules are shared with the country IDs: see `PhoneNumbering`.
    static let phoneNumber = phoneIdentifier(
        id: "PHONE_NUMBER", country: .nanp,
        summary: "Phone number: NANP (212) 555-0143, 212-555-0143, 212.555.0143, 1-212-555-0143 "
            + "(valid area code and exchange; bare or spaced digits only near a keyword), +1/001, "
            + "or +country code and 8-15 digits for codes without a country ID (assigned ITU code)",
        keywords: ["phone no", "tel no", "call", "direct line", "landline", "home phone",
                   "work phone", "toll free", "toll-free"])

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
        validation: "octets 0-255",
        trigger: .start(first: .digits, notAfter: .word),
        pattern: #"(?<![0-9A-Za-z_]\.|::|:[0-9A-Fa-f]:|:[0-9A-Fa-f]{2}:|:[0-9A-Fa-f]{3}:|:[0-9A-Fa-f]{4}:)"#
            + IPAddressCheck.ipv4Pattern + #"(?![0-9A-Za-z_]|\.[0-9])"#,
        maxLength: 15,
        // Every match opens with 7 bytes of digits and dots (`1.2.3.4` at the shortest): a
        // date (`2024-02-12`) or an amount (`50.14`) fails here, before the pattern runs.
        precondition: .run(of: ByteSet("0-9."), 7)
    )

    /// `IP_ADDRESS`, IPv6 in every RFC 4291 text form: full (8 groups), compressed with one `::`
    /// (`::1`, `fe80::1ff:fe23:4567:890a`, `2001:db8::`) and with an IPv4 tail
    /// (`::ffff:192.0.2.128`), checked structurally: 1-4 hex digits a group, exactly 8 groups
    /// without `::` and at most 7 with it.
    ///
    /// Guards against look-alikes: at least one decimal digit (not `dead::beef`, C++
    /// `Abc::Def`), not eight 2-digit groups (an EUI-64 or MAC-like value), not `::` alone;
    /// times (`12:30:45`) and `a:b` pairs fail the group count. An address glued to a label by
    /// a colon (`ip:fe80::1`) is found by `ipv6AddressAfterLabel`: this trigger walks back over
    /// colons and hex digits, so its start would be the label's colon.
    static let ipv6Address = ManagedIdentifier(
        id: "IP_ADDRESS",
        category: .personalInformation,
        severity: .low,
        summary: "IPv6 address: full, :: compressed or with an IPv4 tail; 1-4 hex digits a "
            + "group, 8 groups (fewer with ::)",
        validation: "RFC 4291 structure",
        trigger: .pivot(UInt8(ascii: ":"), back: ByteSet("0-9A-Fa-f:"), maxBack: 39),
        pattern: IPAddressCheck.ipv6Pattern,
        // 4 + 7 x (2 + 4) + `::` and an IPv4 tail (17).
        maxLength: 63,
        precondition: IPAddressCheck.twoColons,
        validate: { context in IPAddressCheck.isPlausibleIPv6(Array(context.bytes)) ? .accept : .reject }
    )

    /// `IP_ADDRESS`, IPv6 glued to a label by a colon (`ip:fe80::1`, `addr:2001:db8::5`,
    /// `IPv6:2001:db8::1`): candidates are hex digits right after a `:` (rare in prose), and the
    /// word before that colon must hold a letter that is not a hex digit, so that the middle of
    /// an address (`2001:db8::1` from `db8`) or a `::` is never a start.
    static let ipv6AddressAfterLabel = ManagedIdentifier(
        id: "IP_ADDRESS",
        category: .personalInformation,
        severity: .low,
        summary: "IPv6 address right after a label and a colon (ip:fe80::1)",
        validation: "RFC 4291 structure",
        trigger: .start(first: .hexDigits, notAfter: IPAddressCheck.allButColon),
        // A letter that is not a hex digit at most two characters before the colon: most
        // candidates (`1:2:3`, `12:30`) fail here, before the address pattern runs.
        pattern: #"(?<=[G-Zg-z_]:|[G-Zg-z_][0-9A-Fa-f]:|[G-Zg-z_][0-9A-Fa-f]{2}:)"#
            + IPAddressCheck.ipv6Pattern,
        maxLength: 63,
        precondition: IPAddressCheck.twoColons,
        validate: { context in
            IPAddressCheck.followsLabel(context) && IPAddressCheck.isPlausibleIPv6(Array(context.bytes))
                ? .accept : .reject
        }
    )

    /// `MAC_ADDRESS` (beyond Macie, which has no MAC identifier; Google DLP has one): an EUI-48
    /// written `00:1a:2b:3c:4d:5e` (any case). `macAddressWithDashes` and `macAddressWithDots`
    /// take `00-1A-2B-3C-4D-5E` and Cisco's `001a.2b3c.4d5e`.
    ///
    /// Not part of a longer run of hex groups (an EUI-64, an IPv6 address); a label glued by the
    /// separator (`mac:00:1a:...`) is fine. `00:00:00:00:00:00` and `ff:ff:ff:ff:ff:ff`
    /// (unset and broadcast) name no device and are not reported.
    static let macAddress = macIdentifier(
        separator: ":",
        summary: "MAC address (EUI-48): six hex pairs separated by colons; not all-zero or broadcast",
        pattern: #"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}"#, pairs: true)

    /// `MAC_ADDRESS` with dashes: `00-1A-2B-3C-4D-5E`.
    static let macAddressWithDashes = macIdentifier(
        separator: "-",
        summary: "MAC address (EUI-48): six hex pairs separated by dashes; not all-zero or broadcast",
        pattern: #"[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}"#, pairs: true)

    /// `MAC_ADDRESS` in Cisco's dotted form: `001a.2b3c.4d5e`.
    static let macAddressWithDots = macIdentifier(
        separator: ".",
        summary: "MAC address (EUI-48): three groups of four hex digits separated by dots; not "
            + "all-zero or broadcast",
        pattern: #"[0-9A-Fa-f]{4}(?:\.[0-9A-Fa-f]{4}){2}"#, pairs: false)

    /// A `MAC_ADDRESS` definition: the separator is the trigger (walking back over the first
    /// group's hex digits), the match is not inside a longer hex run.
    static func macIdentifier(separator: Character, summary: String, pattern: String,
                              pairs: Bool) -> ManagedIdentifier {
        let sep = UInt8(ascii: separator.unicodeScalars.first ?? ":")
        return ManagedIdentifier(
            id: "MAC_ADDRESS",
            category: .personalInformation,
            severity: .low,
            summary: summary,
            validation: "structure; all-zero and broadcast rejected",
            trigger: .pivot(sep, back: .hexDigits, maxBack: pairs ? 2 : 4),
            pattern: #"(?<![0-9A-Za-z_])"# + pattern + #"(?![0-9A-Za-z_]|[:\-][0-9A-Fa-f]|\.[0-9A-Za-z])"#,
            maxLength: 17,
            precondition: Precondition(.hexDigits, atLeast: 12, within: pairs ? 17 : 14),
            validate: { context in MACAddressCheck.verdict(context) }
        )
    }

    /// `DATE_OF_BIRTH`: a calendar date near a keyword (Macie: *bday, b-day, birth date,
    /// birthday, date of birth, dob*).
    ///
    /// Forms: ISO `1985-04-12`; day and month first `04/12/1985`, `12.04.1985`, `12-04-1985`,
    /// `12 04 1985` (either order is accepted when it makes a real date); month names
    /// `12 April 1985`, `12th of April, 1985`, `12-Apr-1985`, `12. April 1985`, `3 march 1984`
    /// here, and month first (`April 12, 1985`, `apr 12th 1985`) in `dateOfBirthMonthFirst`. The
    /// date must exist (leap years included) and its year must be a plausible birth year
    /// (1900-2026). Two-digit years are not read. Month names are English, in any case.
    static let dateOfBirth = ManagedIdentifier(
        id: "DATE_OF_BIRTH",
        category: .personalInformation,
        severity: .medium,
        summary: "Date of birth near a keyword: ISO, numeric day/month/year in either order, or "
            + "with a month name; real calendar date, year 1900-2026",
        validation: "calendar date (leap years), year 1900-2026",
        keywords: DateOfBirthCheck.keywords,
        keywordRule: .required,
        trigger: .start(first: .digits, notAfter: .word),
        pattern: #"(?<![0-9][\-/.:])(?:"#
            + #"(?:19|20)[0-9]{2}([\-/. ])[0-9]{1,2}\1[0-9]{1,2}"#
            + #"|[0-9]{1,2}([\-/. ])[0-9]{1,2}\2(?:19|20)[0-9]{2}"#
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

    /// `DATE_OF_BIRTH` with the month name first: `April 12, 1985`, `Apr 12th 1985`,
    /// `march 3, 1984`, `SEPT. 3 1990`, `Dec-31-1999`. The trigger is the month's first three
    /// letters in lower, capitalized or upper case at the start of a word (literals, so that the
    /// prefilter does not stop at every word).
    static let dateOfBirthMonthFirst = ManagedIdentifier(
        id: "DATE_OF_BIRTH",
        category: .personalInformation,
        severity: .medium,
        summary: "Date of birth near a keyword, month name first: April 12, 1985; real calendar "
            + "date, year 1900-2026",
        validation: "calendar date (leap years), year 1900-2026",
        keywords: DateOfBirthCheck.keywords,
        keywordRule: .required,
        trigger: .literal(DateOfBirthCheck.monthLiterals, notAfter: .word),
        pattern: DateOfBirthCheck.monthPattern + #"(?: {1,3}|-|/)[0-9]{1,2}(?i:st|nd|rd|th)?"#
            + #"(?:, {0,3}| {1,3}|-|/)(?:19|20)[0-9]{2}(?![0-9A-Za-z_]|[\-/.:][0-9])"#,
        // `September 12th,   1985`.
        maxLength: 30,
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
        validation: "ranges: |lat| <= 90, |lon| <= 180; 0,0 rejected",
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

/// IP address rules beyond the pattern.
enum IPAddressCheck {
    /// Every byte but `:`: the IPv6-after-label trigger starts only right after a colon.
    static let allButColon: ByteSet = {
        var set = ByteSet()
        for b in 0...255 where b != Int(UInt8(ascii: ":")) { set.insert(UInt8(b)) }
        return set
    }()

    /// What every address `isPlausibleIPv6` accepts holds: two colons within its first 10 bytes
    /// (`hhhh:hhhh:`, `hhhh::`, `::`), so a time (`18:03:58`) is dropped before the pattern runs.
    static let twoColons = Precondition(ByteSet(":"), atLeast: 2, within: 10)

    /// Every RFC 4291 text form, checked further by `isPlausibleIPv6`.
    static let ipv6Pattern = #"(?<![0-9A-Za-z_.])(?=[0-9A-Fa-f]{0,4}:)"#
        + #"(?:[0-9A-Fa-f]{1,4}+)?(?::{1,2}+[0-9A-Fa-f]{1,4}+){0,7}"#
        + "(?:::?" + ipv4Pattern + "|::)?"
        + #"(?![0-9A-Za-z_:]|\.[0-9])"#

    /// Whether the match follows `label:` where the label (letters, digits, `_`, `-`) holds a
    /// letter that is not a hex digit: `ip:`, `addr:`, `IPv6:`, but not `2001:` or `::`.
    static func followsLabel(_ context: MatchContext) -> Bool {
        var i = context.range.lowerBound - 1
        guard i >= 0, context.buffer[i] == UInt8(ascii: ":") else { return false }
        var sawNonHexLetter = false
        var length = 0
        i -= 1
        while i >= 0, length < 64 {
            let b = context.buffer[i]
            guard ByteSet.word.contains(b) || b == UInt8(ascii: "-") else { break }
            if ByteSet.letters.contains(b) && !ByteSet.hexDigits.contains(b) { sawNonHexLetter = true }
            length += 1
            i -= 1
        }
        return sawNonHexLetter
    }

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

/// MAC address rules: not all-zero or broadcast, not the middle of a longer hex run.
enum MACAddressCheck {
    static func verdict(_ context: MatchContext) -> Verdict {
        let hex = context.compacted().lowercased()
        if hex == "000000000000" || hex == "ffffffffffff" { return .reject }
        // After a separator, the word before it must not be a hex group (`ab:00:1a:...` is a
        // longer run); a label such as `mac:` or `hwaddr-` is fine.
        guard let before = context.before, before == UInt8(ascii: ":") || before == UInt8(ascii: "-")
                || before == UInt8(ascii: ".") else { return .accept }
        var i = context.range.lowerBound - 2
        var length = 0
        var allHex = true
        while i >= 0, ByteSet.word.contains(context.buffer[i]), length <= 4 {
            if !ByteSet.hexDigits.contains(context.buffer[i]) { allHex = false }
            length += 1
            i -= 1
        }
        return length == 0 || (allHex && length <= 4) ? .reject : .accept
    }
}

/// Date rules: a real calendar date with a plausible birth year.
enum DateOfBirthCheck {
    /// Macie's keywords and the usual variants.
    static let keywords = ["dob", "d.o.b", "date of birth", "birth date", "birthdate", "born", "birthday",
                           "bday", "b-day"]

    /// The first three letters of each month in lower, capitalized and upper case.
    static let monthLiterals: [String] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                          "oct", "nov", "dec"].flatMap { month in
        [month, month.prefix(1).uppercased() + month.dropFirst(), month.uppercased()]
    }

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
