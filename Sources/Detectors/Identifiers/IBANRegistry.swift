/// One country's IBAN format, from the SWIFT IBAN registry (ISO 13616).
struct IBANCountry: Sendable, Hashable {
    /// The ISO 3166 country code that starts the IBAN (`DE`).
    let code: String
    /// The country as the identifier ID spells it (`GERMANY` in `GERMANY_BANK_ACCOUNT_NUMBER`):
    /// Macie's name where Macie has the identifier, otherwise one in Macie's style.
    let macieName: String
    /// The IBAN's length in characters, country code and check digits included.
    let length: Int
    /// The BBAN (what follows the check digits) in the registry's notation: runs of a count,
    /// `!` and a class, `n` digits, `a` upper-case letters, `c` letters or digits (`8!n10!n`).
    let bban: String

    /// Macie's managed data identifier ID for this country's IBANs.
    var identifierID: String { "\(macieName)_BANK_ACCOUNT_NUMBER" }
}

/// The IBAN formats of every country in the SWIFT IBAN registry (release 101, December 2025:
/// 89 countries) and Senegal, which Macie covers although the registry does not list it.
enum IBANRegistry {
    /// Every country with a `<COUNTRY>_BANK_ACCOUNT_NUMBER` identifier: Macie's, then the rest of
    /// the registry.
    static let countries: [IBANCountry] = macieCountries + registryOnlyCountries

    /// The 52 countries for which Macie has an identifier, named as Macie names them.
    static let macieCountries: [IBANCountry] = [
        IBANCountry(code: "AL", macieName: "ALBANIA", length: 28, bban: "8!n16!c"),
        IBANCountry(code: "AD", macieName: "ANDORRA", length: 24, bban: "4!n4!n12!c"),
        IBANCountry(code: "BA", macieName: "BOSNIA_AND_HERZEGOVINA", length: 20, bban: "3!n3!n8!n2!n"),
        IBANCountry(code: "BR", macieName: "BRAZIL", length: 29, bban: "8!n5!n10!n1!a1!c"),
        IBANCountry(code: "BG", macieName: "BULGARIA", length: 22, bban: "4!a4!n2!n8!c"),
        IBANCountry(code: "CR", macieName: "COSTA_RICA", length: 22, bban: "4!n14!n"),
        IBANCountry(code: "HR", macieName: "CROATIA", length: 21, bban: "7!n10!n"),
        IBANCountry(code: "CY", macieName: "CYPRUS", length: 28, bban: "3!n5!n16!c"),
        IBANCountry(code: "CZ", macieName: "CZECH_REPUBLIC", length: 24, bban: "4!n6!n10!n"),
        IBANCountry(code: "DK", macieName: "DENMARK", length: 18, bban: "4!n9!n1!n"),
        IBANCountry(code: "DO", macieName: "DOMINICAN_REPUBLIC", length: 28, bban: "4!c20!n"),
        IBANCountry(code: "EG", macieName: "EGYPT", length: 29, bban: "4!n4!n17!n"),
        IBANCountry(code: "EE", macieName: "ESTONIA", length: 20, bban: "2!n14!n"),
        IBANCountry(code: "FO", macieName: "FAROE_ISLANDS", length: 18, bban: "4!n9!n1!n"),
        IBANCountry(code: "FI", macieName: "FINLAND", length: 18, bban: "3!n11!n"),
        IBANCountry(code: "FR", macieName: "FRANCE", length: 27, bban: "5!n5!n11!c2!n"),
        IBANCountry(code: "GE", macieName: "GEORGIA", length: 22, bban: "2!a16!n"),
        IBANCountry(code: "DE", macieName: "GERMANY", length: 22, bban: "8!n10!n"),
        IBANCountry(code: "GR", macieName: "GREECE", length: 27, bban: "3!n4!n16!c"),
        IBANCountry(code: "GL", macieName: "GREENLAND", length: 18, bban: "4!n9!n1!n"),
        IBANCountry(code: "HU", macieName: "HUNGARY", length: 28, bban: "3!n4!n1!n15!n1!n"),
        IBANCountry(code: "IS", macieName: "ICELAND", length: 26, bban: "4!n2!n6!n10!n"),
        IBANCountry(code: "IE", macieName: "IRELAND", length: 22, bban: "4!a6!n8!n"),
        IBANCountry(code: "IT", macieName: "ITALY", length: 27, bban: "1!a5!n5!n12!c"),
        IBANCountry(code: "JO", macieName: "JORDAN", length: 30, bban: "4!a4!n18!c"),
        IBANCountry(code: "XK", macieName: "KOSOVO", length: 20, bban: "4!n10!n2!n"),
        IBANCountry(code: "LI", macieName: "LIECHTENSTEIN", length: 21, bban: "5!n12!c"),
        IBANCountry(code: "LT", macieName: "LITHUANIA", length: 20, bban: "5!n11!n"),
        IBANCountry(code: "MT", macieName: "MALTA", length: 31, bban: "4!a5!n18!c"),
        IBANCountry(code: "MR", macieName: "MAURITANIA", length: 27, bban: "5!n5!n11!n2!n"),
        IBANCountry(code: "MU", macieName: "MAURITIUS", length: 30, bban: "4!a2!n2!n12!n3!n3!a"),
        IBANCountry(code: "MC", macieName: "MONACO", length: 27, bban: "5!n5!n11!c2!n"),
        IBANCountry(code: "ME", macieName: "MONTENEGRO", length: 22, bban: "3!n13!n2!n"),
        IBANCountry(code: "NL", macieName: "NETHERLANDS", length: 18, bban: "4!a10!n"),
        IBANCountry(code: "MK", macieName: "NORTH_MACEDONIA", length: 19, bban: "3!n10!c2!n"),
        IBANCountry(code: "PL", macieName: "POLAND", length: 28, bban: "8!n16!n"),
        IBANCountry(code: "PT", macieName: "PORTUGAL", length: 25, bban: "4!n4!n11!n2!n"),
        IBANCountry(code: "SM", macieName: "SAN_MARINO", length: 27, bban: "1!a5!n5!n12!c"),
        // Not in the SWIFT registry; Senegal's published example (`SN08SN01...`) starts its BBAN
        // with two letters.
        IBANCountry(code: "SN", macieName: "SENEGAL", length: 28, bban: "2!c22!n"),
        IBANCountry(code: "RS", macieName: "SERBIA", length: 22, bban: "3!n13!n2!n"),
        IBANCountry(code: "SK", macieName: "SLOVAKIA", length: 24, bban: "4!n6!n10!n"),
        IBANCountry(code: "SI", macieName: "SLOVENIA", length: 19, bban: "5!n8!n2!n"),
        IBANCountry(code: "ES", macieName: "SPAIN", length: 24, bban: "4!n4!n1!n1!n10!n"),
        IBANCountry(code: "SE", macieName: "SWEDEN", length: 24, bban: "3!n16!n1!n"),
        IBANCountry(code: "CH", macieName: "SWITZERLAND", length: 21, bban: "5!n12!c"),
        IBANCountry(code: "TL", macieName: "TIMOR_LESTE", length: 23, bban: "3!n14!n2!n"),
        IBANCountry(code: "TN", macieName: "TUNISIA", length: 24, bban: "2!n3!n13!n2!n"),
        IBANCountry(code: "TR", macieName: "TURKIYE", length: 26, bban: "5!n1!n16!c"),
        IBANCountry(code: "GB", macieName: "UK", length: 22, bban: "4!a6!n8!n"),
        IBANCountry(code: "UA", macieName: "UKRAINE", length: 29, bban: "6!n19!c"),
        IBANCountry(code: "AE", macieName: "UNITED_ARAB_EMIRATES", length: 23, bban: "3!n16!n"),
        IBANCountry(code: "VG", macieName: "VIRGIN_ISLANDS", length: 24, bban: "4!a16!n"),
    ]

    /// The registry's other countries, named in Macie's style (the English short name in upper
    /// snake case, as in `SAUDI_ARABIA_BANK_ACCOUNT_NUMBER`).
    static let registryOnlyCountries: [IBANCountry] = [
        IBANCountry(code: "AT", macieName: "AUSTRIA", length: 20, bban: "5!n11!n"),
        IBANCountry(code: "AZ", macieName: "AZERBAIJAN", length: 28, bban: "4!a20!c"),
        IBANCountry(code: "BH", macieName: "BAHRAIN", length: 22, bban: "4!a14!c"),
        IBANCountry(code: "BY", macieName: "BELARUS", length: 28, bban: "4!c4!n16!c"),
        IBANCountry(code: "BE", macieName: "BELGIUM", length: 16, bban: "3!n7!n2!n"),
        IBANCountry(code: "BI", macieName: "BURUNDI", length: 27, bban: "5!n5!n11!n2!n"),
        IBANCountry(code: "DJ", macieName: "DJIBOUTI", length: 27, bban: "5!n5!n11!n2!n"),
        IBANCountry(code: "SV", macieName: "EL_SALVADOR", length: 28, bban: "4!a20!n"),
        IBANCountry(code: "FK", macieName: "FALKLAND_ISLANDS", length: 18, bban: "2!a12!n"),
        IBANCountry(code: "GI", macieName: "GIBRALTAR", length: 23, bban: "4!a15!c"),
        IBANCountry(code: "GT", macieName: "GUATEMALA", length: 28, bban: "4!c20!c"),
        IBANCountry(code: "HN", macieName: "HONDURAS", length: 28, bban: "4!a20!n"),
        IBANCountry(code: "IQ", macieName: "IRAQ", length: 23, bban: "4!a3!n12!n"),
        IBANCountry(code: "IL", macieName: "ISRAEL", length: 23, bban: "3!n3!n13!n"),
        IBANCountry(code: "KZ", macieName: "KAZAKHSTAN", length: 20, bban: "3!n13!c"),
        IBANCountry(code: "KW", macieName: "KUWAIT", length: 30, bban: "4!a22!c"),
        IBANCountry(code: "LV", macieName: "LATVIA", length: 21, bban: "4!a13!c"),
        IBANCountry(code: "LB", macieName: "LEBANON", length: 28, bban: "4!n20!c"),
        IBANCountry(code: "LY", macieName: "LIBYA", length: 25, bban: "3!n3!n15!n"),
        IBANCountry(code: "LU", macieName: "LUXEMBOURG", length: 20, bban: "3!n13!c"),
        IBANCountry(code: "MD", macieName: "MOLDOVA", length: 24, bban: "2!c18!c"),
        IBANCountry(code: "MN", macieName: "MONGOLIA", length: 20, bban: "4!n12!n"),
        IBANCountry(code: "NI", macieName: "NICARAGUA", length: 28, bban: "4!a20!n"),
        IBANCountry(code: "NO", macieName: "NORWAY", length: 15, bban: "4!n6!n1!n"),
        IBANCountry(code: "OM", macieName: "OMAN", length: 23, bban: "3!n16!c"),
        IBANCountry(code: "PK", macieName: "PAKISTAN", length: 24, bban: "4!a16!c"),
        IBANCountry(code: "PS", macieName: "PALESTINE", length: 29, bban: "4!a21!c"),
        IBANCountry(code: "QA", macieName: "QATAR", length: 29, bban: "4!a21!c"),
        IBANCountry(code: "RO", macieName: "ROMANIA", length: 24, bban: "4!a16!c"),
        IBANCountry(code: "RU", macieName: "RUSSIA", length: 33, bban: "9!n5!n15!c"),
        IBANCountry(code: "LC", macieName: "SAINT_LUCIA", length: 32, bban: "4!a24!c"),
        IBANCountry(code: "ST", macieName: "SAO_TOME_AND_PRINCIPE", length: 25, bban: "4!n4!n11!n2!n"),
        IBANCountry(code: "SA", macieName: "SAUDI_ARABIA", length: 24, bban: "2!n18!c"),
        IBANCountry(code: "SC", macieName: "SEYCHELLES", length: 31, bban: "4!a2!n2!n16!n3!a"),
        IBANCountry(code: "SO", macieName: "SOMALIA", length: 23, bban: "4!n3!n12!n"),
        IBANCountry(code: "SD", macieName: "SUDAN", length: 18, bban: "2!n12!n"),
        IBANCountry(code: "VA", macieName: "VATICAN_CITY", length: 22, bban: "3!n15!n"),
        IBANCountry(code: "YE", macieName: "YEMEN", length: 30, bban: "4!a4!n18!c"),
    ]
}
