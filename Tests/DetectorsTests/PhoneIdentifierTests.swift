import Testing
@testable import Detectors

// Country phone numbers. Every test scans with all seven phone identifiers at once, so that a
// number reported under two IDs (or under the wrong one) fails. Values are synthetic: NANP
// 555-01xx, Ofcom's drama ranges (020 7946 0xxx, 0161 496 0xxx, 01632 960xxx, 07700 900xxx)
// and made-up digits elsewhere.

let phoneIDs: Set<String> = ["PHONE_NUMBER", "BRAZIL_PHONE_NUMBER", "FRANCE_PHONE_NUMBER",
                             "GERMANY_PHONE_NUMBER", "ITALY_PHONE_NUMBER", "SPAIN_PHONE_NUMBER",
                             "UK_PHONE_NUMBER"]

/// The (type, value) pairs the phone identifiers report in `text`.
func phoneFindings(_ text: String) throws -> [String] {
    try findings(phoneIDs, in: text).map { "\($0.type) \($0.value ?? "")" }
}

@Suite("Country phone numbers with a country code")
struct PhoneInternationalTests {
    @Test("the calling code names the identifier; no keyword needed", arguments: [
        ("+55 11 91234-5678", "BRAZIL_PHONE_NUMBER"),
        ("+55 (21) 3456-7890", "BRAZIL_PHONE_NUMBER"),
        ("+5511912345678", "BRAZIL_PHONE_NUMBER"),
        ("0055 11 91234 5678", "BRAZIL_PHONE_NUMBER"),
        ("+33 1 23 45 67 89", "FRANCE_PHONE_NUMBER"),
        ("+33 (0)6 12 34 56 78", "FRANCE_PHONE_NUMBER"),
        ("+33612345678", "FRANCE_PHONE_NUMBER"),
        ("0033 1 23 45 67 89", "FRANCE_PHONE_NUMBER"),
        ("00 33 6 12 34 56 78", "FRANCE_PHONE_NUMBER"),
        ("+49 30 12345678", "GERMANY_PHONE_NUMBER"),
        ("(+49) 30 123456", "GERMANY_PHONE_NUMBER"),
        ("+49 151 23456789", "GERMANY_PHONE_NUMBER"),
        ("+49 (0)89 1234567", "GERMANY_PHONE_NUMBER"),
        ("0049 30 12345678", "GERMANY_PHONE_NUMBER"),
        ("+39 06 1234 5678", "ITALY_PHONE_NUMBER"),
        ("+39 347 123 4567", "ITALY_PHONE_NUMBER"),
        ("0039 02 12345678", "ITALY_PHONE_NUMBER"),
        ("+34 612 345 678", "SPAIN_PHONE_NUMBER"),
        ("+34 91 234 56 78", "SPAIN_PHONE_NUMBER"),
        ("0034 912345678", "SPAIN_PHONE_NUMBER"),
        ("+44 20 7946 0958", "UK_PHONE_NUMBER"),
        ("+44 (0)20 7946 0958", "UK_PHONE_NUMBER"),
        ("(+44) (0)20 7946 0958", "UK_PHONE_NUMBER"),   // `(+CC)` then a parenthesized group
        ("(+44)(0)161 496 0123", "UK_PHONE_NUMBER"),
        ("(+33) (0)1 23 45 67 89", "FRANCE_PHONE_NUMBER"),
        ("(+49) (0)40 291889", "GERMANY_PHONE_NUMBER"),
        ("(+55) (65) 99866-9941", "BRAZIL_PHONE_NUMBER"),
        ("+44 7700 900123", "UK_PHONE_NUMBER"),
        ("+441632960123", "UK_PHONE_NUMBER"),
        ("0044 161 496 0123", "UK_PHONE_NUMBER"),
        ("+1 212 555 0143", "PHONE_NUMBER"),
        ("001 212 555 0143", "PHONE_NUMBER"),
        ("+353 1 234 5678", "PHONE_NUMBER"),
        ("+61 2 9876 5432", "PHONE_NUMBER"),
    ])
    func routed(number: String, id: String) throws {
        #expect(try phoneFindings("ref \(number) end") == ["\(id) \(number)"])
    }

    @Test("a number in parentheses is reported without them") func parenthesized() throws {
        #expect(try phoneFindings("(+44 20 7946 0958)") == ["UK_PHONE_NUMBER +44 20 7946 0958"])
    }

    @Test("numbers that do not fit the country's plan", arguments: [
        "+33 1 23 45 67",            // France: 9 digits after +33
        "+33 1 23 45 67 89 1",
        "+33 0 23 45 67 89",
        "+34 512 345 678",           // Spain: first digit 6-9
        "+34 612 345 67",
        "+44 20 7946 095",           // UK: 10 digits after +44
        "+44 4 7946 0958 1",         // UK: no 04 prefix
        "+44 60 7946 0958",
        "+49 12 3456789",            // Germany: 1x only for mobiles
        "+49 30 12",                 // too short
        "+39 512 345 6789",          // Italy: 0 (fixed) or 3 (mobile)
        "+39 347 123",
        "+55 10 91234-5678",         // Brazil: area code 10 does not exist
        "+55 11 81234-5678",         // 9 digits must start with 9
        "+55 11 1234-5678",          // 8 digits must start with 2-5
        "+1 123 555 0143",           // NANP area code
        "0031 20 123 4567",          // 00 only before Macie's codes
        "0061 2 9876 5432",
        "00 3 31 23 45 67 89",
        "+999 1234 5678",
        "(+44) (0)20 7946 095",      // the parenthesized group changes nothing else
        "(+55) (10) 91234-5678",
    ])
    func rejected(number: String) throws {
        #expect(try phoneFindings("phone: \(number)").isEmpty)
    }
}

@Suite("Country phone numbers without a country code")
struct PhoneNationalTests {
    @Test("national forms near a keyword", arguments: [
        // Brazil
        ("telefone: (11) 91234-5678", "BRAZIL_PHONE_NUMBER", "(11) 91234-5678"),
        ("celular (21)98765-4321", "BRAZIL_PHONE_NUMBER", "(21)98765-4321"),
        ("fone 11 3456-7890", "BRAZIL_PHONE_NUMBER", "11 3456-7890"),
        ("phone: (48) 3222 1234", "BRAZIL_PHONE_NUMBER", "(48) 3222 1234"),
        ("cel 11 9 8765-4321", "BRAZIL_PHONE_NUMBER", "11 9 8765-4321"),
        // France
        ("téléphone : 01 23 45 67 89", "FRANCE_PHONE_NUMBER", "01 23 45 67 89"),
        ("Tél. 06.12.34.56.78", "FRANCE_PHONE_NUMBER", "06.12.34.56.78"),
        ("portable 07-12-34-56-78", "FRANCE_PHONE_NUMBER", "07-12-34-56-78"),
        ("phone 0912345678", "FRANCE_PHONE_NUMBER", "0912345678"),
        // Germany
        ("Telefon: 030 12345678", "GERMANY_PHONE_NUMBER", "030 12345678"),
        ("Tel. 030/1234567", "GERMANY_PHONE_NUMBER", "030/1234567"),
        ("Handy 0151 23456789", "GERMANY_PHONE_NUMBER", "0151 23456789"),
        ("mobil: 0171-2345678", "GERMANY_PHONE_NUMBER", "0171-2345678"),
        ("Rufnummer (089) 1234567", "GERMANY_PHONE_NUMBER", "(089) 1234567"),
        ("fax 02232 123456", "GERMANY_PHONE_NUMBER", "02232 123456"),
        ("handy 015123456789", "GERMANY_PHONE_NUMBER", "015123456789"),
        // Italy
        ("telefono: 06 1234 5678", "ITALY_PHONE_NUMBER", "06 1234 5678"),
        ("tel 02 12345678", "ITALY_PHONE_NUMBER", "02 12345678"),
        ("telefono 011 123 4567", "ITALY_PHONE_NUMBER", "011 123 4567"),
        ("cellulare 347 1234567", "ITALY_PHONE_NUMBER", "347 1234567"),
        ("cell. 333 123 4567", "ITALY_PHONE_NUMBER", "333 123 4567"),   // not NANP: exchange 1xx
        ("cellulare 347-2230904", "ITALY_PHONE_NUMBER", "347-2230904"),   // `-` once read as a range
        ("telefono 06/12345678", "ITALY_PHONE_NUMBER", "06/12345678"),
        // Spain
        ("teléfono: 612 345 678", "SPAIN_PHONE_NUMBER", "612 345 678"),
        ("móvil 612345678", "SPAIN_PHONE_NUMBER", "612345678"),
        ("tel. 912 34 56 78", "SPAIN_PHONE_NUMBER", "912 34 56 78"),
        ("tlf 91 234 56 78", "SPAIN_PHONE_NUMBER", "91 234 56 78"),
        // UK
        ("phone: 020 7946 0958", "UK_PHONE_NUMBER", "020 7946 0958"),
        ("tel 0161 496 0123", "UK_PHONE_NUMBER", "0161 496 0123"),
        ("mobile 07700 900123", "UK_PHONE_NUMBER", "07700 900123"),
        ("mob: 07700 900 456", "UK_PHONE_NUMBER", "07700 900 456"),
        ("tel (01632) 960123", "UK_PHONE_NUMBER", "(01632) 960123"),
        ("landline 01632960001", "UK_PHONE_NUMBER", "01632960001"),
        // US and Canada
        ("phone: 212 555 0143", "PHONE_NUMBER", "212 555 0143"),
        ("cell 2125550143", "PHONE_NUMBER", "2125550143"),
    ])
    func national(text: String, id: String, value: String) throws {
        #expect(try phoneFindings(text) == ["\(id) \(value)"])
    }

    @Test("national forms need a keyword", arguments: [
        "(11) 91234-5678", "01 23 45 67 89", "030 12345678", "0151 23456789", "06 1234 5678",
        "347 1234567", "612 345 678", "020 7946 0958", "07700 900123", "212 555 0143",
    ])
    func needKeyword(number: String) throws {
        #expect(try phoneFindings("order \(number)").isEmpty)
    }

    @Test("a field named after a phone makes national numbers eligible") func fieldName() throws {
        var configuration = ScanConfiguration()
        configuration.include = phoneIDs
        let engine = try ScanEngine(configuration: configuration)
        var sink = FindingCollector()
        _ = engine.scan(record: [("telefono", "06 1234 5678"), ("orderId", "06 1234 5678")], recordIndex: 0,
                        scratch: engine.makeScratch(), into: &sink)
        #expect(sink.findings.map(\.type) == ["ITALY_PHONE_NUMBER"])
    }

    @Test("wrong lengths and prefixes are nobody's number", arguments: [
        "01 23 45 67 8",             // France, 9 digits
        "01 23 45 67 89 10",         // 12 digits in pairs
        "00 23 45 67 89",            // 00 is the international prefix
        "020 7946 09581",            // UK, 12 digits
        "020 7946 095",              // UK, 10 digits in the 3-4-4 shape
        "04 12 34 56 78 9",
        "512 345 678",               // Spain: first digit 6-9
        "612 345 67",
        "(10) 91234-5678",           // Brazil: no area code 10
        "(11) 81234-5678",
        "(11) 1234-5678",            // landline must start 2-5
        "0012 3456789",
        "030 12",                    // too short
        "0151 234567890123",         // too long
        "123-456-7890",              // NANP area code 1xx
        "2024-01-15",                // dates, versions, addresses, cards
        "15.01.2024",
        "10.2.345.6789",
        "192.168.100.200",
        "4111 1111 1111 1111",
        "1234567890123",
    ])
    func nobodys(number: String) throws {
        #expect(try phoneFindings("phone: \(number)").isEmpty)
    }

    @Test("the tail of a longer number is not a number", arguments: [
        "phone: 4111 0612345678",    // a digit group and a separator before
        "phone: +34 612 345 678 9",
        "tel 12 01 23 45 67 89",
        "tel (12) 0612345678",
    ])
    func tails(text: String) throws {
        #expect(try phoneFindings(text).isEmpty)
    }

    @Test("a separate label in parentheses does not hide a number") func labelInParentheses() throws {
        #expect(try phoneFindings("Tel (mobile) 06 12 34 56 78") == ["FRANCE_PHONE_NUMBER 06 12 34 56 78"])
    }
}

@Suite("Phone classifier")
struct PhoneClassifierTests {
    @Test("shapes two plans share go to one country", arguments: [
        ("0612345678", PhoneNumbering.Country.france),   // compact 10 digits: France
        ("03012345678", .uk),                            // compact 11 digits: UK
        ("347 456 7890", .nanp),                          // a valid NANP number
        ("347 156 7890", .italy),                         // not NANP: exchange 1xx
        ("030 1234 5678", .italy),                        // grouped subscriber: Italy
        ("030 12345678", .germany),                       // one subscriber block: Germany
        ("07031 123456", .uk),                            // 5-6 starting 07: UK
        ("06 12 34 56 78", .france),
        ("06 1234 5678", .italy),
    ])
    func partition(text: String, country: PhoneNumbering.Country) {
        #expect(PhoneNumbering.classify(Array(text.utf8))?.0 == country)
    }

    @Test("every phone identifier runs the same pattern") func sharedPattern() {
        let phones = ManagedIdentifiers.all.filter { phoneIDs.contains($0.id) }
        #expect(phones.count == 7)
        #expect(phones.allSatisfy { $0.pattern.hasSuffix(PhoneNumbering.pattern) })
        #expect(phones.allSatisfy { !$0.validation.isEmpty })
    }
}
