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
            let findings = try scan("line one\nPaid with 4000 1234 5678 9017.", for: [card])
            #expect(findings.count == 1)
            let finding = try #require(findings.first)
            #expect(finding.type == card)
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

        @Test("every listed test number is a Luhn-valid number of a known network")
        func testNumbersAreWellFormed() {
            #expect(ManagedIdentifiers.cardTestNumbers.count >= 55)
            for number in ManagedIdentifiers.cardTestNumbers {
                let digits = number.compactMap(\.wholeNumberValue)
                #expect(Luhn.isValid(digits), "\(number)")
                #expect(PaymentCardNetwork.network(of: digits) != nil, "\(number)")
            }
        }

        @Test("two numbers on one line are two findings")
        func twoNumbers() throws {
            #expect(try values("4000123456789017 and 3712 345678 90120", card)
                == ["4000123456789017", "3712 345678 90120"])
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
            try #require(Mod97Vectors.registryExamples[code])
        }

        @Test("one identifier per Macie country, with Macie's ID")
        func identifiers() {
            let ids = IBANRegistry.countries.map(\.identifierID)
            #expect(Set(ids) == Set(Self.macieCountries.map { "\($0)_BANK_ACCOUNT_NUMBER" }))
            #expect(ids.count == 52)
            #expect(Set(IBANRegistry.countries.map(\.code)).count == 52)
            #expect(ManagedIdentifiers.financial.count == 53)
            #expect(Set(ManagedIdentifiers.financial.map(\.id)).count == 53)
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
