@testable import Detectors
import Testing

@Suite("Passport identifiers")
struct PassportIdentifierTests {}

private let canada = "CANADA_PASSPORT_NUMBER"
private let france = "FRANCE_PASSPORT_NUMBER"
private let germany = "GERMANY_PASSPORT_NUMBER"
private let italy = "ITALY_PASSPORT_NUMBER"
private let spain = "SPAIN_PASSPORT_NUMBER"
private let uk = "UK_PASSPORT_NUMBER"
private let usa = "USA_PASSPORT_NUMBER"
private let all: Set<String> = [canada, france, germany, italy, spain, uk, usa]

extension PassportIdentifierTests {
    @Test("the passport identifiers and their metadata")
    func catalog() {
        #expect(Set(ManagedIdentifiers.passports.map(\.id)) == all)
        for definition in ManagedIdentifiers.passports {
            #expect(definition.keywordRule == .required)
            #expect(definition.category == .personalInformation)
            #expect(!definition.validation.isEmpty)
        }
    }

    @Test("each country's number near its own keyword", arguments: [
        (canada, "Canadian passport: AB123456"), (canada, "passeport# GK654321"),
        (france, "Numéro de passeport : 12AB34567"), (france, "passeport 05XY98765"),
        (germany, "Reisepass: CF1G2H3J4"), (germany, "Reisepassnummer CF1G2H3J47"),
        (italy, "Passaporto numero YA1234567"), (italy, "italian passport number AA7654321"),
        (spain, "Número de pasaporte: PAA123456"), (spain, "pasaporte XDB654321"),
        (uk, "UK passport 925076473"), (uk, "Passport No: 123456789"),
        (usa, "travel document 530123456"), (usa, "US passport A12345678"),
    ])
    func ownKeyword(id: String, text: String) throws {
        let value = String(text.split(separator: " ").last ?? "")
        #expect(try values(text, id) == [value])
    }

    @Test("no keyword, no passport", arguments: [
        "AB123456", "12AB34567", "CF1G2H3J4", "YA1234567", "PAA123456", "925076473", "A12345678",
    ])
    func needsKeyword(value: String) throws {
        #expect(try scan("ref \(value) shipped", for: all).isEmpty)
    }

    @Test("nine digits next to 'passport number' are a UK and a US number alike")
    func sharedFormat() throws {
        #expect(Set(try scan("passport number 925076473", for: all).map(\.type)) == [uk, usa])
        #expect(try scan("passport 925076473", for: all).map(\.type) == [usa])
    }

    @Test("shape near misses", arguments: [
        (canada, "passport AB12345"), (canada, "passport AB1234567X"), (france, "passeport 12AB3456"),
        (france, "passeport 123AB34567"), (germany, "reisepass CF1G2H3J48"), (germany, "reisepass CA1G2H3J4"),
        (germany, "reisepass CFGHJKLMN"), (italy, "passaporto YA12345678"), (spain, "pasaporte PAA12345"),
        (uk, "passport no 12345678"), (uk, "passport no 1234567890"), (usa, "passport AB1234567"),
    ])
    func nearMiss(id: String, text: String) throws {
        #expect(try values(text, id).isEmpty)
    }

    @Test("specimen and all-zero numbers are example values", arguments: [
        (germany, "reisepass C01X00T47"), (uk, "passport no 000000000"), (usa, "passport 000000000"),
    ])
    func examples(id: String, text: String) throws {
        #expect(try values(text, id).isEmpty)
        #expect(try values(text, id, reportExamples: true).count == 1)
    }
}
