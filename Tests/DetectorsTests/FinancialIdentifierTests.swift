@testable import Detectors
import Testing

@Suite("Financial identifiers")
struct FinancialIdentifierTests {}

/// The printed IBAN form: groups of four separated by single spaces.
private func printed(_ iban: String) -> String {
    var out = ""
    for (index, character) in iban.enumerated() {
        if index > 0, index % 4 == 0 { out.append(" ") }
        out.append(character)
    }
    return out
}

private let card = "CREDIT_CARD_NUMBER"
private let cardNoKeyword = "CREDIT_CARD_NUMBER_(NO_KEYWORD)"

extension FinancialIdentifierTests {
    @Suite("CREDIT_CARD_NUMBER")
    struct CreditCardNumberTests {
        /// Synthetic numbers (computed Luhn check digit, issuer prefixes), one per accepted format.
        @Test("accepted formats", arguments: [
            "4000123456789017",          // Visa 16, plain
            "4000 1234 5678 9017",       // 4-4-4-4, spaces
            "4000-1234-5678-9017",       // 4-4-4-4, dashes
            "4000123456788",             // Visa 13
            "4000 1234 5678 8",          // 4-4-4-1
            "4000 1234 5678 9012 343",   // Visa 19, 4-4-4-4-3
            "3712 345678 90120",         // Amex 4-6-5
            "371234567890120",           // Amex plain
            "3012 345678 9019",          // Diners 14, 4-6-4
            "5500 1234 5678 9019",       // Mastercard 51-55
            "2230123456789013",          // Mastercard 2-series
            "3530123456789018",          // JCB
            "6512345678901239",          // Discover 65
            "6221234567890123450",       // UnionPay 19
            "6761123456789011",          // Maestro
        ])
        func acceptedFormat(number: String) throws {
            #expect(try values("card \(number) on file", card) == [number])
        }

        @Test("the finding's location and metadata")
        func location() throws {
            let findings = try scan("line one\nPaid with 4000 1234 5678 9017.", for: [card, cardNoKeyword])
            #expect(findings.count == 1)
            let finding = try #require(findings.first)
            #expect(finding.type == cardNoKeyword)
            #expect(finding.category == .financialInformation)
            #expect(finding.severity == .high)
            #expect(finding.location == .text(offset: 19, length: 19, line: 2, column: 11))
            #expect(finding.keyword == nil)
        }

        @Test("near misses are not reported", arguments: [
            "4000123456789018",          // Luhn failure (check digit mutated)
            "4000 1234 5678 9018",       // Luhn failure, grouped
            "9876543210123452",          // Luhn-valid, no issuer starts with 9
            "3712345678901234",          // Luhn-valid Amex prefix with 16 digits
            "5500123456789",             // Mastercard prefix, 13 digits
            "4000 1234-5678 9017",       // mixed separators
            "4000  1234 5678 9017",      // double space
            "40001234567890170000",      // 20 digits around a valid number
            "1234 4000 1234 5678 9017",  // a fifth group before a valid number
            "4000 1234 5678 9017 1234",  // a fifth four-digit group after it
            "x4000123456789017",         // glued to a word
            "4000123456789017x",
            "4000123456789017_1",
            "0.4000123456789017",        // a decimal
            "4000123456789017.25",
            "12-4000123456789017",       // continuing a dash-joined digit run
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, card).isEmpty)
        }

        @Test("issuers' test numbers are suppressed unless asked for", arguments: [
            "4111111111111111", "4111 1111 1111 1111", "4012-8888-8888-1881", "5555555555554444",
            "5105 1051 0510 5100", "378282246310005", "3714 496353 98431", "6011111111111117",
            "3530111333300000",
        ])
        func testCardSuppressed(number: String) throws {
            #expect(try values("card: \(number)", card).isEmpty)
            #expect(try values("card: \(number)", card, reportExamples: true) == [number])
        }

        @Test("every listed test number is Luhn-valid; the processors' are of a known network")
        func testNumbersAreWellFormed() {
            #expect(ManagedIdentifiers.macieReservedCardNumbers.count == 54)
            #expect(ManagedIdentifiers.cardTestNumbers.count >= 100)
            for number in ManagedIdentifiers.cardTestNumbers {
                #expect(Luhn.isValid(number.compactMap(\.wholeNumberValue)), "\(number)")
            }
            for number in ManagedIdentifiers.processorTestCardNumbers {
                #expect(PaymentCardNetwork.network(of: number.compactMap(\.wholeNumberValue)) != nil,
                        "\(number)")
            }
        }

        @Test("Macie's reserved test numbers are suppressed, with and without a keyword",
              arguments: ["2222405343248877", "4917610000000000003", "5506927427317625",
                          "630490017740292441", "36148900647913"])
        func macieReservedSuppressed(number: String) throws {
            #expect(try values("credit card \(number)", card).isEmpty)
            #expect(try values("ref \(number)", cardNoKeyword).isEmpty)
            #expect(try values("ref \(number)", cardNoKeyword, reportExamples: true) == [number])
        }

        @Test("two numbers on one line are two findings")
        func twoNumbers() throws {
            #expect(try values("4000123456789017 and 3712 345678 90120", cardNoKeyword)
                == ["4000123456789017", "3712 345678 90120"])
        }

        @Test("a number is reported under exactly one of the two IDs", arguments: [
            ("visa 4000123456789017", "CREDIT_CARD_NUMBER"),
            ("Credit Card: 4000 1234 5678 9017", "CREDIT_CARD_NUMBER"),
            ("cc # 4000-1234-5678-9017", "CREDIT_CARD_NUMBER"),
            ("PAN=4000123456789017", "CREDIT_CARD_NUMBER"),
            ("mastercard ending 5500 1234 5678 9019", "CREDIT_CARD_NUMBER"),
            ("ref 4000123456789017", "CREDIT_CARD_NUMBER_(NO_KEYWORD)"),
            ("order 4000 1234 5678 9017 shipped", "CREDIT_CARD_NUMBER_(NO_KEYWORD)"),
            // A keyword more than 30 bytes before the number does not count.
            ("card holder since 2019, address unknown, 4000123456789017",
             "CREDIT_CARD_NUMBER_(NO_KEYWORD)"),
        ])
        func exactlyOne(text: String, expected: String) throws {
            let found = try scan(text, for: [card, cardNoKeyword])
            #expect(found.map(\.type) == [expected])
        }

        @Test("a field name is a keyword", arguments: [
            ("credit_card", "CREDIT_CARD_NUMBER"), ("ccNumber", "CREDIT_CARD_NUMBER"),
            ("reference", "CREDIT_CARD_NUMBER_(NO_KEYWORD)"),
        ])
        func fieldName(name: String, expected: String) throws {
            var configuration = ScanConfiguration()
            configuration.include = [card, cardNoKeyword]
            let engine = try ScanEngine(configuration: configuration)
            var sink = FindingCollector()
            _ = engine.scan(record: [(name, "4000123456789017")], recordIndex: 0,
                            scratch: engine.makeScratch(), into: &sink)
            #expect(sink.findings.map(\.type) == [expected])
        }
    }
}

extension FinancialIdentifierTests {
    @Suite("IBAN identifiers")
    struct IBANTests {
        static let countries = IBANRegistry.countries.map(\.code)

        /// Macie's 52 country names, as REFERENCE-macie.md lists them.
        static let macieCountries = [
            "ALBANIA", "ANDORRA", "BOSNIA_AND_HERZEGOVINA", "BRAZIL", "BULGARIA", "COSTA_RICA",
            "CROATIA", "CYPRUS", "CZECH_REPUBLIC", "DENMARK", "DOMINICAN_REPUBLIC", "EGYPT",
            "ESTONIA", "FAROE_ISLANDS", "FINLAND", "FRANCE", "GEORGIA", "GERMANY", "GREECE",
            "GREENLAND", "HUNGARY", "ICELAND", "IRELAND", "ITALY", "JORDAN", "KOSOVO",
            "LIECHTENSTEIN", "LITHUANIA", "MALTA", "MAURITANIA", "MAURITIUS", "MONACO", "MONTENEGRO",
            "NETHERLANDS", "NORTH_MACEDONIA", "POLAND", "PORTUGAL", "SAN_MARINO", "SENEGAL",
            "SERBIA", "SLOVAKIA", "SLOVENIA", "SPAIN", "SWEDEN", "SWITZERLAND", "TIMOR_LESTE",
            "TUNISIA", "TURKIYE", "UK", "UKRAINE", "UNITED_ARAB_EMIRATES", "VIRGIN_ISLANDS",
        ]

        private static func country(_ code: String) throws -> IBANCountry {
            try #require(IBANRegistry.countries.first { $0.code == code })
        }

        private static func example(_ code: String) throws -> String {
            try #require(Mod97Vectors.registryExamples[code] ?? registryOnlyExamples[code])
        }

        /// The SWIFT IBAN registry's example IBAN for each registry country Macie has no
        /// identifier for (release 101, December 2025), keyed by country code.
        static let registryOnlyExamples: [String: String] = [
            "AT": "AT611904300234573201", "AZ": "AZ21NABZ00000000137010001944",
            "BH": "BH67BMAG00001299123456", "BY": "BY13NBRB3600900000002Z00AB00",
            "BE": "BE68539007547034", "BI": "BI4210000100010000332045181",
            "DJ": "DJ2100010000000154000100186", "SV": "SV62CENR00000000000000700025",
            "FK": "FK88SC123456789012", "GI": "GI75NWBK000000007099453",
            "GT": "GT82TRAJ01020000001210029690", "HN": "HN88CABF00000000000250005469",
            "IQ": "IQ98NBIQ850123456789012", "IL": "IL620108000000099999999",
            "KZ": "KZ86125KZT5004100100", "KW": "KW81CBKU0000000000001234560101",
            "LV": "LV80BANK0000435195001", "LB": "LB62099900000001001901229114",
            "LY": "LY83002048000020100120361", "LU": "LU280019400644750000",
            "MD": "MD24AG000225100013104168", "MN": "MN121234123456789123",
            "NI": "NI45BAPR00000013000003558124", "NO": "NO9386011117947",
            "OM": "OM810180000001299123456", "PK": "PK36SCBL0000001123456702",
            "PS": "PS92PALS000000000400123456702", "QA": "QA58DOHB00001234567890ABCDEFG",
            "RO": "RO49AAAA1B31007593840000", "RU": "RU0304452522540817810538091310419",
            "LC": "LC55HEMM000100010012001200023015", "ST": "ST32000200010192194210112",
            "SA": "SA0380000000608010167519", "SC": "SC18SSCB11010000000000001497USD",
            "SO": "SO211000001001000100141", "SD": "SD2129010501234001",
            "VA": "VA59001123000012345678", "YE": "YE15CBYE0001018861234567891234",
        ]

        @Test("one identifier per Macie country with Macie's ID, and one per other registry country")
        func identifiers() {
            let macieIDs = IBANRegistry.macieCountries.map(\.identifierID)
            #expect(Set(macieIDs) == Set(Self.macieCountries.map { "\($0)_BANK_ACCOUNT_NUMBER" }))
            #expect(macieIDs.count == 52)
            // The SWIFT registry's 89 countries, and Senegal.
            #expect(IBANRegistry.registryOnlyCountries.count == 38)
            #expect(Set(IBANRegistry.countries.map(\.code)).count == 90)
            #expect(Set(IBANRegistry.countries.map(\.identifierID)).count == 90)
            #expect(Set(IBANRegistry.registryOnlyCountries.map(\.code))
                == Set(Self.registryOnlyExamples.keys))
            #expect(ManagedIdentifiers.financial.count == 92)
            #expect(Set(ManagedIdentifiers.financial.map(\.id)).count == 92)
            #expect(ManagedIdentifiers.financial.allSatisfy { !$0.validation.isEmpty })
        }

        @Test("new countries are named in Macie's style", arguments: [
            ("SA", "SAUDI_ARABIA_BANK_ACCOUNT_NUMBER"), ("NO", "NORWAY_BANK_ACCOUNT_NUMBER"),
            ("SV", "EL_SALVADOR_BANK_ACCOUNT_NUMBER"), ("VA", "VATICAN_CITY_BANK_ACCOUNT_NUMBER"),
        ])
        func newNames(code: String, id: String) throws {
            #expect(try Self.country(code).identifierID == id)
        }

        @Test("each entry's BBAN notation agrees with its length", arguments: countries)
        func notationLength(code: String) throws {
            let country = try Self.country(code)
            #expect(IBANPattern.bbanClasses(country.bban).count == country.length - 4)
            #expect(try Self.example(code).count == country.length)
        }

        @Test("the registry example is found, compact", arguments: countries)
        func compact(code: String) throws {
            let country = try Self.country(code), iban = try Self.example(code)
            let findings = try scan("IBAN: \(iban).", for: [country.identifierID])
            #expect(findings.map(\.value) == [iban])
            #expect(findings.first?.category == .financialInformation)
            #expect(findings.first?.severity == .high)
        }

        @Test("the registry example is found, printed in groups of four", arguments: countries)
        func grouped(code: String) throws {
            let country = try Self.country(code), iban = printed(try Self.example(code))
            #expect(try values("pay to \(iban) today", country.identifierID) == [iban])
        }

        @Test("the registry example is found, in groups of four separated by dashes",
              arguments: countries)
        func dashed(code: String) throws {
            let country = try Self.country(code)
            let iban = String(printed(try Self.example(code)).map { $0 == " " ? "-" : $0 })
            #expect(try values("IBAN \(iban)", country.identifierID) == [iban])
        }

        @Test("mixed separators are not one IBAN")
        func mixedSeparators() throws {
            #expect(try values("DE89 3704-0044 0532 0130 00", "GERMANY_BANK_ACCOUNT_NUMBER").isEmpty)
            #expect(try values("GB29-NWBK-6016 1331-9268-19", "UK_BANK_ACCOUNT_NUMBER").isEmpty)
        }

        @Test("only the country's own identifier reports it", arguments: countries)
        func onlyItsCountry(code: String) throws {
            let country = try Self.country(code), iban = try Self.example(code)
            let findings = try scan(iban, for: ["FINANCIAL_INFORMATION"])
            #expect(findings.map(\.type) == [country.identifierID])
        }

        @Test("a mutated check digit is not reported", arguments: countries)
        func mutatedCheck(code: String) throws {
            let country = try Self.country(code), iban = Array(try Self.example(code))
            var mutated = iban
            mutated[3] = mutated[3] == "9" ? "0" : Character(String((mutated[3].wholeNumberValue ?? 0) + 1))
            #expect(try values(String(mutated), country.identifierID).isEmpty)
            #expect(try values(printed(String(mutated)), country.identifierID).isEmpty)
        }

        @Test("one character too few or too many is not reported", arguments: countries)
        func wrongLength(code: String) throws {
            let country = try Self.country(code), iban = try Self.example(code)
            // Keep the check valid so only the length is wrong: recompute it for the new BBAN.
            for bban in [String(iban.dropFirst(4).dropLast()), String(iban.dropFirst(4)) + "0"] {
                let check = try #require(Mod97.ibanCheckDigits(countryCode: code, bban: bban))
                let candidate = code + check + bban
                #expect(Mod97.isValidIBAN(candidate))
                #expect(try values(candidate, country.identifierID).isEmpty, "\(candidate)")
                // Printed, a one-character-too-long IBAN of a length that is a multiple of four is
                // a full-length IBAN and one more word, which a 1-in-97 chance makes valid (TN).
                if candidate.count < country.length || country.length % 4 != 0 {
                    #expect(try values(printed(candidate), country.identifierID).isEmpty, "\(candidate)")
                }
            }
        }

        @Test("German IBAN near misses", arguments: [
            "DE89370400440532013001",         // BBAN digit mutated
            "DE89 3704 0044 0532 0130 0",     // a printed group short
            "DE89 37040044 0532 0130 00",     // groups not of four
            "DE89  3704 0044 0532 0130 00",   // double space
            "DE8937040044053201300A",         // a letter where the registry has digits
            "XDE89370400440532013000",        // glued to a word
            "DE89370400440532013000X",
            "de89370400440532013000",         // lower-case country code
        ])
        func germanNearMiss(text: String) throws {
            #expect(try values(text, "GERMANY_BANK_ACCOUNT_NUMBER").isEmpty)
        }

        @Test("a synthetic IBAN with computed check digits is found")
        func synthetic() throws {
            let bban = "AAAA12345612345678"
            let check = try #require(Mod97.ibanCheckDigits(countryCode: "GB", bban: bban))
            let iban = "GB" + check + bban
            #expect(try values("sort code and account: \(iban)", "UK_BANK_ACCOUNT_NUMBER") == [iban])
        }
    }
}
