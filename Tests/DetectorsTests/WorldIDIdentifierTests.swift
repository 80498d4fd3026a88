@testable import Detectors
import Testing

@Suite("World ID identifiers")
struct WorldIDIdentifierTests {}

private let aadhaar = "INDIA_AADHAAR_NUMBER"
private let pan = "INDIA_PERMANENT_ACCOUNT_NUMBER"
private let cpf = "BRAZIL_CPF_NUMBER"
private let cnpj = "BRAZIL_CNPJ_NUMBER"
private let rg = "BRAZIL_RG_NUMBER"
private let cep = "BRAZIL_CEP_CODE"
private let curp = "MEXICO_CURP_NUMBER"
private let rfcPerson = "MEXICO_INDIVIDUAL_RFC_NUMBER"
private let rfcOrganization = "MEXICO_ORGANIZATION_RFC_NUMBER"
private let rut = "CHILE_RUT_NUMBER"
private let dni = "ARGENTINA_DNI_NUMBER"
private let cuitPerson = "ARGENTINA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER"
private let cuitOrganization = "ARGENTINA_ORGANIZATION_TAX_IDENTIFICATION_NUMBER"
private let cedula = "COLOMBIA_CITIZENSHIP_CARD_NUMBER"
private let nitPerson = "COLOMBIA_INDIVIDUAL_NIT_NUMBER"
private let nitOrganization = "COLOMBIA_ORGANIZATION_NIT_NUMBER"
private let tfn = "AUSTRALIA_TAX_FILE_NUMBER"
private let canadaPR = "CANADA_NATIONAL_IDENTIFICATION_NUMBER"

private let allIDs: Set<String> = [
    aadhaar, pan, cpf, cnpj, rg, cep, curp, rfcPerson, rfcOrganization, rut, dni, cuitPerson,
    cuitOrganization, cedula, nitPerson, nitOrganization, tfn, canadaPR,
]

/// One text and what one identifier must report in it.
struct WorldCase: CustomTestStringConvertible, Sendable {
    let id: String
    let text: String
    let expected: [String]
    var testDescription: String { "\(id): \(text)" }
    init(_ id: String, _ text: String, _ expected: [String]) {
        self.id = id
        self.text = text
        self.expected = expected
    }
}

extension WorldIDIdentifierTests {
    @Suite("World ID catalog")
    struct CatalogTests {
        @Test("the group's identifiers and their metadata")
        func catalog() {
            let byID = Dictionary(uniqueKeysWithValues: ManagedIdentifiers.worldIDs.map { ($0.id, $0) })
            #expect(Set(byID.keys) == allIDs)
            for definition in ManagedIdentifiers.worldIDs {
                #expect(definition.category == .personalInformation)
                #expect(!definition.keywords.isEmpty)
                #expect(definition.keywords.allSatisfy { $0 == $0.lowercased() })
                #expect(!definition.summary.isEmpty && !definition.validation.isEmpty)
            }
            #expect(byID[cpf]?.keywordRule == .whenValidatorAsks)
            #expect(byID[cnpj]?.keywordRule == .whenValidatorAsks)
            #expect(byID[curp]?.keywordRule == KeywordRule.none)
            for id in allIDs.subtracting([cpf, cnpj, curp]) {
                #expect(byID[id]?.keywordRule == .required, "\(id)")
            }
        }

        @Test("the group is in the full catalog once")
        func inCatalog() {
            let ids = ManagedIdentifiers.all.map(\.id)
            for id in allIDs { #expect(ids.filter { $0 == id }.count == 1, "\(id)") }
        }
    }
}

extension WorldIDIdentifierTests {
    @Suite("Positives")
    struct Positives {
        static let cases: [WorldCase] = [
            // Aadhaar: python-stdnum's example and a UIDAI sandbox number, in the three forms.
            WorldCase(aadhaar, "Aadhaar: 2341 2341 2346", ["2341 2341 2346"]),
            WorldCase(aadhaar, "aadhaar no 2341-2341-2346", ["2341-2341-2346"]),
            WorldCase(aadhaar, "UIDAI 999941057058", ["999941057058"]),
            WorldCase(pan, "PAN: ABCPE1234F", ["ABCPE1234F"]),
            WorldCase(pan, "permanent account number AAACB1234Z issued", ["AAACB1234Z"]),
            WorldCase(cpf, "cliente 390.533.447-05 ativo", ["390.533.447-05"]),
            WorldCase(cpf, "CPF: 39053344705", ["39053344705"]),
            WorldCase(cpf, "cpf 390533447-05", ["390533447-05"]),
            WorldCase(cnpj, "empresa 16.727.230/0001-97 ativa", ["16.727.230/0001-97"]),
            WorldCase(cnpj, "nova 12.ABC.345/01DE-35 (alfanumérico)", ["12.ABC.345/01DE-35"]),
            WorldCase(cnpj, "CNPJ: 16727230000197", ["16727230000197"]),
            WorldCase(cnpj, "cnpj 12ABC34501DE35", ["12ABC34501DE35"]),
            WorldCase(cnpj, "CNPJ 16727230/0001-97", ["16727230/0001-97"]),
            WorldCase(rg, "RG: 31.203.131-2", ["31.203.131-2"]),
            WorldCase(rg, "registro geral 12345671-X", ["12345671-X"]),
            WorldCase(rg, "rg 312031312", ["312031312"]),
            WorldCase(cep, "CEP: 01310-100", ["01310-100"]),
            WorldCase(cep, "código postal 01.310-100", ["01.310-100"]),
            WorldCase(curp, "alta HEGG560427MVZRRL04 ok", ["HEGG560427MVZRRL04"]),
            WorldCase(curp, "CURP: BOXW310820HNERXN09", ["BOXW310820HNERXN09"]),
            WorldCase(rfcPerson, "RFC: GODE561231GR8", ["GODE561231GR8"]),
            WorldCase(rfcPerson, "rfc GODE 561231 GR8", ["GODE 561231 GR8"]),
            WorldCase(rfcOrganization, "RFC: MAB-930714-8T4", ["MAB-930714-8T4"]),
            WorldCase(rfcOrganization, "r.f.c. SAT970701NN3", ["SAT970701NN3"]),
            WorldCase(rut, "RUT: 76.086.428-5", ["76.086.428-5"]),
            WorldCase(rut, "run 8.900.960-K", ["8.900.960-K"]),
            WorldCase(rut, "rut 12531909-2", ["12531909-2"]),
            WorldCase(rut, "rut: 125319092", ["125319092"]),
            WorldCase(dni, "DNI: 12.345.678", ["12.345.678"]),
            WorldCase(dni, "d.n.i. 7654321", ["7654321"]),
            WorldCase(cuitPerson, "CUIT: 20-05536168-2", ["20-05536168-2"]),
            WorldCase(cuitPerson, "cuil 20267565393", ["20267565393"]),
            WorldCase(cuitOrganization, "CUIT 33-69345023-9", ["33-69345023-9"]),
            WorldCase(cedula, "cédula de ciudadanía 1.020.304.050", ["1.020.304.050"]),
            WorldCase(cedula, "Cedula de ciudadania: 79123456", ["79123456"]),
            WorldCase(nitPerson, "NIT: 213.123.432-1", ["213.123.432-1"]),
            WorldCase(nitPerson, "nit 2131234351", ["2131234351"]),
            WorldCase(nitOrganization, "NIT 800.197.268-4", ["800.197.268-4"]),
            WorldCase(nitOrganization, "nit: 800197268-4", ["800197268-4"]),
            WorldCase(tfn, "TFN: 123 456 782", ["123 456 782"]),
            WorldCase(tfn, "tax file number 123-456-782", ["123-456-782"]),
            WorldCase(tfn, "tfn 37118629", ["37118629"]),
            WorldCase(tfn, "tfn 371 186 29", ["371 186 29"]),
            WorldCase(canadaPR, "PR number: 1234-5678", ["1234-5678"]),
            WorldCase(canadaPR, "permanent resident card number 12-3456-7890", ["12-3456-7890"]),
            WorldCase(canadaPR, "UCI 1234567890", ["1234567890"]),
        ]

        @Test("reported with the exact value", arguments: cases)
        func reported(_ example: WorldCase) throws {
            #expect(try values(example.id, in: example.text) == example.expected)
        }
    }
}

extension WorldIDIdentifierTests {
    @Suite("Negatives")
    struct Negatives {
        static let cases: [WorldCase] = [
            // Wrong check digits next to a keyword.
            WorldCase(aadhaar, "aadhaar 2341 2341 2347", []),
            WorldCase(aadhaar, "aadhaar 1234 1234 1238", []),            // starts with 1
            WorldCase(cpf, "cpf 231.002.999-00", []),
            WorldCase(cpf, "cpf 111.111.111-11", []),                    // repeated digit
            WorldCase(cnpj, "cnpj 16.727.230/0001-98", []),
            WorldCase(cnpj, "cnpj 12.ABC.345/01DE-36", []),
            WorldCase(rg, "rg 31.203.131-3", []),
            WorldCase(curp, "curp BOXW310820HNERXN08", []),
            WorldCase(curp, "curp HEGG561327MVZRRL04", []),              // month 13
            WorldCase(curp, "curp HEGG560427MZZRRL04", []),              // no state ZZ
            WorldCase(rfcPerson, "rfc VACE460910SX6", []),
            WorldCase(rfcPerson, "rfc XAXX010101000", []),               // SAT's generic RFC
            WorldCase(rfcPerson, "rfc XEXX010101000", []),               // SAT's generic foreign RFC
            WorldCase(rfcOrganization, "rfc MAB-930714-8T5", []),
            WorldCase(rut, "rut 12.531.909-3", []),
            WorldCase(rut, "rut 00.000.000-0", []),
            WorldCase(dni, "dni 99.999.999", []),                       // Macie's example value
            WorldCase(dni, "dni 00.000.000", []),
            WorldCase(cuitPerson, "cuit 20-26756539-2", []),
            WorldCase(cuitPerson, "cuit 33-69345023-9", []),             // an organization prefix
            WorldCase(cuitOrganization, "cuit 20-05536168-2", []),       // a person's prefix
            WorldCase(nitPerson, "nit 213.123.435-0", []),
            WorldCase(nitPerson, "nit 800.197.268-4", []),               // an organization's NIT
            WorldCase(nitOrganization, "nit 213.123.432-1", []),         // a person's NIT
            WorldCase(tfn, "tfn 999 999 999", []),
            WorldCase(tfn, "tfn 123 456 783", []),
            WorldCase(canadaPR, "pr number 0000-0000", []),
            WorldCase(cep, "cep 00000-000", []),
            WorldCase(pan, "pan ABCDE1234F", []),                       // D is not a holder type
            // Keyword required and absent.
            WorldCase(aadhaar, "order 2341 2341 2346 shipped", []),
            WorldCase(pan, "code ABCPE1234F", []),
            WorldCase(cpf, "order 39053344705", []),
            WorldCase(cnpj, "order 16727230000197", []),
            WorldCase(rg, "code 31.203.131-2", []),
            WorldCase(cep, "code 01310-100", []),
            WorldCase(rfcPerson, "code GODE561231GR8", []),
            WorldCase(rfcOrganization, "code SAT970701NN3", []),
            WorldCase(rut, "code 76.086.428-5", []),
            WorldCase(dni, "code 12.345.678", []),
            WorldCase(cuitPerson, "code 20-05536168-2", []),
            WorldCase(cedula, "code 79123456", []),
            WorldCase(nitOrganization, "code 800.197.268-4", []),
            WorldCase(tfn, "code 123 456 782", []),
            WorldCase(canadaPR, "code 1234-5678", []),
            // Wrong lengths and longer runs.
            WorldCase(aadhaar, "aadhaar 4111 2341 2341 2346", []),
            WorldCase(aadhaar, "aadhaar 2341 2341 2346 7", []),
            WorldCase(cpf, "cpf 1390.533.447-05", []),
            WorldCase(cpf, "cpf 390.533.447-051", []),
            WorldCase(cnpj, "cnpj X16.727.230/0001-97", []),
            WorldCase(curp, "XHEGG560427MVZRRL04", []),
            WorldCase(curp, "HEGG560427MVZRRL045", []),
            WorldCase(rfcPerson, "rfc GODE561231GR8X", []),
            WorldCase(rfcOrganization, "rfc GODE561231GR8", []),         // a person's RFC
            WorldCase(dni, "dni 123456789", []),
            WorldCase(dni, "dni 12.345.678-9", []),
            WorldCase(cuitPerson, "cuit 20-05536168-21", []),
            WorldCase(cedula, "cédula 12345", []),
            WorldCase(cedula, "cédula 12345678901", []),
            WorldCase(tfn, "tfn 123 456 782 1", []),
            WorldCase(tfn, "tfn 1123456782", []),
            WorldCase(canadaPR, "uci 123-45678", []),
            WorldCase(cep, "cep 013100-100", []),
        ]

        @Test("not reported", arguments: cases)
        func notReported(_ example: WorldCase) throws {
            #expect(try values(example.id, in: example.text) == example.expected)
        }

        @Test("a keyword too far away does not count")
        func keywordTooFar() throws {
            let text = "aadhaar, and after a long unrelated digression: 2341 2341 2346"
            #expect(try values(aadhaar, in: text).isEmpty)
        }

        @Test("example values are reported only on request")
        func examples() throws {
            #expect(try values("dni 99999999", dni, reportExamples: true) == ["99999999"])
            #expect(try values("rfc XEXX010101000", rfcPerson, reportExamples: true) == ["XEXX010101000"])
        }
    }
}

extension WorldIDIdentifierTests {
    @Suite("Between identifiers")
    struct Interplay {
        @Test("a person's and an organization's number are told apart")
        func split() throws {
            let text = "cuit 20-05536168-2 y cuit 33-69345023-9; nit 213.123.432-1, nit 800.197.268-4; "
                + "rfc GODE561231GR8, rfc SAT970701NN3"
            let found = try findings([cuitPerson, cuitOrganization, nitPerson, nitOrganization, rfcPerson,
                                      rfcOrganization], in: text)
            #expect(Dictionary(grouping: found, by: \.type).mapValues { $0.compactMap(\.value) } == [
                cuitPerson: ["20-05536168-2"], cuitOrganization: ["33-69345023-9"],
                nitPerson: ["213.123.432-1"], nitOrganization: ["800.197.268-4"],
                rfcPerson: ["GODE561231GR8"], rfcOrganization: ["SAT970701NN3"],
            ])
        }

        @Test("a CURP is not also an RFC, and a RUT keyword does not make an RG")
        func noCrossTalk() throws {
            #expect(try findings(allIDs, in: "rfc HEGG560427MVZRRL04").map(\.type) == [curp])
            #expect(try findings(allIDs, in: "rut 31.203.131-2").isEmpty)
            #expect(try findings(allIDs, in: "rg 76.086.428-5").isEmpty)
        }

        @Test("a field name written in text counts as a keyword")
        func fieldName() throws {
            let found = try findings(allIDs, in: #"{"numero_cpf": "39053344705", "tfn": "123456782"}"#)
            #expect(Set(found.compactMap(\.value)) == ["39053344705", "123456782"])
        }
    }
}
