/// One country's IBAN format, from the SWIFT IBAN registry (ISO 13616).
struct IBANCountry: Sendable, Hashable {
    /// The ISO 3166 country code that starts the IBAN (`DE`).
    let code: String
    /// The country as Macie's identifier ID spells it (`GERMANY` in `GERMANY_BANK_ACCOUNT_NUMBER`).
    let macieName: String
    /// The IBAN's length in characters, country code and check digits included.
    let length: Int
    /// The BBAN (what follows the check digits) in the registry's notation: runs of a count,
    /// `!` and a class, `n` digits, `a` upper-case letters, `c` letters or digits (`8!n10!n`).
    let bban: String

    /// Macie's managed data identifier ID for this country's IBANs.
    var identifierID: String { "\(macieName)_BANK_ACCOUNT_NUMBER" }
}

/// The IBAN formats of the 52 countries for which Macie has a `<COUNTRY>_BANK_ACCOUNT_NUMBER`
/// identifier.
enum IBANRegistry {
    static let countries: [IBANCountry] = [
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
        // The registry's Senegal example starts its BBAN with two letters (`SN08SN01...`).
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
}
