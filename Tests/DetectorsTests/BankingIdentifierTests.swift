@testable import Detectors
import Testing

@Suite("Banking identifiers")
struct BankingIdentifierTests {
    @Test("every banking identifier has a keyword list, a summary and a validation")
    func definitions() {
        for identifier in ManagedIdentifiers.banking {
            #expect(!identifier.keywords.isEmpty, "\(identifier.id)")
            #expect(!identifier.summary.isEmpty, "\(identifier.id)")
            #expect(!identifier.validation.isEmpty, "\(identifier.id)")
            #expect(identifier.keywords.allSatisfy { $0 == $0.lowercased() }, "\(identifier.id)")
        }
    }
}

extension BankingIdentifierTests {
    @Suite("CREDIT_CARD_EXPIRATION")
    struct ExpirationTests {
        static let id = "CREDIT_CARD_EXPIRATION"

        @Test("accepted forms near a keyword", arguments: [
            ("exp: 12/27", "12/27"),
            ("Expiry 01/2030", "01/2030"),
            ("expiration date: 3-28", "3-28"),
            ("valid thru 09 / 26", "09 / 26"),
            ("EXP DATE 11-2029", "11-2029"),
            ("expiry Feb 2026", "Feb 2026"),
            ("expiry: September, 2027", "September, 2027"),
            ("exp m/y: jan/29", "jan/29"),
            ("card_expiry=07/31", "07/31"),
        ])
        func accepted(text: String, value: String) throws {
            #expect(try values(text, Self.id) == [value])
        }

        @Test("near misses are not reported", arguments: [
            "12/27",                    // no keyword
            "shipped 12/27",
            "expiry: 13/27",            // month 13
            "expiry: 00/27",            // month 0
            "expiry: 12/25/2027",       // a full date
            "expiry: 2027-12",          // year first
            "expiry: 12/2",             // one-digit year
            "expiry: 12/275",           // three-digit year
            "expiry: 1.12/27",          // inside a number
            "expiry: Febx 2026",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, Self.id).isEmpty)
        }
    }

    @Suite("CREDIT_CARD_SECURITY_CODE")
    struct SecurityCodeTests {
        static let id = "CREDIT_CARD_SECURITY_CODE"

        @Test("accepted forms near a keyword", arguments: [
            ("cvv: 123", "123"), ("CVC2 0456", "0456"), ("security code 7890", "7890"),
            ("Card Verification Value: 321", "321"), ("cvv2=987", "987"), ("\"cvc\": \"042\"", "042"),
        ])
        func accepted(text: String, value: String) throws {
            #expect(try values(text, Self.id) == [value])
        }

        @Test("near misses are not reported", arguments: [
            "code 123",                 // no keyword
            "cvv: 12345",               // five digits
            "cvv: 12",                  // two digits
            "cvv: 1.234",               // a decimal
            "cvv 123 4000 1234 5678 9017", // a group of a longer digit run
            "cvv: 4000 1234",
            "cvv: exp 12/2027",         // a year after a slash
            "cvv: 123-45-6789",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, Self.id).isEmpty)
        }
    }

    @Suite("CREDIT_CARD_MAGNETIC_STRIPE")
    struct MagneticStripeTests {
        static let id = "CREDIT_CARD_MAGNETIC_STRIPE"

        @Test("framed tracks are reported without a keyword", arguments: [
            "%B4000123456789017^DOE/JOHN^28121010000000000000000?",
            "%B5500123456789019^SMITH/ANNA M.^2601101123456789012345?",
            ";4000123456789017=28121010000000000?",
            ";5500123456789019=2601101000?",
        ])
        func framed(track: String) throws {
            #expect(try values("log: \(track) end", Self.id) == [track])
        }

        @Test("unframed tracks are reported near a keyword only", arguments: [
            "B4000123456789017^DOE/JOHN^28121010000000000",
            "4000123456789017=28121010000000000",
            "%B4000123456789017^DOE/JOHN^2812101000000",
        ])
        func unframed(track: String) throws {
            #expect(try values("swipe data: \(track)", Self.id) == [track])
            #expect(try values("data: \(track)", Self.id).isEmpty)
        }

        @Test("near misses are not reported", arguments: [
            "%B4000123456789018^DOE/JOHN^28121010000000000000000?",  // Luhn failure
            "%B9876543210123452^DOE/JOHN^28121010000000000000000?",  // no issuer starts with 9
            "%B4000123456789017^DOE/JOHN^28131010000000000000000?",  // month 13
            ";4000123456789017=2800101000?",                          // month 00
            ";4000123456789017=281210?",                              // no service code
            "%B4000123456789017^^28121010000?",                       // no name
        ])
        func nearMiss(track: String) throws {
            #expect(try values("magstripe \(track)", Self.id).isEmpty)
        }

        @Test("an issuer's test number is an example value")
        func testCard() throws {
            let track = ";4111111111111111=28121010000000000?"
            #expect(try values(track, Self.id).isEmpty)
            #expect(try values(track, Self.id, reportExamples: true) == [track])
        }
    }
}

extension BankingIdentifierTests {
    @Suite("BANK_ACCOUNT_NUMBER")
    struct BankAccountTests {
        static let id = "BANK_ACCOUNT_NUMBER"

        @Test("accepted forms near a keyword", arguments: [
            ("bank account: 123456789", "123456789"),
            ("Checking Acct 00012345678901234", "00012345678901234"),
            ("savings account no. 9876543210", "9876543210"),
            ("chequing account 12345-003-1234567", "12345-003-1234567"),
            ("deposit acct: 23456-010-123456789012", "23456-010-123456789012"),
        ])
        func accepted(text: String, value: String) throws {
            #expect(try values(text, Self.id) == [value])
        }

        @Test("near misses are not reported", arguments: [
            "123456789012",                    // no keyword
            "bank account: 12345678",          // 8 digits
            "bank account: 123456789012345678", // 18 digits
            "bank account: 111111111",         // one repeated digit
            "bank account: 1234 5678 9012",    // spaces
            "bank account: 12345-03-1234567",  // a short institution
            "bank account: x123456789",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, Self.id).isEmpty)
        }
    }

    @Suite("BBANs near a keyword")
    struct BBANTests {
        @Test("accepted forms", arguments: [
            ("FRANCE_BANK_ACCOUNT_NUMBER", "numéro de compte: 20041 01005 0500013M026 06",
             "20041 01005 0500013M026 06"),
            ("FRANCE_BANK_ACCOUNT_NUMBER", "RIB 20041010050500013M02606", "20041010050500013M02606"),
            ("FRANCE_BANK_ACCOUNT_NUMBER", "bban 2004-1010-0505-0001-3M02-606",
             "2004-1010-0505-0001-3M02-606"),
            ("GERMANY_BANK_ACCOUNT_NUMBER", "Kontonummer: 370400440532013000", "370400440532013000"),
            ("GERMANY_BANK_ACCOUNT_NUMBER", "BLZ und Konto 37040044 0532013000",
             "37040044 0532013000"),
            ("GERMANY_BANK_ACCOUNT_NUMBER", "bankleitzahl 370 400 44 0532013000",
             "370 400 44 0532013000"),
            ("GERMANY_BANK_ACCOUNT_NUMBER", "sepa 3704 0044 0532 0130 00", "3704 0044 0532 0130 00"),
            ("ITALY_BANK_ACCOUNT_NUMBER", "conto: X0542811101000000123456", "X0542811101000000123456"),
            ("ITALY_BANK_ACCOUNT_NUMBER", "numero di conto X 05428 11101 000000123456",
             "X 05428 11101 000000123456"),
            ("ITALY_BANK_ACCOUNT_NUMBER", "bban X054 2811 1010 0000 0123 456",
             "X054 2811 1010 0000 0123 456"),
            ("SPAIN_BANK_ACCOUNT_NUMBER", "cuenta 2100 0418 45 0200051332", "2100 0418 45 0200051332"),
            ("SPAIN_BANK_ACCOUNT_NUMBER", "número de cuenta: 21000418450200051332",
             "21000418450200051332"),
            ("SPAIN_BANK_ACCOUNT_NUMBER", "ccc 2100-0418-4502-0005-1332", "2100-0418-4502-0005-1332"),
            ("UK_BANK_ACCOUNT_NUMBER", "sort code and account 60-16-13 31926819", "60-16-13 31926819"),
            ("UK_BANK_ACCOUNT_NUMBER", "account number: 601613 31926819", "601613 31926819"),
            ("UK_BANK_ACCOUNT_NUMBER", "bban NWBK60161331926819", "NWBK60161331926819"),
            ("UK_BANK_ACCOUNT_NUMBER", "bban NWBK 6016 1331 9268 19", "NWBK 6016 1331 9268 19"),
            ("UK_BANK_ACCOUNT_NUMBER", "bban NWBK-6016-1331-9268-19", "NWBK-6016-1331-9268-19"),
        ])
        func accepted(id: String, text: String, value: String) throws {
            #expect(try values(text, id) == [value])
        }

        @Test("near misses are not reported", arguments: [
            ("FRANCE_BANK_ACCOUNT_NUMBER", "rib 20041 01005 0500013M026 07"),   // wrong key
            ("FRANCE_BANK_ACCOUNT_NUMBER", "20041 01005 0500013M026 06"),       // no keyword
            ("FRANCE_BANK_ACCOUNT_NUMBER", "rib 20041 01005-0500013M026 06"),   // mixed separators
            ("GERMANY_BANK_ACCOUNT_NUMBER", "kontonummer 970400440532013000"),  // clearing area 9
            ("GERMANY_BANK_ACCOUNT_NUMBER", "kontonummer 370400440000000000"),  // account all zeros
            ("GERMANY_BANK_ACCOUNT_NUMBER", "370400440532013000"),              // no keyword
            ("GERMANY_BANK_ACCOUNT_NUMBER", "kontonummer 3704004405320130001"), // 19 digits
            ("ITALY_BANK_ACCOUNT_NUMBER", "conto Y0542811101000000123456"),     // wrong CIN
            ("ITALY_BANK_ACCOUNT_NUMBER", "X0542811101000000123456"),           // no keyword
            ("SPAIN_BANK_ACCOUNT_NUMBER", "cuenta 2100 0418 46 0200051332"),    // wrong control digit
            ("SPAIN_BANK_ACCOUNT_NUMBER", "cuenta 0000 0000 00 0000000000"),
            ("SPAIN_BANK_ACCOUNT_NUMBER", "2100 0418 45 0200051332"),           // no keyword
            ("UK_BANK_ACCOUNT_NUMBER", "60-16-13 31926819"),                    // no keyword
            ("UK_BANK_ACCOUNT_NUMBER", "sort code 60-16-13 3192681"),           // 7-digit account
            ("UK_BANK_ACCOUNT_NUMBER", "sort code 60-16 13 31926819"),          // mixed separators
            ("UK_BANK_ACCOUNT_NUMBER", "bban NWBK6016133192681"),               // short
        ])
        func nearMiss(id: String, text: String) throws {
            #expect(try values(text, id).isEmpty)
        }

        @Test("a printed IBAN is one finding, not an IBAN and a BBAN", arguments: [
            ("GERMANY_BANK_ACCOUNT_NUMBER", "IBAN: DE89 3704 0044 0532 0130 00"),
            ("FRANCE_BANK_ACCOUNT_NUMBER", "IBAN: FR14 2004 1010 0505 0001 3M02 606"),
            ("ITALY_BANK_ACCOUNT_NUMBER", "IBAN: IT60 X054 2811 1010 0000 0123 456"),
            ("SPAIN_BANK_ACCOUNT_NUMBER", "IBAN: ES91 2100 0418 4502 0005 1332"),
            ("UK_BANK_ACCOUNT_NUMBER", "IBAN: GB29 NWBK 6016 1331 9268 19"),
            ("UK_BANK_ACCOUNT_NUMBER", "IBAN: GB29-NWBK-6016-1331-9268-19"),
        ])
        func printedIBAN(id: String, text: String) throws {
            let value = String(text.dropFirst("IBAN: ".count))
            #expect(try values(text, id) == [value])
        }
    }
}

extension BankingIdentifierTests {
    @Suite("USA_ROUTING_NUMBER")
    struct RoutingNumberTests {
        static let id = "USA_ROUTING_NUMBER"

        @Test("accepted forms near a keyword", arguments: [
            ("routing number: 021000021", "021000021"),
            ("ABA 111000025", "111000025"),
            ("RTN=011000015", "011000015"),
            ("routing no. 0210-0002-1", "0210-0002-1"),
            ("\"aba_routing\": \"121000374\"", "121000374"),
        ])
        func accepted(text: String, value: String) throws {
            #expect(try values(text, Self.id) == [value])
        }

        @Test("near misses are not reported", arguments: [
            "021000021",                  // no keyword
            "routing number: 021000022",  // checksum failure
            "routing number: 991234561",  // unassigned prefix 99
            "routing number: 131000018",  // unassigned prefix 13
            "routing number: 0210000211", // ten digits
            "routing number: 02100002",   // eight digits
            "routing number: 021-000-021",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, Self.id).isEmpty)
        }
    }

    @Suite("SWIFT_BIC_CODE")
    struct BICTests {
        static let id = "SWIFT_BIC_CODE"

        @Test("accepted forms near a keyword", arguments: [
            ("swift: DEUTDEFF", "DEUTDEFF"),
            ("BIC NWBKGB2L", "NWBKGB2L"),
            ("SWIFT code BNPAFRPPXXX", "BNPAFRPPXXX"),
            ("swift/bic: DEUTDEFF500", "DEUTDEFF500"),
            ("bic RZOOAT2L303", "RZOOAT2L303"),
        ])
        func accepted(text: String, value: String) throws {
            #expect(try values(text, Self.id) == [value])
        }

        @Test("near misses are not reported", arguments: [
            "DEUTDEFF",               // no keyword
            "swift: DEUTZZFF",        // ZZ is no country
            "swift: DEUTDE0F",        // location code starting 0
            "swift: DEUTDEFO",        // location code ending O
            "swift: DEUTDEFFXAB",     // branch starting X but not XXX
            "swift: deutdeff",        // lower case
            "swift: DEUTDEFF5",       // 9 characters
            "swift: DEUTDEFF50",      // 10 characters
            "swift: DEUTDEFF5000",    // 12 characters
            "swift: DE89370400440532013000",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, Self.id).isEmpty)
        }
    }

    @Suite("ARGENTINA_TARJETA_SUBE")
    struct SUBETests {
        static let id = "ARGENTINA_TARJETA_SUBE"

        @Test("accepted forms near a keyword", arguments: [
            ("SUBE: 6061123456789018", "6061123456789018"),
            ("tarjeta sube 6061 0000 1111 2227", "6061 0000 1111 2227"),
            ("Sistema único de boleto electrónico 6061-1234-5678-9018", "6061-1234-5678-9018"),
        ])
        func accepted(text: String, value: String) throws {
            #expect(try values(text, Self.id) == [value])
            #expect(try findings(Self.id, in: text).first?.category == .personalInformation)
        }

        @Test("near misses are not reported", arguments: [
            "6061123456789018",            // no keyword
            "sube 6061123456789019",       // Luhn failure
            "sube 6062123456789017",       // another prefix
            "sube 606112345678901",        // 15 digits
            "sube 60611234567890180",      // 17 digits
            "sube 6061 1234-5678 9018",    // mixed separators
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, Self.id).isEmpty)
        }

        @Test("a SUBE number is no payment card")
        func notACard() throws {
            #expect(try scan("sube 6061123456789018", for: ["FINANCIAL_INFORMATION"]).isEmpty)
        }
    }
}
