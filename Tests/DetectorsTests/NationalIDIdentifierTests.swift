@testable import Detectors
import Testing

@Suite("National ID identifiers")
struct NationalIDIdentifierTests {}

private let ssn = "USA_SOCIAL_SECURITY_NUMBER"
private let itin = "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER"
private let nino = "UK_NATIONAL_INSURANCE_NUMBER"
private let nhs = "UK_NHS_NUMBER"
private let sin = "CANADA_SOCIAL_INSURANCE_NUMBER"
private let vin = "VEHICLE_IDENTIFICATION_NUMBER"

extension NationalIDIdentifierTests {
    @Suite("National ID catalog")
    struct CatalogTests {
        @Test("the national-ID identifiers and their metadata")
        func catalog() {
            let byID = Dictionary(uniqueKeysWithValues: ManagedIdentifiers.nationalIDs.map { ($0.id, $0) })
            #expect(Set(byID.keys) == [ssn, itin, nino, nhs, sin, vin])
            for definition in ManagedIdentifiers.nationalIDs {
                #expect(definition.category == .personalInformation)
                #expect(definition.severity == (definition.id == vin ? .medium : .high))
                #expect(definition.keywords.allSatisfy { $0 == $0.lowercased() })
                #expect(!definition.validation.isEmpty)
            }
            #expect(byID[nhs]?.keywordRule == .required)
            #expect(byID[sin]?.keywordRule == .required)
            #expect(byID[ssn]?.keywordRule == .whenValidatorAsks)
            #expect(byID[nino]?.keywordRule == KeywordRule.none)
        }
    }
}

extension NationalIDIdentifierTests {
    @Suite("USA_SOCIAL_SECURITY_NUMBER")
    struct SocialSecurityNumberTests {
        @Test("formatted numbers need no keyword", arguments: [
            "123-45-6789", "123 45 6789", "536-22-8471", "665-01-0001", "899-99-9999",
        ])
        func formatted(number: String) throws {
            let findings = try scan("record \(number) end", for: [ssn])
            #expect(findings.map(\.value) == [number])
            #expect(findings.first?.keyword == nil)
        }

        @Test("a bare nine-digit number needs a keyword")
        func bareNeedsKeyword() throws {
            #expect(try values("order 123456789 shipped", ssn).isEmpty)
            let findings = try scan("SSN: 123456789", for: [ssn])
            #expect(findings.map(\.value) == ["123456789"])
            #expect(findings.first?.keyword == "ssn")
        }

        @Test("each keyword makes a bare number eligible", arguments: [
            "ssn 123456789", "SS# 123456789", "Social Security: 123456789",
            "social security number 123456789", "soc sec 123456789", "user_ssn=123456789",
        ])
        func keywords(text: String) throws {
            #expect(try values(text, ssn) == ["123456789"])
        }

        @Test("a keyword too far away does not count")
        func keywordTooFar() throws {
            #expect(try values("ssn, and after a long unrelated digression: 123456789", ssn).isEmpty)
        }

        @Test("SSA rules and shape near misses are not reported", arguments: [
            "000-12-3456", "666-12-3456", "900-12-3456", "999-45-6789",  // areas never issued
            "123-00-4567",                                              // group 00
            "123-45-0000",                                              // serial 0000
            "ssn 000123456", "ssn 666123456", "ssn 950123456", "ssn 123004567", "ssn 123450000",
            "123-45 6789", "123 45-6789", "12-345-6789", "123-456-789",  // wrong grouping
            "1123-45-6789", "123-45-67890", "123-45-6789-1", "ssn 1234567890",  // longer digit runs
            "ssn 12345678901234567890",                                 // 20 digits
            "A123-45-6789", "123-45-6789B",                              // glued to a word
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, ssn).isEmpty)
        }

        @Test("SSA's advertising and wallet-card numbers are suppressed unless asked for",
              arguments: ["078-05-1120", "219-09-9999", "ssn 078051120"])
        func examples(text: String) throws {
            #expect(try values(text, ssn).isEmpty)
            #expect(try values(text, ssn, reportExamples: true).count == 1)
        }

        @Test("SSA rules", arguments: [
            ("123456789", true), ("001010001", true), ("899999999", true), ("000123456", false),
            ("666123456", false), ("900123456", false), ("123006789", false), ("123450000", false),
            ("12345678", false),
        ])
        func rules(number: String, isValid: Bool) {
            #expect(USSocialSecurityNumber.isValid(number.compactMap(\.wholeNumberValue)) == isValid)
        }
    }
}

extension NationalIDIdentifierTests {
    @Suite("USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER")
    struct IndividualTaxpayerNumberTests {
        @Test("formatted numbers in each IRS group range", arguments: [
            "912-50-1234", "912-65-1234", "955-70-0001", "999-88-9999", "900 90 1234", "912-92-1234",
            "912-94-1234", "912-99-1234",
        ])
        func formatted(number: String) throws {
            #expect(try values("ITIN \(number)", itin) == [number])
            #expect(try values("applicant \(number).", itin) == [number])
        }

        @Test("a bare nine-digit number needs a keyword")
        func bareNeedsKeyword() throws {
            #expect(try values("ref 912781234", itin).isEmpty)
            let findings = try scan("ITIN: 912781234", for: [itin])
            #expect(findings.map(\.value) == ["912781234"])
            #expect(findings.first?.keyword == "itin")
            #expect(try values("Taxpayer Identification: 912781234", itin) == ["912781234"])
            #expect(try values("tax id 912781234", itin) == ["912781234"])
        }

        @Test("groups and shapes outside the IRS rules are not reported", arguments: [
            "912-49-1234", "912-66-1234", "912-69-1234", "912-89-1234", "912-93-1234", "912-00-1234",
            "912-78-0000", "812-78-3456", "itin 812783456", "itin 912661234", "9912-78-3456",
            "912-78-34567", "itin 9127812345",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, itin).isEmpty)
        }

        @Test("an ITIN is not an SSN and an SSN is not an ITIN")
        func disjointFromSSN() throws {
            #expect(try scan("912-78-3456 and 123-45-6789", for: [ssn, itin]).map(\.type) == [itin, ssn])
        }
    }
}

extension NationalIDIdentifierTests {
    @Suite("UK_NATIONAL_INSURANCE_NUMBER")
    struct NationalInsuranceNumberTests {
        @Test("accepted formats", arguments: [
            "AB123456C", "AB 12 34 56 C", "AB 123456 C", "AB123456 C", "JG103759A", "ZY987654D",
            "CE000001B", "OA123456A",
        ])
        func accepted(number: String) throws {
            #expect(try values("NI number \(number).", nino) == [number])
        }

        @Test("prefix, suffix and shape near misses are not reported", arguments: [
            "BG123456C", "GB123456C", "KN123456C", "NK123456C", "NT123456C", "TN123456C", "ZZ123456C",
            "DA123456C", "FA123456C", "IA123456C", "QQ123456C", "UA123456C", "VA123456C",
            "AD123456C", "AF123456C", "AI123456C", "AO123456C", "AQ123456C", "AU123456C", "AV123456C",
            "AB123456E", "AB123456", "AB12345C", "AB1234567C", "ab123456c", "AB 12 3456 C",
            "XAB123456C", "AB123456CD", "AB1234567",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, nino).isEmpty)
        }
    }
}

extension NationalIDIdentifierTests {
    @Suite("UK_NHS_NUMBER")
    struct NHSNumberTests {
        @Test("accepted formats near a keyword", arguments: [
            "NHS Number: 943 476 5919", "nhs no 943-476-5919", "NHS: 9434765919",
            "National Health Service number 999 000 0018",
        ])
        func accepted(text: String) throws {
            let findings = try scan(text, for: [nhs])
            #expect(findings.count == 1)
            #expect(findings.first?.keyword != nil)
        }

        @Test("without a keyword nothing is reported", arguments: ["943 476 5919", "9434765919"])
        func needsKeyword(text: String) throws {
            #expect(try values("patient \(text)", nhs).isEmpty)
        }

        @Test("check digit and shape near misses are not reported", arguments: [
            "943 476 5918",      // check digit mutated
            "999 123 4560",      // a stem whose check digit would be 10
            "000 000 0000",      // passes the check, but all one digit
            "943 476-5919",      // mixed separators
            "94 3476 5919",      // wrong grouping
            "943 476 59190",     // eleven digits
            "19434765919",
        ])
        func nearMiss(number: String) throws {
            #expect(try values("NHS number \(number)", nhs).isEmpty)
        }
    }
}

extension NationalIDIdentifierTests {
    @Suite("CANADA_SOCIAL_INSURANCE_NUMBER")
    struct SocialInsuranceNumberTests {
        @Test("accepted formats near a keyword", arguments: [
            "SIN: 130-692-544", "sin 130 692 544", "Social Insurance Number 130692544",
            "NAS : 192 837 466", "numéro d'assurance sociale 273-645-143", "SIN# 912345675",
            "Canadian ID: 130 692 544",
        ])
        func accepted(text: String) throws {
            #expect(try scan(text, for: [sin]).count == 1)
        }

        @Test("without a keyword nothing is reported")
        func needsKeyword() throws {
            #expect(try values("ref 130-692-544", sin).isEmpty)
        }

        @Test("Luhn, first-digit and shape near misses are not reported", arguments: [
            "130-692-545",       // Luhn failure
            "046-454-286",       // Luhn-valid, first digit 0 (never issued)
            "876-543-216",       // Luhn-valid, first digit 8 (business numbers)
            "130-692 544",       // mixed separators
            "1130692544",        // ten digits
            "130-692-5441",
        ])
        func nearMiss(number: String) throws {
            #expect(try values("SIN \(number)", sin).isEmpty)
        }
    }
}

extension NationalIDIdentifierTests {
    @Suite("VEHICLE_IDENTIFICATION_NUMBER")
    struct VehicleIdentificationNumberTests {
        @Test("VINs with a valid check digit need no keyword", arguments: [
            "1M8GDM9AXKP042788", "1HGCM82633A004352", "5GZCZ43D13S812715", "JHMCM56557C404453",
        ])
        func checkDigitValid(number: String) throws {
            let findings = try scan("car \(number) sold", for: [vin])
            #expect(findings.map(\.value) == [number])
            #expect(findings.first?.severity == .medium)
        }

        @Test("a VIN without a valid check digit is reported only near a keyword", arguments: [
            "1M8GDM9A1KP042788",   // the ISO example with its check digit mutated
            "WVWZZZ1JZXW000001",   // European style: no check digit
        ])
        func checkDigitInvalid(number: String) throws {
            #expect(try values("car \(number) sold", vin).isEmpty)
            let findings = try scan("VIN: \(number)", for: [vin])
            #expect(findings.map(\.value) == [number])
            #expect(findings.first?.keyword == "vin")
            #expect(try values("chassis \(number)", vin) == [number])
        }

        @Test("Macie's keywords in other languages make a check-digit-less VIN eligible", arguments: [
            "Fahrgestellnummer", "numéro d'identification du véhicule", "NIV", "VIN numeris",
            "Número de Identificación de Automóviles",
        ])
        func multilingualKeywords(keyword: String) throws {
            #expect(try values("\(keyword): WVWZZZ1JZXW000001", vin) == ["WVWZZZ1JZXW000001"])
        }

        @Test("shape near misses are not reported, even near a keyword", arguments: [
            "1M8GDM9AXKP04278",      // 16 characters
            "1M8GDM9AXKP0427880",    // 18 characters
            "1M8GDM9AXKP04278A",     // last four not all digits
            "1I8GDM9AXKP042788",     // I, O and Q are never used
            "1O8GDM9AXKP042788",
            "1Q8GDM9AXKP042788",
            "11111111111111111",     // no letter (valid check digit)
            "1m8gdm9axkp042788",     // lower case
            "X1M8GDM9AXKP042788",    // glued to a word
        ])
        func nearMiss(text: String) throws {
            #expect(try values("VIN \(text)", vin).isEmpty)
        }

        @Test("a valid check digit with a position-10 character no model year uses needs a keyword")
        func modelYear() throws {
            // Position 10 is U; the check digit (position 9) is recomputed to stay valid.
            var characters = Array("1M8GDM9AXUP042788".utf8)
            characters[8] = try #require(VINCheckDigit.checkCharacter(for: characters))
            let number = String(decoding: characters, as: UTF8.self)
            #expect(VINCheckDigit.isValid(number))
            #expect(try values("car \(number)", vin).isEmpty)
            #expect(try values("VIN \(number)", vin) == [number])
        }
    }
}
