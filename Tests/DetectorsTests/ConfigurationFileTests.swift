import Foundation
import Testing
import Records
@testable import Detectors

// Configuration files: the documented schema, Macie's custom identifier JSON loaded unchanged,
// and one test per bad-configuration message (file, line, item, problem).

private let repositoryRoot: String = {
    // This file is Tests/DetectorsTests/ConfigurationFileTests.swift.
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

private func load(_ text: String, baseDirectory: String? = nil) throws(ConfigurationError) -> ConfigurationFile {
    try ConfigurationFile(text: text, path: "config.yaml", baseDirectory: baseDirectory)
}

@Test func annotatedExampleLoadsAndBuildsAnEngine() throws {
    let configuration = try ScanConfiguration(configurationFiles: [repositoryRoot + "/examples/piiscan.yaml"])
    #expect(configuration.customIdentifiers.map(\.name) == ["EMPLOYEE_ID", "PATIENT_ID", "INTERNAL_CARD_REFERENCE"])
    #expect(configuration.exclude == ["IP_ADDRESS"])
    #expect(configuration.include.isEmpty)
    #expect(configuration.allowLists.map(\.name) == ["test-values", "corporate-mail", "demo-staff"])
    #expect(configuration.allowLists.first?.criteria == .literals(["EMP-999999", "info@example.org", "555-0100"]))
    let patient = configuration.customIdentifiers[1]
    #expect(patient.keywords == ["patient", "mrn", "medical record"])
    #expect(patient.maximumMatchDistance == 40)
    #expect(configuration.customIdentifiers[2].check == .luhn)
    #expect(configuration.customIdentifiers[2].captureGroup == .name("pan"))
    let engine = try ScanEngine(configuration: configuration)
    #expect(engine.customIdentifiers.count == 3)
    #expect(!engine.identifiers.contains { $0.id == "IP_ADDRESS" })
    let findings = engine.findings(in: "EMP-204518 EMP-999999 EMP-111111 mrn 123-4567-89 info@example.org")
    // EMPLOYEE_ID has severity levels: its findings wait for the object's count, so they come
    // after the others.
    #expect(findings.map(\.type) == ["PATIENT_ID", "EMPLOYEE_ID"])
    #expect(findings.map(\.severity) == [.medium, .low])
}

/// `aws macie2 get-custom-data-identifier` output, read-only fields and all, loads unchanged.
@Test func macieExportLoadsUnchanged() throws {
    let path = repositoryRoot + "/examples/macie-custom-identifier.json"
    let file = try ConfigurationFile(contentsOf: path)
    let expected = CustomIdentifier(
        name: "EMPLOYEE_BADGE", description: "Employee badge numbers (synthetic example)", regex: #"BDG-\d{7}"#,
        keywords: ["badge", "employee"], ignoreWords: ["BDG-0000000"], maximumMatchDistance: 50,
        severityLevels: [SeverityLevel(occurrencesThreshold: 1, severity: .low),
                         SeverityLevel(occurrencesThreshold: 20, severity: .medium),
                         SeverityLevel(occurrencesThreshold: 100, severity: .high)])
    #expect(file.customIdentifiers == [expected])
    let engine = try ScanEngine(configuration: try ScanConfiguration(configurationFiles: [path]))
    let findings = engine.findings(in: "employee badge BDG-1234567, BDG-0000000, BDG-7654321")
    #expect(findings.map(\.type) == ["EMPLOYEE_BADGE", "EMPLOYEE_BADGE"])
    #expect(findings.allSatisfy { $0.category == .customIdentifier && $0.severity == .low })
}

/// The input of `aws macie2 create-custom-data-identifier --cli-input-json`, and a list of
/// definitions, load too.
@Test func macieCreateInputAndListsLoad() throws {
    let create = #"""
    {"clientToken": "abc", "name": "X_REF", "regex": "XR-[0-9]{4}", "description": "d",
     "keywords": [], "ignoreWords": [], "maximumMatchDistance": 300, "severityLevels": [], "tags": {"team": "a"}}
    """#
    #expect(try load(create).customIdentifiers.map(\.maximumMatchDistance) == [300])
    let list = #"[{"name": "A", "regex": "A-[0-9]+"}, {"name": "B", "regex": "B-[0-9]+", "deleted": false}]"#
    #expect(try load(list).customIdentifiers.map(\.name) == ["A", "B"])
    #expect(try load(list).customIdentifiers.allSatisfy { $0.maximumMatchDistance == 50 && $0.severityLevels.isEmpty })
}

@Test func jsonAndYAMLReadTheSameSchema() throws {
    let yaml = """
    managedIdentifiers: {include: [credentials], keywordDistance: 12, reportExampleValues: true}
    customIdentifiers:
      - {name: T, regex: 'T([0-9]{3})', captureGroup: 1}
    limits: {matchLimit: 5000, customMatchLength: 64}
    """
    let json = #"""
    {"managedIdentifiers": {"include": ["CREDENTIALS"], "keywordDistance": 12, "reportExampleValues": true},
     "customIdentifiers": [{"name": "T", "regex": "T([0-9]{3})", "captureGroup": 1}],
     "limits": {"matchLimit": 5000, "customMatchLength": 64}}
    """#
    for text in [yaml, json] {
        var configuration = ScanConfiguration()
        try load(text).apply(to: &configuration)
        #expect(configuration.include == ["CREDENTIALS", "CUSTOM_IDENTIFIER"])
        #expect(configuration.keywordDistance == 12)
        #expect(configuration.reportExampleValues)
        #expect(configuration.matchLimit == 5000)
        #expect(configuration.customMatchLength == 64)
        #expect(configuration.customIdentifiers.first?.captureGroup == .number(1))
    }
}

@Test func filesApplyInOrderAndNamesStayUnique() throws {
    let folder = try TemporaryFolder()
    let a = try folder.write("a.json", #"{"name": "SAME", "regex": "S[0-9]+"}"#)
    let b = try folder.write("b.yaml", "customIdentifiers: [{name: SAME, regex: 'Z[0-9]+'}]\n")
    do {
        _ = try ScanConfiguration(configurationFiles: [a, b])
        Issue.record("expected an error")
    } catch {
        #expect(error.file == b)
        #expect(error.description.contains("custom identifier SAME: name: already defined in \(a)"))
    }
    let c = try folder.write("c.yaml", "customIdentifiers: [{name: OTHER, regex: 'Z[0-9]+'}]\n")
    #expect(try ScanConfiguration(configurationFiles: [a, c]).customIdentifiers.map(\.name) == ["SAME", "OTHER"])
}

@Test func allowListFilesAreReadRelativeToTheConfigurationFile() throws {
    let folder = try TemporaryFolder()
    try folder.write("lists/allow.txt", "  EMP-123456  \r\n\n# not a comment\n")
    let config = try folder.write("piiscan.yaml", """
        customIdentifiers: [{name: EMP, regex: 'EMP-[0-9]{6}'}]
        allowLists: [{name: staff, file: lists/allow.txt}]
        """)
    let configuration = try ScanConfiguration(configurationFiles: [config])
    #expect(configuration.allowLists.first?.criteria == .literals(["EMP-123456", "# not a comment"]))
    let engine = try ScanEngine(configuration: configuration, catalog: [])
    #expect(engine.findings(in: "emp-123456 EMP-123456 EMP-654321").count == 1)
}

/// Each bad configuration stops with a message naming the file, the line, the item and the
/// problem.
@Test(arguments: [
    // Unknown fields.
    ("colour: red\n", 1, "colour: unknown field \"colour\"", ConfigurationError.Kind.unknownField),
    ("customIdentifiers:\n  - name: EMP\n    regex: 'E'\n    keyword: [staff]\n", 4,
     "custom identifier EMP: unknown field \"keyword\" (known fields: name, description, regex", .unknownField),
    (#"{"name": "EMP", "regex": "E", "arn": "x", "regexp": "y"}"#, 1, "custom identifier EMP: unknown field \"regexp\"",
     .unknownField),
    ("managedIdentifiers: {includes: [SSN]}\n", 1, "managedIdentifiers: unknown field \"includes\"", .unknownField),
    ("customIdentifiers: [{name: A, regex: x, severityLevels: [{occurrencesThreshold: 1, severity: LOW, extra: 1}]}]\n",
     1, "custom identifier A: unknown field \"extra\"", .unknownField),
    ("allowLists: [{name: L, entries: [a], regexes: [b]}]\n", 1, "allow list L: unknown field \"regexes\"", .unknownField),
    // Invalid regexes: the identifier, the offset, PCRE2's message.
    ("customIdentifiers:\n  - name: EMP\n    regex: 'EMP-([0-9]{6}'\n", 3,
     "custom identifier EMP: regex: missing closing parenthesis at offset 13 in the pattern", .invalidPattern),
    ("customIdentifiers:\n  - name: LB\n    regex: '(?<=a+)b'\n", 3, "custom identifier LB: regex: ", .invalidPattern),
    ("customIdentifiers: [{name: E, regex: 'a*'}]\n", 1, "custom identifier E: regex: can match the empty string",
     .invalidPattern),
    ("customIdentifiers: [{name: K, regex: 'ab\\Kc'}]\n", 1, "custom identifier K: regex: \\K is not supported",
     .invalidPattern),
    // Out-of-range and malformed values.
    ("customIdentifiers:\n  - name: EMP\n    regex: E\n    maximumMatchDistance: 301\n", 4,
     "custom identifier EMP: maximumMatchDistance: must be between 1 and 300, got 301", .invalidValue),
    ("customIdentifiers: [{name: EMP, regex: E, maximumMatchDistance: 0}]\n", 1,
     "maximumMatchDistance: must be between 1 and 300, got 0", .invalidValue),
    ("customIdentifiers: [{name: EMP, regex: E, maximumMatchDistance: far}]\n", 1,
     "custom identifier EMP: maximumMatchDistance: must be a whole number", .invalidValue),
    ("customIdentifiers: [{name: EMP, regex: E, keywords: staff}]\n", 1,
     "custom identifier EMP: keywords: must be a list of strings", .invalidValue),
    ("managedIdentifiers: {keywordDistance: 500}\n", 1, "managedIdentifiers: keywordDistance: must be between 1 and 300",
     .invalidValue),
    ("limits: {customMatchLength: 8}\n", 1, "limits: customMatchLength: must be between 16 and 65536, got 8", .invalidValue),
    // Unknown identifiers and names.
    ("managedIdentifiers:\n  include:\n    - CREDENTIALS\n    - NOT_AN_IDENTIFIER\n", 4,
     "managedIdentifiers.include: no managed identifier or category is named NOT_AN_IDENTIFIER", .unknownIdentifier),
    ("customIdentifiers: [{name: EMAIL_ADDRESS, regex: x}]\n", 1,
     "custom identifier EMAIL_ADDRESS: name: a managed identifier or a category already has this name", .invalidValue),
    ("customIdentifiers: [{name: A, regex: x}, {name: A, regex: y}]\n", 1,
     "custom identifier A: name: two custom identifiers have this name", .invalidValue),
    ("customIdentifiers: [{regex: x}]\n", 1, "customIdentifiers[0]: name: required", .invalidValue),
    ("customIdentifiers: [{name: N}]\n", 1, "custom identifier N: regex: required", .invalidValue),
    // Severity levels, checks, capture groups.
    ("customIdentifiers: [{name: S, regex: x, severityLevels: [{occurrencesThreshold: 10, severity: LOW}, {occurrencesThreshold: 5, severity: HIGH}]}]\n",
     1, "custom identifier S: severityLevels: thresholds must ascend from LOW to HIGH", .invalidValue),
    ("customIdentifiers: [{name: S, regex: x, severityLevels: [{occurrencesThreshold: 1, severity: URGENT}]}]\n", 1,
     "custom identifier S: severityLevels: severity must be LOW, MEDIUM or HIGH, got URGENT", .invalidValue),
    ("customIdentifiers: [{name: S, regex: x, severityLevels: [{occurrencesThreshold: 1, severity: LOW}, {occurrencesThreshold: 2, severity: LOW}]}]\n",
     1, "severityLevels: each severity may appear once", .invalidValue),
    ("customIdentifiers: [{name: S, regex: x, severityLevels: [{occurrencesThreshold: 0, severity: LOW}]}]\n", 1,
     "severityLevels: occurrencesThreshold must be between 1 and 1000000, got 0", .invalidValue),
    ("customIdentifiers: [{name: C, regex: x, check: crc}]\n", 1,
     "custom identifier C: check: unknown check \"crc\" (known: luhn, mod97, iban, nhs, vin)", .invalidValue),
    ("customIdentifiers: [{name: G, regex: 'a(b)', captureGroup: 2}]\n", 1,
     "custom identifier G: captureGroup: the regex has 1 capturing group(s), there is no group 2", .invalidValue),
    ("customIdentifiers: [{name: G, regex: 'a(b)', captureGroup: id}]\n", 1,
     "custom identifier G: captureGroup: the regex has no group named id", .invalidValue),
    // Allow lists.
    ("allowLists: [{name: L, regex: '[a-'}]\n", 1, "allow list L: regex: missing terminating ] for character class at offset 3",
     .invalidPattern),
    ("allowLists: [{name: L, regex: a, entries: [b]}]\n", 1, "allow list L: give exactly one of file, regex or entries",
     .invalidValue),
    ("allowLists: [{name: L, file: no-such-list.txt}]\n", 1, "allow list L: file no-such-list.txt: cannot read the allow-list file",
     .unreadableFile),
    // Syntax.
    ("customIdentifiers: [{name: A, regex: x}\n", 2, "not valid YAML or JSON", .unreadableFile),
    ("version: 2\n", 1, "version: only version 1 exists", .invalidValue),
    ("- 1\n- 2\n", 1, "customIdentifiers[0]: must be a mapping", .invalidValue),
] as [(String, Int, String, ConfigurationError.Kind)])
func badConfigurationNamesFileLineItemAndProblem(text: String, line: Int, message: String,
                                                 kind: ConfigurationError.Kind) {
    do {
        _ = try load(text)
        Issue.record("expected an error for \(text)")
    } catch {
        #expect(error.file == "config.yaml")
        #expect(error.line == line, "\(error.description)")
        #expect(error.kind == kind, "\(error.description)")
        #expect(error.description.hasPrefix("config.yaml: line \(line): "), "\(error.description)")
        #expect(error.description.contains(message), "\(error.description)")
    }
}

@Test func missingConfigurationFileIsAnError() {
    do {
        _ = try ConfigurationFile(contentsOf: "/nonexistent/piiscan.yaml")
        Issue.record("expected an error")
    } catch {
        #expect(error.kind == .unreadableFile)
        #expect(error.description.hasPrefix("/nonexistent/piiscan.yaml: cannot read the configuration file"))
    }
}

@Test func engineChecksProgrammaticDefinitionsToo() {
    var configuration = ScanConfiguration()
    configuration.customIdentifiers = [CustomIdentifier(name: "X", regex: "(", keywords: [])]
    #expect(throws: ConfigurationError.self) { try ScanEngine(configuration: configuration, catalog: []) }
    configuration.customIdentifiers = [CustomIdentifier(name: "X", regex: "x+", maximumMatchDistance: 400)]
    do {
        _ = try ScanEngine(configuration: configuration, catalog: [])
        Issue.record("expected an error")
    } catch {
        #expect(error.description == "X: maximumMatchDistance: must be between 1 and 300, got 400")
    }
    configuration.customIdentifiers = Array(repeating: CustomIdentifier(name: "X", regex: "x"), count: 2)
    #expect(throws: ConfigurationError.self) { try ScanEngine(configuration: configuration, catalog: []) }
    configuration.customIdentifiers = [CustomIdentifier(name: "X", regex: "x")]
    configuration.include = ["Y"]
    #expect(throws: ConfigurationError.self) { try ScanEngine(configuration: configuration, catalog: []) }
    configuration.include = ["X"]
    #expect((try? ScanEngine(configuration: configuration, catalog: []))?.customIdentifiers.count == 1)
    configuration.include = []
    configuration.exclude = ["CUSTOM_IDENTIFIER"]
    #expect((try? ScanEngine(configuration: configuration, catalog: []))?.customIdentifiers.count == 0)
}

/// A temporary folder removed when released.
final class TemporaryFolder {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("piiscan-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
