@testable import Detectors
import Testing

@Suite("European ID identifiers")
struct EuropeanIDIdentifierTests {}

private let frNIR = "FRANCE_NATIONAL_IDENTIFICATION_NUMBER"
private let frTax = "FRANCE_TAX_IDENTIFICATION_NUMBER"
private let deID = "GERMANY_NATIONAL_IDENTIFICATION_NUMBER"
private let deTax = "GERMANY_TAX_IDENTIFICATION_NUMBER"
private let itCF = "ITALY_NATIONAL_IDENTIFICATION_NUMBER"
private let esDNI = "SPAIN_DNI_NUMBER"
private let esNIE = "SPAIN_NIE_NUMBER"
private let esNIF = "SPAIN_NIF_NUMBER"
private let esSSN = "SPAIN_SOCIAL_SECURITY_NUMBER"
private let esCIF = "SPAIN_TAX_IDENTIFICATION_NUMBER"
private let ukUTR = "UK_TAX_IDENTIFICATION_NUMBER"
private let ukElectoral = "UK_ELECTORAL_ROLL_NUMBER"

extension EuropeanIDIdentifierTests {
    @Test("the European identifiers and their metadata")
    func catalog() {
        let ids = ManagedIdentifiers.europeanIDs.map(\.id)
        #expect(Set(ids) == [frNIR, frTax, deID, deTax, itCF, esDNI, esNIE, esNIF, esSSN, esCIF, ukUTR,
                             ukElectoral])
        #expect(ids.count == 12)
        for definition in ManagedIdentifiers.europeanIDs {
            #expect(definition.category == .personalInformation)
            #expect(definition.keywordRule == .required)
            #expect(!definition.validation.isEmpty)
            #expect(definition.keywords.allSatisfy { $0 == $0.lowercased() })
        }
    }

    @Test("every identifier needs its keyword", arguments: [
        (frNIR, "2 95 10 99 126 111 93"), (frTax, "3023217600053"), (deID, "LZ6311T47"),
        (deTax, "86095742719"), (itCF, "RCCMNL83S18D969H"), (esDNI, "12345678Z"), (esNIE, "X1234567L"),
        (esNIF, "L1111111G"), (esSSN, "281234567840"), (esCIF, "A11111119"), (ukUTR, "2432552635"),
        (ukElectoral, "AB123"),
    ])
    func needsKeyword(id: String, value: String) throws {
        #expect(try values("record \(value) end", id).isEmpty)
    }
}

extension EuropeanIDIdentifierTests {
    @Suite("FRANCE_NATIONAL_IDENTIFICATION_NUMBER")
    struct FranceNIRTests {
        @Test("written forms near a keyword", arguments: [
            "2 95 10 99 126 111 93", "295109912611193", "2951099126111 93", "2.95.10.99.126.111.93",
            "253072B07300470", "2 53 07 2A 073 004 43",
        ])
        func accepted(number: String) throws {
            #expect(try values("Numéro de sécurité sociale : \(number)", frNIR) == [number])
            #expect(try values("INSEE \(number)", frNIR) == [number])
        }

        @Test("Macie's keywords, French and English", arguments: [
            "insee", "nir", "sécurité sociale", "social security number", "ssn", "french social security number",
            "cni", "assurance sociale",
        ])
        func keywords(keyword: String) throws {
            #expect(try values("\(keyword): 295109912611193", frNIR) == ["295109912611193"])
        }

        @Test("key, structure and shape near misses", arguments: [
            "295109912611194",        // key off by one
            "253072C07300443",        // 2C is no department
            "185050000608463",        // department 00 (key valid)
            "1851378006084",          // no key
            "495109912611193",        // sex digit 4
            "2951099126111930",       // 16 digits
            "2 95 10 99 126 111-93",  // mixed separators
        ])
        func nearMiss(number: String) throws {
            #expect(try values("NIR \(number)", frNIR).isEmpty)
        }
    }

    @Suite("FRANCE_TAX_IDENTIFICATION_NUMBER")
    struct FranceTaxTests {
        @Test("the EU specimen, compact and grouped", arguments: ["3023217600053", "30 23 217 600 053"])
        func accepted(number: String) throws {
            #expect(try values("Numéro fiscal : \(number)", frTax) == [number])
            #expect(try values("TIN# \(number)", frTax) == [number])
        }

        @Test("check and shape near misses", arguments: [
            "3023217600054", "4023217600136", "302321760005", "30232176000530", "30 23 217 600053",
        ])
        func nearMiss(number: String) throws {
            #expect(try values("tax number \(number)", frTax).isEmpty)
        }

        @Test("the all-zero number is an example value")
        func allZero() throws {
            #expect(try values("tax id 0000000000000", frTax).isEmpty)
            #expect(try values("tax id 0000000000000", frTax, reportExamples: true) == ["0000000000000"])
        }
    }
}

extension EuropeanIDIdentifierTests {
    @Suite("GERMANY_NATIONAL_IDENTIFICATION_NUMBER")
    struct GermanyIDTests {
        @Test("card numbers with and without their check digit", arguments: ["LZ6311T47", "LZ6311T475", "X8VWCFPCL3"])
        func accepted(number: String) throws {
            #expect(try values("Personalausweis: \(number)", deID) == [number])
            #expect(try values("Ausweisnummer \(number)", deID) == [number])
        }

        @Test("the specimen cards are example values", arguments: ["T22000129", "T220001293", "L01X00T47"])
        func specimens(number: String) throws {
            #expect(try values("personalausweis \(number)", deID).isEmpty)
            #expect(try values("personalausweis \(number)", deID, reportExamples: true) == [number])
        }

        @Test("alphabet, check digit and shape near misses", arguments: [
            "LZ6311T474",    // wrong check digit
            "AZ6311T47",     // A starts no card number
            "LA6311T47",     // vowels are not in the alphabet
            "LZCFGHJKL",     // no digit
            "LZ6311T4",      // eight characters
            "lz6311t47",     // lower case
        ])
        func nearMiss(number: String) throws {
            #expect(try values("personalausweis \(number)", deID).isEmpty)
        }

        @Test("a Spanish NIE, NIF or CIF or a UK NINO next to a shared keyword is not a German card", arguments: [
            "tax identification number: X1234567L", "tax identification number: L1111111G",
            "tax identification number: N0032484H", "national insurance number: PM111801C",
        ])
        func foreignNumbers(text: String) throws {
            #expect(try values(text, deID).isEmpty)
        }
    }

    @Suite("GERMANY_TAX_IDENTIFICATION_NUMBER")
    struct GermanyTaxTests {
        @Test("published numbers, compact and grouped", arguments: [
            "86095742719", "86 095 742 719", "36574261809", "11213456783",
        ])
        func accepted(number: String) throws {
            #expect(try values("Steuer-ID: \(number)", deTax) == [number])
            #expect(try values("Steueridentifikationsnummer \(number)", deTax) == [number])
        }

        @Test("check digit and digit-repetition near misses", arguments: [
            "36574261890",   // wrong check digit
            "36554266806",   // two digits repeated
            "12345678903",   // no digit repeated
            "11123456786",   // one digit three times in a row
            "06574261809",   // leading zero
            "865742719",     // too short
        ])
        func nearMiss(number: String) throws {
            #expect(try values("steuer id \(number)", deTax).isEmpty)
        }
    }
}

extension EuropeanIDIdentifierTests {
    @Suite("ITALY_NATIONAL_IDENTIFICATION_NUMBER")
    struct ItalyTests {
        @Test("codici fiscali, omocodia included", arguments: [
            "RCCMNL83S18D969H", "CNTCHR83T41D969D", "MRTMTT25D09F205Z", "RCCMNL83S18D96VW",
        ])
        func accepted(code: String) throws {
            #expect(try values("Codice fiscale: \(code)", itCF) == [code])
            #expect(try values("tessera sanitaria \(code)", itCF) == [code])
        }

        @Test("check letter, date and shape near misses", arguments: [
            "RCCMNL83S18D969A",   // wrong check letter
            "RCCMNL83S38D969J",   // day 38 (valid check letter)
            "RCCMNL83F18D969H",   // F is no month
            "RCCMNL83S18D969",    // 15 characters
            "rccmnl83s18d969h",   // lower case
        ])
        func nearMiss(code: String) throws {
            #expect(try values("codice fiscale \(code)", itCF).isEmpty)
        }
    }
}

extension EuropeanIDIdentifierTests {
    @Suite("Spanish personal numbers")
    struct SpainPersonalTests {
        @Test("DNI written forms", arguments: ["12345678Z", "12345678-Z", "12345678 Z", "12.345.678-Z", "12345678z"])
        func dni(number: String) throws {
            #expect(try values("DNI: \(number)", esDNI) == [number])
            #expect(try values("documento nacional de identidad \(number)", esDNI) == [number])
        }

        @Test("the same number is a NIF next to a tax keyword, not a DNI")
        func dniAsNIF() throws {
            #expect(try values("NIF: 12345678Z", esNIF) == ["12345678Z"])
            #expect(try values("NIF: 12345678Z", esDNI).isEmpty)
        }

        @Test("NIE written forms", arguments: ["X1234567L", "X-1234567-L", "Y0000000Z", "Z1234567R"])
        func nie(number: String) throws {
            #expect(try values("NIE \(number)", esNIE) == [number])
        }

        @Test("K, L and M NIFs; an NIE is reported as an NIE only")
        func nif() throws {
            #expect(try values("nif L1111111G", esNIF) == ["L1111111G"])
            #expect(try values("nif K1234567L", esNIF) == ["K1234567L"])
            #expect(try scan("nif X1234567L", for: [esNIF, esNIE]).map(\.type) == [esNIE])
        }

        @Test("wrong control letters and shapes", arguments: [
            "DNI 12345678A", "DNI 1234567Z", "DNI 123456789Z", "NIE X1234567A", "NIE X123456L",
            "NIF K1234567A", "NIF A1234567L",
        ])
        func nearMiss(text: String) throws {
            #expect(try scan(text, for: [esDNI, esNIE, esNIF]).isEmpty)
        }

        @Test("the specimen and all-zero numbers are example values", arguments: ["99999999R", "00000000T"])
        func examples(number: String) throws {
            #expect(try values("dni \(number)", esDNI).isEmpty)
            #expect(try values("dni \(number)", esDNI, reportExamples: true) == [number])
        }
    }

    @Suite("SPAIN_SOCIAL_SECURITY_NUMBER")
    struct SpainSocialSecurityTests {
        @Test("written forms", arguments: ["281234567840", "28/12345678/40", "28 12345678 40", "28-12345678-40"])
        func accepted(number: String) throws {
            #expect(try values("número de la seguridad social: \(number)", esSSN) == [number])
            #expect(try values("NSS \(number)", esSSN) == [number])
        }

        @Test("control, province and shape near misses", arguments: [
            "281234567841", "601234567813", "28/12345678 40", "2812345678400",
        ])
        func nearMiss(number: String) throws {
            #expect(try values("ssn \(number)", esSSN).isEmpty)
        }
    }

    @Suite("SPAIN_TAX_IDENTIFICATION_NUMBER")
    struct SpainCIFTests {
        @Test("CIFs with a control digit or letter", arguments: [
            "A11111119", "J99216582", "B-5837843-1", "P1111111I", "G1111111I",
        ])
        func accepted(cif: String) throws {
            #expect(try values("CIF: \(cif)", esCIF) == [cif])
        }

        @Test("wrong controls and entity letters", arguments: [
            "A11111118", "P11111119", "A1111111I", "I11111119", "A1111111",
        ])
        func nearMiss(cif: String) throws {
            #expect(try values("cif \(cif)", esCIF).isEmpty)
        }

        @Test("an all-zero number is an example value")
        func allZero() throws {
            #expect(try values("cif A00000000", esCIF).isEmpty)
            #expect(try values("cif A00000000", esCIF, reportExamples: true) == ["A00000000"])
        }
    }
}

extension EuropeanIDIdentifierTests {
    @Suite("UK_TAX_IDENTIFICATION_NUMBER")
    struct UKTaxTests {
        @Test("UTRs, compact and grouped", arguments: ["2432552635", "24325 52635", "1234567895"])
        func accepted(number: String) throws {
            #expect(try values("UTR: \(number)", ukUTR) == [number])
            #expect(try values("unique taxpayer reference \(number)", ukUTR) == [number])
        }

        @Test("check digit and shape near misses", arguments: [
            "3432552635", "1234567890", "243255263", "24325526351", "2432 552635",
        ])
        func nearMiss(number: String) throws {
            #expect(try values("utr \(number)", ukUTR).isEmpty)
        }
    }

    @Suite("UK_ELECTORAL_ROLL_NUMBER")
    struct UKElectoralRollTests {
        @Test("polling district and elector number", arguments: ["AB123", "ABC-1234", "XY1"])
        func accepted(number: String) throws {
            #expect(try values("Electoral roll number: \(number)", ukElectoral) == [number])
            #expect(try values("electoral roll no. \(number)", ukElectoral) == [number])
        }

        @Test("shape near misses and segments of longer codes", arguments: [
            "A123", "ABCD123", "AB12345", "ab123", "PRD-ABC-123", "AB123-4",
        ])
        func nearMiss(text: String) throws {
            #expect(try values("electoral number \(text)", ukElectoral).isEmpty)
        }
    }
}
