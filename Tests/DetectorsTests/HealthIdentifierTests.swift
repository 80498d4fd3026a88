@testable import Detectors
import Testing

// Values are synthetic (computed check digits) or published specimens; none is a real person's.

@Suite("Health identifiers")
struct HealthIdentifierTests {}

private let npi = "USA_NATIONAL_PROVIDER_IDENTIFIER"
private let dea = "US_DRUG_ENFORCEMENT_AGENCY_NUMBER"
private let mbi = "USA_MEDICARE_BENEFICIARY_IDENTIFIER"
private let hicn = "USA_HEALTH_INSURANCE_CLAIM_NUMBER"
private let ndc = "USA_NATIONAL_DRUG_CODE"
private let hcpcs = "USA_HEALTHCARE_PROCEDURE_CODE"
private let udi = "MEDICAL_DEVICE_UDI"
private let canada = "CANADA_HEALTH_NUMBER"
private let ehic = "EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER"
private let finland = "FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER"
private let france = "FRANCE_HEALTH_INSURANCE_NUMBER"

private let allHealth: Set<String> = [npi, dea, mbi, hicn, ndc, hcpcs, udi, canada, ehic, finland, france]

/// The values every health identifier reports in `text`, as "ID value" strings.
private func reported(_ text: String) throws -> [String] {
    try scan(text, for: allHealth).map { "\($0.type) \($0.value ?? "")" }
}

extension HealthIdentifierTests {
    @Suite("Health catalog")
    struct CatalogTests {
        @Test("the health identifiers: Macie's PHI IDs, personal information, keyword required")
        func catalog() {
            let ids = ManagedIdentifiers.health.map(\.id)
            #expect(Set(ids) == allHealth)
            #expect(ids.count == allHealth.count)
            for definition in ManagedIdentifiers.health {
                #expect(definition.category == .personalInformation)
                #expect(definition.keywordRule == .required)
                #expect(!definition.keywords.isEmpty)
                #expect(definition.keywords.allSatisfy { $0 == $0.lowercased() })
                #expect(!definition.validation.isEmpty)
            }
        }

        @Test("Macie's documented keywords are all present")
        func macieKeywords() {
            let byID = Dictionary(uniqueKeysWithValues: ManagedIdentifiers.health.map { ($0.id, Set($0.keywords)) })
            #expect(byID[dea]?.isSuperset(of: ["dea number", "dea registration"]) == true)
            #expect(byID[hicn]?.isSuperset(of: ["health insurance claim number", "hic no", "hic no.",
                                                "hic number", "hic#", "hicn", "hicn#.", "hicno#"]) == true)
            #expect(byID[hcpcs]?.isSuperset(of: ["current procedural terminology", "hcpcs",
                                                 "healthcare common procedure coding system"]) == true)
            #expect(byID[ndc]?.isSuperset(of: ["national drug code", "ndc"]) == true)
            #expect(byID[npi]?.isSuperset(of: ["hipaa", "n.p.i", "national provider", "npi"]) == true)
            #expect(byID[udi]?.isSuperset(of: ["blood", "blood bag", "dev id", "device id",
                                               "device identifier", "gs1", "hibcc", "iccbba", "med",
                                               "udi", "unique device id", "unique device identifier"]) == true)
            #expect(byID[canada]?.isSuperset(of: ["canada healthcare number", "msp number",
                                                  "personal healthcare number", "phn", "soins de santé"]) == true)
            #expect(byID[mbi]?.isSuperset(of: ["mbi", "medicare beneficiary"]) == true)
            #expect(byID[france]?.isSuperset(of: ["carte d'assuré social", "carte vitale", "insurance card"]) == true)
            #expect(byID[ehic]?.isSuperset(of: ["ceam", "ehic", "ehic#", "gesundheitskarte",
                                                "krankenversicherungsnummer", "tarjeta de salud"]) == true)
            #expect(byID[finland]?.isSuperset(of: ["finland health insurance card", "finlandehicnumber#",
                                                   "sairausvakuutuskortti", "terveyskortti"]) == true)
        }
    }
}

extension HealthIdentifierTests {
    @Suite("USA_NATIONAL_PROVIDER_IDENTIFIER")
    struct NPITests {
        @Test("NPIs next to a keyword", arguments: [
            "NPI: 1234567893", "npi#1987654328", "National Provider Identifier 2123456784",
            "provider_npi=1234567893", "N.P.I. 1234567893",
        ])
        func withKeyword(text: String) throws {
            #expect(try values(text, npi).count == 1)
        }

        @Test("no keyword, no finding")
        func noKeyword() throws {
            #expect(try values("order 1234567893 shipped", npi).isEmpty)
        }

        @Test("near misses", arguments: [
            "npi 1234567894",     // check digit
            "npi 1234567897",     // plain Luhn, not with the 80840 prefix
            "npi 3234567891",     // first digit not 1 or 2
            "npi 123456789",      // nine digits
            "npi 12345678930",    // eleven digits
            "npi A1234567893", "npi 1234567893B", "npi 1234567893.5", "npi 7-1234567893",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, npi).isEmpty)
        }
    }
}

extension HealthIdentifierTests {
    @Suite("US_DRUG_ENFORCEMENT_AGENCY_NUMBER")
    struct DEATests {
        @Test("registration numbers next to a keyword", arguments: [
            "DEA number: AP5836727", "dea registration BJ3141594", "DEA# FS2718281",
            "dea no. M91618036", "prescriber_dea: XA1414212",
        ])
        func withKeyword(text: String) throws {
            #expect(try values(text, dea).count == 1)
        }

        @Test("no keyword, no finding")
        func noKeyword() throws {
            #expect(try values("ticket AP5836727", dea).isEmpty)
        }

        @Test("near misses", arguments: [
            "dea number AP5836728",   // check digit
            "dea number IP5836727",   // I is no registrant type
            "dea number ap5836727",   // lower case
            "dea number AP583672",    // six digits
            "dea number AP58367270", "dea number XAP5836727", "dea number AP5836727X",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, dea).isEmpty)
        }
    }
}

extension HealthIdentifierTests {
    @Suite("USA_MEDICARE_BENEFICIARY_IDENTIFIER")
    struct MBITests {
        @Test("MBIs in their written forms", arguments: [
            "MBI: 5KD7-GF2-RT41", "mbi 5KD7GF2RT41", "Medicare Beneficiary Identifier 9A09-AA0-AA00",
            "medicare number 2EG4 TE5 MK72",
        ])
        func withKeyword(text: String) throws {
            #expect(try values(text, mbi).count == 1)
        }

        @Test("CMS's example MBI is reported only on request")
        func cmsExample() throws {
            #expect(try values("MBI 1EG4-TE5-MK73", mbi).isEmpty)
            #expect(try values("MBI 1EG4-TE5-MK73", mbi, reportExamples: true) == ["1EG4-TE5-MK73"])
        }

        @Test("no keyword, no finding")
        func noKeyword() throws {
            #expect(try values("part 5KD7-GF2-RT41", mbi).isEmpty)
        }

        @Test("near misses", arguments: [
            "mbi 0KD7-GF2-RT41",   // position 1 is 1-9
            "mbi 5SD7-GF2-RT41",   // S is never used
            "mbi 5KD7-GF2-RO41",   // O is never used
            "mbi 5KDA-GF2-RT41",   // position 4 is a digit
            "mbi 5KD7-GF2RT41",    // mixed separators
            "mbi 5kd7-gf2-rt41",   // lower case
            "mbi 5KD7GF2RT412", "mbi X5KD7GF2RT41",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, mbi).isEmpty)
        }
    }
}

extension HealthIdentifierTests {
    @Suite("USA_HEALTH_INSURANCE_CLAIM_NUMBER")
    struct HICNTests {
        @Test("claim numbers: SSN and BIC, Railroad Retirement", arguments: [
            "HICN: 123-45-6789A", "hicn 123456789B1", "HIC number 587 65 4321 D",
            "hic# 123-45-6789-C3", "health insurance claim number MA123456", "hicno# WCA123456789",
            "hic no. 536228471T",
        ])
        func withKeyword(text: String) throws {
            #expect(try values(text, hicn).count == 1)
        }

        @Test("no keyword, no finding")
        func noKeyword() throws {
            #expect(try values("ref 123-45-6789A", hicn).isEmpty)
        }

        @Test("near misses", arguments: [
            "hicn 000-45-6789A", "hicn 666456789A", "hicn 123006789A", "hicn 123450000A",  // SSA rules
            "hicn 123456789",      // no BIC
            "hicn 123456789N",     // N is no BIC
            "hicn 123456789ABC",   // three letters
            "hicn ZZ123456",       // no Railroad Retirement prefix
            "hicn MA12345",        // five digits
            "hicn MA000000",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, hicn).isEmpty)
        }
    }
}

extension HealthIdentifierTests {
    @Suite("USA_NATIONAL_DRUG_CODE")
    struct NDCTests {
        @Test("NDC configurations", arguments: [
            "NDC 0002-1433-80", "ndc: 50090-347-01", "NDC# 12345-6789-1", "national drug code 12345-6789-01",
            "ndc 00021433080", "NDC 0002143380",
        ])
        func withKeyword(text: String) throws {
            #expect(try values(text, ndc).count == 1)
        }

        @Test("no keyword, no finding")
        func noKeyword() throws {
            #expect(try values("lot 0002-1433-80", ndc).isEmpty)
        }

        @Test("near misses", arguments: [
            "ndc 0000-0000-00", "ndc 123-4567-89", "ndc 123456-789-01", "ndc 1234-5678-901",
            "ndc 123456789", "ndc 123456789012", "ndc 0002-1433-80-5",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, ndc).isEmpty)
        }
    }
}

extension HealthIdentifierTests {
    @Suite("USA_HEALTHCARE_PROCEDURE_CODE")
    struct HCPCSTests {
        @Test("HCPCS Level II and CPT codes", arguments: [
            ("HCPCS J1100", "J1100"), ("hcpcs code: E0114", "E0114"), ("CPT 99213", "99213"),
            ("cpt code 99213-25", "99213"), ("current procedural terminology 0001F", "0001F"),
            ("CPT 0042T", "0042T"), ("procedure code D0120", "D0120"),
        ])
        func withKeyword(text: String, value: String) throws {
            #expect(try values(text, hcpcs) == [value])
        }

        @Test("no keyword, no finding")
        func noKeyword() throws {
            #expect(try values("room J1100 on floor 2", hcpcs).isEmpty)
        }

        @Test("near misses", arguments: [
            "hcpcs F1234", "hcpcs W1234", "hcpcs 00042", "hcpcs J110", "hcpcs J11000", "hcpcs 9921",
            "hcpcs 992134", "hcpcs 1234X", "hcpcs j1100", "hcpcs 99213.5",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, hcpcs).isEmpty)
        }
    }
}

extension HealthIdentifierTests {
    @Suite("MEDICAL_DEVICE_UDI")
    struct UDITests {
        @Test("GS1, HIBCC and ICCBBA forms", arguments: [
            ("UDI (01)09521234543213", "(01)09521234543213"),
            ("udi: (01)00884422345679(17)251231(10)LOT-42A", "(01)00884422345679(17)251231(10)LOT-42A"),
            ("GS1 (01)10123456789019(11)240100(21)SN0001.", "(01)10123456789019(11)240100(21)SN0001"),
            ("HIBCC +A123BJC5D6E71G", "+A123BJC5D6E71G"),
            ("device id *+H12345678901I*", "+H12345678901I"),
            ("UDI +A123BJC5D6E71/$$3052LOT7A.", "+A123BJC5D6E71/$$3052LOT7A"),
            ("blood bag =A99971812345600", "=A99971812345600"),
            ("ICCBBA =W123419123456", "=W123419123456"),
        ])
        func withKeyword(text: String, value: String) throws {
            #expect(try values(text, udi) == [value])
        }

        @Test("no keyword, no finding")
        func noKeyword() throws {
            #expect(try values("see (01)09521234543213", udi).isEmpty)
            #expect(try values("see +A123BJC5D6E71G", udi).isEmpty)
        }

        @Test("near misses", arguments: [
            "udi (01)09521234543214",           // GTIN check digit
            "udi (01)00000000000000",
            "udi (01)0952123454321",            // 13 digits
            "udi (01)095212345432135",          // 15 digits
            "udi +A123BJC5D6E71H",              // HIBC check character
            "udi +a123BJC5D6E71G",              // lower-case labeler
            "udi =O99971812345600",             // O is no facility letter
            "udi =A999718123",                  // short donation number
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, udi).isEmpty)
        }

        @Test("an invalid date drops the AI, not the device identifier")
        func badDate() throws {
            #expect(try values("udi (01)09521234543213(17)251331", udi) == ["(01)09521234543213"])
            #expect(try values("udi (01)09521234543213 (17)251331", udi) == ["(01)09521234543213"])
        }
    }
}

extension HealthIdentifierTests {
    @Suite("CANADA_HEALTH_NUMBER")
    struct CanadaTests {
        @Test("Ontario, British Columbia and Quebec numbers", arguments: [
            ("OHIP 1234-567-897", "1234-567-897"), ("ohip: 1234 567 897 AB", "1234 567 897 AB"),
            ("health card number 9876543217XY", "9876543217XY"),
            ("PHN 9698 658 215", "9698 658 215"), ("phn: 9876543218", "9876543218"),
            ("MSP number 9698-658-215", "9698-658-215"),
            ("RAMQ TREM 8556 1512", "TREM 8556 1512"), ("soins de santé: LAPJ05021099", "LAPJ05021099"),
        ])
        func withKeyword(text: String, value: String) throws {
            #expect(try values(text, canada) == [value])
        }

        @Test("no keyword, no finding")
        func noKeyword() throws {
            #expect(try values("invoice 9698 658 215", canada).isEmpty)
        }

        @Test("near misses", arguments: [
            "phn 9698 658 216",       // neither Luhn nor BC mod 11
            "phn 1234-567-898",
            "phn 1111111111",         // one repeated digit
            "phn 9698 658 2150", "phn 969 8658 215", "phn 9698 658-215",
            "ramq TREM 8513 1512",    // month 13
            "ramq TREM 8556 3212",    // day 32
            "ramq TRE 8556 1512",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, canada).isEmpty)
        }
    }
}

extension HealthIdentifierTests {
    @Suite("EHIC numbers")
    struct EHICTests {
        @Test("EU card numbers", arguments: [
            "EHIC 80276001234567890123", "ceam: 8025000123 4567890123",
            "Krankenversicherungskarte 8004012345-1234567890", "tessera sanitaria 80380987654321098765",
        ])
        func european(text: String) throws {
            #expect(try values(text, ehic).count == 1)
            #expect(try values(text, finland).isEmpty)
        }

        @Test("Finnish card numbers are reported as Finnish (and as EU ones)", arguments: [
            "sairausvakuutuskortti 80246802461234567890", "EHIC 8024680246 1234567890",
            "finland health insurance card 8024680246-0000000001",
        ])
        func finnish(text: String) throws {
            #expect(try values(text, finland).count == 1)
        }

        @Test("no keyword, no finding")
        func noKeyword() throws {
            #expect(try values("id 80276001234567890123", ehic).isEmpty)
            #expect(try values("id 80246802461234567890", finland).isEmpty)
        }

        @Test("near misses", arguments: [
            "ehic 80840001234567890123",    // 840: not an EU/EEA state
            "ehic 81276001234567890123",    // not 80
            "ehic 8027600123456789012",     // 19 digits
            "ehic 802760012345678901234",   // 21 digits
            "ehic 80276001 234567890123",
        ])
        func nearMiss(text: String) throws {
            #expect(try reported(text).isEmpty)
        }
    }
}

extension HealthIdentifierTests {
    @Suite("FRANCE_HEALTH_INSURANCE_NUMBER")
    struct FranceTests {
        @Test("NIRs plain and spaced, Corsica included", arguments: [
            "carte vitale 2 55 08 14 168 025 38", "Carte Vitale: 255081416802538",
            "carte d'assuré social 1 85 05 78 006 084 91", "assurance maladie 2 99 12 2A 004 011 29",
            "numéro de sécurité sociale 1991275123456 81", "insurance card 287069900501771",
        ])
        func withKeyword(text: String) throws {
            #expect(try values(text, france).count == 1)
        }

        @Test("no keyword, no finding")
        func noKeyword() throws {
            #expect(try values("dossier 2 55 08 14 168 025 38", france).isEmpty)
        }

        @Test("near misses", arguments: [
            "carte vitale 2 55 08 14 168 025 39",   // key
            "carte vitale 5 55 08 14 168 025 38",   // sex digit
            "carte vitale 2 55 13 14 168 025 38",   // month 13
            "carte vitale 2 55 08 2C 168 025 38",
            "carte vitale 2 55 08 00 168 025 38",
            "carte vitale 25508141680253",          // 14 characters
            "carte vitale 2 55 08 14 168 025 38 7",
        ])
        func nearMiss(text: String) throws {
            #expect(try values(text, france).isEmpty)
        }
    }
}
