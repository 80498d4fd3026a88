@testable import Detectors
import Testing

@Suite("Driver's licence identifiers")
struct DriversLicenseIdentifierTests {}

private let us = "DRIVERS_LICENSE"
private let countries = [
    "AUSTRALIA", "AUSTRIA", "BELGIUM", "BULGARIA", "CANADA", "CROATIA", "CYPRUS", "CZECHIA", "DENMARK",
    "ESTONIA", "FINLAND", "FRANCE", "GERMANY", "GREECE", "HUNGARY", "INDIA", "IRELAND", "ITALY", "LATVIA",
    "LITHUANIA", "LUXEMBOURG", "MALTA", "NETHERLANDS", "POLAND", "PORTUGAL", "ROMANIA", "SLOVAKIA",
    "SLOVENIA", "SPAIN", "SWEDEN", "UK",
]
private func dl(_ country: String) -> String { "\(country)_DRIVERS_LICENSE" }
private let allIDs = Set([us] + countries.map(dl))

/// A licence number written after a keyword, the identifier that must report it and the value.
struct LicenceCase: CustomTestStringConvertible, Sendable {
    let id: String
    let keyword: String
    let value: String
    init(_ id: String, _ keyword: String, _ value: String) {
        self.id = id
        self.keyword = keyword
        self.value = value
    }
    var testDescription: String { "\(id): \(keyword) \(value)" }
}

/// One or more positives per identifier, in the written forms each accepts.
private let positives: [LicenceCase] = [
    LicenceCase(us, "Driver's License:", "A1234567"),
    LicenceCase(us, "DL#", "D12345678901"),
    LicenceCase(us, "drivers license number", "123456789"),
    LicenceCase(us, "driver license no.", "AB123456"),
    LicenceCase(us, "Driver License", "A123-456-78-901-2"),
    LicenceCase(us, "dl:", "B123-4567-8901"),
    LicenceCase(us, "driving permit", "123 456 789"),
    LicenceCase(us, "Drivers Lic.", "7654321"),
    LicenceCase(dl("CANADA"), "driver's licence", "A1234-56789-01234"),
    LicenceCase(dl("CANADA"), "permis de conduire", "B1234-123456-12"),
    LicenceCase(dl("CANADA"), "Driver Licence:", "C12345678901234"),
    LicenceCase(dl("CANADA"), "driver's licence", "ABCDE-123456789"),
    LicenceCase(dl("CANADA"), "DL#", "123456-789"),
    LicenceCase(dl("AUSTRALIA"), "driver licence", "S12345"),
    LicenceCase(dl("AUSTRALIA"), "Drivers Licence No", "123456"),
    LicenceCase(dl("AUSTRALIA"), "driving licence", "AB12345678"),
    LicenceCase(dl("INDIA"), "Driving Licence No.", "MH14 20110062821"),
    LicenceCase(dl("INDIA"), "driving licence", "HR-0619850034761"),
    LicenceCase(dl("INDIA"), "DL No", "DL0420190012345"),
    LicenceCase(dl("UK"), "UK driving licence number", "MORGA753116SM9IJ"),
    LicenceCase(dl("UK"), "Driving licence:", "LEE99761223AB9CD"),
    LicenceCase(dl("UK"), "driver's licence", "JONES 710238 HA3DX"),
    LicenceCase(dl("UK"), "driving licence", "SMITH802290J99AB"),
    LicenceCase(dl("AUSTRIA"), "Führerschein Republik Österreich", "12345678"),
    LicenceCase(dl("AUSTRIA"), "führerscheinnummer:", "87654321"),
    LicenceCase(dl("BELGIUM"), "rijbewijsnummer", "1234567890"),
    LicenceCase(dl("BELGIUM"), "Führerschein-Nr.", "0987654321"),
    LicenceCase(dl("BULGARIA"), "шофьорска книжка", "123456789"),
    LicenceCase(dl("CROATIA"), "vozačka dozvola", "12345678"),
    LicenceCase(dl("CYPRUS"), "άδεια οδήγησης", "123456789012"),
    LicenceCase(dl("CZECHIA"), "řidičský průkaz", "EA 123456"),
    LicenceCase(dl("CZECHIA"), "číslo řidičského průkazu", "EB654321"),
    LicenceCase(dl("DENMARK"), "kørekortnummer", "12345678"),
    LicenceCase(dl("ESTONIA"), "juhiluba", "ET123456"),
    LicenceCase(dl("FINLAND"), "ajokortti", "131052-308T"),
    LicenceCase(dl("FINLAND"), "ajokortin numero", "010594Y9032"),
    LicenceCase(dl("FRANCE"), "numéro de permis de conduire", "070475100044"),
    LicenceCase(dl("GERMANY"), "Führerscheinnummer", "B072RRE2I55"),
    LicenceCase(dl("GERMANY"), "fuehrerschein", "J010000SD51"),
    LicenceCase(dl("GREECE"), "Άδεια οδήγησης", "123456789"),
    LicenceCase(dl("GREECE"), "adeia odigisis", "987654321"),
    LicenceCase(dl("HUNGARY"), "vezetői engedély", "AB123456"),
    LicenceCase(dl("IRELAND"), "ceadúnas tiomána", "123456ABCD"),
    LicenceCase(dl("ITALY"), "patente di guida", "MI1234567A"),
    LicenceCase(dl("ITALY"), "numero patente", "U11234567C"),
    LicenceCase(dl("LATVIA"), "vadītāja apliecība", "ABC123456"),
    LicenceCase(dl("LITHUANIA"), "vairuotojo pažymėjimas", "12345678"),
    LicenceCase(dl("LUXEMBOURG"), "Führerschäin", "123456"),
    LicenceCase(dl("MALTA"), "liċenzja tas-sewqan", "MT 123 456"),
    LicenceCase(dl("MALTA"), "licenzja tas-sewqan", "12345678"),
    LicenceCase(dl("NETHERLANDS"), "rijbewijs", "1234567890"),
    LicenceCase(dl("POLAND"), "prawo jazdy", "00123/08/0312"),
    LicenceCase(dl("POLAND"), "numer prawa jazdy", "12345/19/1234567"),
    LicenceCase(dl("PORTUGAL"), "carta de condução", "L-123456 7"),
    LicenceCase(dl("PORTUGAL"), "carta de condução", "AV-12345 6"),
    LicenceCase(dl("ROMANIA"), "permis de conducere", "A12345678"),
    LicenceCase(dl("ROMANIA"), "numărul permisului de conducere", "123456789"),
    LicenceCase(dl("SLOVAKIA"), "vodičský preukaz", "A1234567"),
    LicenceCase(dl("SLOVENIA"), "vozniško dovoljenje", "123456789"),
    LicenceCase(dl("SPAIN"), "permiso de conducción", "12345678Z"),
    LicenceCase(dl("SPAIN"), "carnet de conducir", "X1234567L"),
    LicenceCase(dl("SPAIN"), "número de permiso de conducir", "12345678-Z"),
    LicenceCase(dl("SWEDEN"), "körkortsnummer", "811228-9874"),
    LicenceCase(dl("SWEDEN"), "körkort", "640823-3234"),
]

extension DriversLicenseIdentifierTests {
    @Suite("Driver's licence catalog")
    struct CatalogTests {
        @Test("the 32 identifiers and their metadata")
        func catalog() {
            let definitions = ManagedIdentifiers.driversLicenses
            #expect(Set(definitions.map(\.id)) == allIDs)
            #expect(definitions.count == 32)
            for definition in definitions {
                #expect(definition.category == .personalInformation)
                #expect(definition.keywordRule == .required)
                #expect(!definition.keywords.isEmpty)
                #expect(definition.keywords.allSatisfy { $0 == $0.lowercased() })
                #expect(!definition.summary.isEmpty && !definition.validation.isEmpty)
            }
        }

        @Test("every identifier has a positive case")
        func covered() {
            #expect(Set(positives.map(\.id)) == allIDs)
        }
    }
}

extension DriversLicenseIdentifierTests {
    @Suite("Licence numbers near a keyword")
    struct KeywordTests {
        @Test("reported near the country's keyword", arguments: positives)
        func positive(example: LicenceCase) throws {
            let findings = try scan("\(example.keyword) \(example.value) end", for: [example.id])
            #expect(findings.map(\.value) == [example.value])
            #expect(findings.first?.keyword != nil)
        }

        @Test("not reported without a keyword", arguments: positives)
        func needsKeyword(example: LicenceCase) throws {
            #expect(try values("the reference \(example.value) end", example.id).isEmpty)
        }

        @Test("not reported with a keyword farther than 30 bytes", arguments: positives)
        func keywordTooFar(example: LicenceCase) throws {
            let text = "\(example.keyword) and then a long unrelated aside: \(example.value)"
            #expect(try values(text, example.id).isEmpty)
        }

        @Test("not reported inside a longer token", arguments: positives)
        func embedded(example: LicenceCase) throws {
            #expect(try values("\(example.keyword) _\(example.value)_", example.id).isEmpty)
        }
    }
}

extension DriversLicenseIdentifierTests {
    @Suite("Shared keywords and formats")
    struct CollisionTests {
        @Test("a country's keyword does not make another country's format fire")
        func keywordsAreCountrySpecific() throws {
            let text = "kørekort 12345678"
            #expect(try scan(text, for: allIDs).map(\.type) == [dl("DENMARK")])
            #expect(try scan("führerschein 12345678", for: allIDs).map(\.type) == [dl("AUSTRIA")])
            #expect(try scan("führerschein 1234567890", for: allIDs).map(\.type) == [dl("BELGIUM")])
            #expect(try scan("führerschein B072RRE2I55", for: allIDs).map(\.type) == [dl("GERMANY")])
            #expect(try scan("vairuotojo pažymėjimas 12345678", for: allIDs).map(\.type) == [dl("LITHUANIA")])
        }

        @Test("Dutch and Belgian licences share the keyword rijbewijs and ten digits")
        func rijbewijs() throws {
            let types = Set(try scan("rijbewijs 1234567890", for: allIDs).map(\.type))
            #expect(types == [dl("BELGIUM"), dl("NETHERLANDS")])
        }

        @Test("the English keywords are shared by the US, Canada and Australia")
        func english() throws {
            let types = Set(try scan("driver's license 12345678", for: allIDs).map(\.type))
            #expect(types == [us, dl("CANADA"), dl("AUSTRALIA")])
            #expect(try scan("driving licence MORGA753116SM9IJ", for: allIDs).map(\.type) == [dl("UK")])
            #expect(try scan("driving licence MH14 20110062821", for: allIDs).map(\.type) == [dl("INDIA")])
        }

        @Test("the middle of a spaced UK driver number is not an Australian licence")
        func spacedUK() throws {
            #expect(try scan("driving licence MORGA 753116 SM9IJ", for: allIDs).map(\.type) == [dl("UK")])
        }
    }
}

extension DriversLicenseIdentifierTests {
    @Suite("Structure and check characters")
    struct StructureTests {
        @Test("invalid values are not reported even near a keyword", arguments: [
            LicenceCase(dl("UK"), "driving licence", "MORGA713116SM9IJ"),    // month 13
            LicenceCase(dl("UK"), "driving licence", "MORGA763116SM9IJ"),    // month 13 + 50
            LicenceCase(dl("UK"), "driving licence", "MORGA702306SM9IJ"),    // 30 February
            LicenceCase(dl("UK"), "driving licence", "MO9GA753116SM9IJ"),    // padding inside the surname
            LicenceCase(dl("UK"), "driving licence", "MORGA7531169M9IJ"),    // initials start with 9
            LicenceCase(dl("INDIA"), "driving licence", "AA14 20110062821"), // no such state code
            LicenceCase(dl("INDIA"), "driving licence", "MH00 20110062821"), // RTO 00
            LicenceCase(dl("INDIA"), "driving licence", "MH14 18990062821"), // year 1899
            LicenceCase(dl("INDIA"), "driving licence", "MH14 20110000000"), // serial 0000000
            LicenceCase(dl("FRANCE"), "permis de conduire", "071375100044"), // month 13
            LicenceCase(dl("FRANCE"), "permis de conduire", "070075100044"), // month 00
            LicenceCase(dl("SPAIN"), "permiso de conducir", "12345678A"),    // control letter
            LicenceCase(dl("SPAIN"), "permiso de conducir", "X1234567Z"),
            LicenceCase(dl("SWEDEN"), "körkort", "811228-9875"),             // Luhn
            LicenceCase(dl("SWEDEN"), "körkort", "811328-9870"),             // month 13
            LicenceCase(dl("FINLAND"), "ajokortti", "131052-308U"),          // check character
            LicenceCase(dl("FINLAND"), "ajokortti", "310252-308T"),          // 31 February
            LicenceCase(dl("FINLAND"), "ajokortti", "131052G308T"),          // no such century sign
            LicenceCase(dl("CZECHIA"), "řidičský průkaz", "AB123456"),       // not E
            LicenceCase(dl("ESTONIA"), "juhiluba", "EE123456"),              // not ET
            LicenceCase(dl("ITALY"), "patente di guida", "MI1234567"),       // no final letter
            LicenceCase(dl("POLAND"), "prawo jazdy", "00123/08/031"),
            LicenceCase(dl("PORTUGAL"), "carta de condução", "L-1234 7"),
            LicenceCase(dl("AUSTRIA"), "führerschein", "1234567"),           // seven digits
            LicenceCase(dl("AUSTRIA"), "führerschein", "123456789"),         // nine digits
            LicenceCase(dl("AUSTRIA"), "führerschein", "1234-5678"),
            LicenceCase(dl("BELGIUM"), "rijbewijs", "12345678901"),
            LicenceCase(us, "driver's license", "123456"),
            LicenceCase(us, "driver's license", "1234567890"),
            LicenceCase(us, "driver's license", "a1234567"),                 // lower case
            LicenceCase(us, "driver's license", "123 456 789 012"),
        ])
        func invalid(example: LicenceCase) throws {
            #expect(try values("\(example.keyword) \(example.value) end", example.id).isEmpty)
        }

        @Test("all-zero placeholders and the DNI specimen are example values", arguments: [
            LicenceCase(us, "driver's license", "000000000"),
            LicenceCase(dl("AUSTRIA"), "führerschein", "00000000"),
            LicenceCase(dl("ESTONIA"), "juhiluba", "ET000000"),
            LicenceCase(dl("SPAIN"), "permiso de conducir", "99999999R"),
        ])
        func examples(example: LicenceCase) throws {
            let text = "\(example.keyword) \(example.value) end"
            #expect(try values(text, example.id).isEmpty)
            #expect(try values(text, example.id, reportExamples: true) == [example.value])
        }

        @Test("UK driver numbers: women's months, padded surnames and initials")
        func ukStructure() {
            #expect(UKDriverNumber.isValid("MORGA753116SM9IJ"))
            #expect(UKDriverNumber.isValid("MORGA703116SM9IJ"))
            #expect(UKDriverNumber.isValid("O9999802290A99AB"))   // 29 February 1980
            #expect(!UKDriverNumber.isValid("O9999802297A99AB"))  // 29 February 1987
            #expect(!UKDriverNumber.isValid("MORGA753116SM9I"))
        }

        @Test("Indian licence numbers: state codes, RTO, year, serial")
        func indiaStructure() {
            #expect(IndianDrivingLicence.isValid("MH1420110062821"))
            #expect(IndianDrivingLicence.isValid("TS0919500000001"))
            #expect(!IndianDrivingLicence.isValid("XX1420110062821"))
            #expect(!IndianDrivingLicence.isValid("MH1420400062821"))
            #expect(!IndianDrivingLicence.isValid("MH142011006282"))
        }
    }
}
