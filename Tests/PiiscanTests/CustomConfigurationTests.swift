import Foundation
import Testing

/// `--config`: custom identifiers and allow lists end to end, bad configurations, and
/// `piiscan identifiers test`.
@Suite("piiscan --config end to end", .serialized)
struct CustomConfigurationTests {
    static let example = Piiscan.packageRoot.appendingPathComponent("examples/piiscan.yaml").path
    static let macieExport = Piiscan.packageRoot.appendingPathComponent("examples/macie-custom-identifier.json").path

    @Test func customFindingsInJSONLines() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("staff.csv", "name,patient_id,note\nA,123-4567-89,EMP-204518 and EMP-000000\n")
        let run = try Piiscan.run(["scan", "--format", "jsonl", "--config", Self.example, csv])
        #expect(run.status == 1)
        let findings = try run.findings()
        #expect(findings.count == 2)
        let patient = try #require(findings.first { $0["type"] as? String == "PATIENT_ID" })
        #expect(patient["category"] as? String == "CUSTOM_IDENTIFIER")
        #expect(patient["severity"] as? String == "MEDIUM")
        #expect(patient["keyword"] as? String == "patient")     // from the column name
        #expect((patient["location"] as? [String: Any])?["columnName"] as? String == "patient_id")
        let employee = try #require(findings.first { $0["type"] as? String == "EMPLOYEE_ID" })
        #expect(employee["severity"] as? String == "LOW")
        #expect(employee["value"] == nil)                        // values only with --show-values
        #expect(!run.stdout.contains("204518"))
    }

    @Test func macieExportWorksAsConfiguration() throws {
        let dir = try TemporaryDirectory()
        let text = try dir.write("log.txt", "badge BDG-1234567 issued; employee badge BDG-0000000 revoked\n")
        let run = try Piiscan.run(["scan", "--format", "jsonl", "--config", Self.macieExport, text])
        #expect(run.status == 1)
        #expect(try run.countsByType() == ["EMPLOYEE_BADGE": 1])
    }

    @Test func allowListsApplyToManagedIdentifiers() throws {
        let dir = try TemporaryDirectory()
        let config = try dir.write("allow.yaml", """
            allowLists:
              - {name: corp, regex: '[a-z.]+@example\\.com'}
              - {name: people, entries: [JO@EXAMPLE.ORG]}
            """)
        let text = try dir.write("mail.txt", "a.b@example.com jo@example.org ann@example.net\n")
        let run = try Piiscan.run(["scan", "--format", "jsonl", "--include", "EMAIL_ADDRESS", "--show-values",
                                   "--config", config, text])
        #expect(try run.findings().compactMap { $0["value"] as? String } == ["ann@example.net"])
    }

    @Test func commandLineSelectionStillApplies() throws {
        let dir = try TemporaryDirectory()
        let text = try dir.write("t.txt", "EMP-204518 jo@example.org\n")
        let onlyCustom = try Piiscan.run(["scan", "--format", "jsonl", "--include", "CUSTOM_IDENTIFIER",
                                          "--config", Self.example, text])
        #expect(try onlyCustom.countsByType() == ["EMPLOYEE_ID": 1])
        let withoutIt = try Piiscan.run(["scan", "--format", "jsonl", "--exclude", "EMPLOYEE_ID",
                                         "--config", Self.example, text])
        #expect(try withoutIt.countsByType() == ["EMAIL_ADDRESS": 1])
    }

    /// Each bad configuration stops before scanning: exit 2, nothing on stdout, and a message
    /// naming the file, the item and the problem.
    @Test(arguments: [
        ("customIdentifiers:\n  - name: EMP\n    regex: 'EMP-([0-9]{6}'\n",
         "line 3: custom identifier EMP: regex: missing closing parenthesis at offset 13 in the pattern"),
        ("customIdentifiers:\n  - name: EMP\n    regex: E\n    maximumMatchDistance: 500\n",
         "line 4: custom identifier EMP: maximumMatchDistance: must be between 1 and 300, got 500"),
        ("managedIdentifiers:\n  exclude: [NOT_AN_IDENTIFIER]\n",
         "line 2: managedIdentifiers.exclude: no managed identifier or category is named NOT_AN_IDENTIFIER"),
        ("customIdentifiers:\n  - name: EMP\n    regex: E\n    ignoreword: [x]\n",
         "line 4: custom identifier EMP: unknown field \"ignoreword\""),
        ("customIdentifiers: [{name: A, regex: x}\n", "not valid YAML or JSON"),
    ])
    func badConfigurationStopsBeforeScanning(config: String, message: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.yaml", config)
        let run = try Piiscan.run(["scan", "--format", "jsonl", "--config", path, Piiscan.demoBucket])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("piiscan: \(path): "), "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func missingConfigurationFileExitsTwo() throws {
        let run = try Piiscan.run(["scan", "--config", "/nonexistent/piiscan.yaml", Piiscan.demoBucket])
        #expect(run.status == 2)
        #expect(run.stderr.contains("piiscan: /nonexistent/piiscan.yaml: cannot read the configuration file"))
    }

    @Test func pathologicalPatternMarksTheObjectAndTheScanGoesOn() throws {
        let dir = try TemporaryDirectory()
        let config = try dir.write("runaway.yaml", "customIdentifiers:\n  - {name: RUNAWAY, regex: '(a+)+$'}\n")
        try dir.write("data/1-runaway.txt", String(repeating: "a", count: 100_000) + "b\n")
        try dir.write("data/2-next.txt", "jo@example.org\n")
        let run = try Piiscan.run(["scan", "--format", "jsonl", "--config", config, dir.path + "/data"])
        #expect(run.status == 1)
        let objects = try run.objects()
        #expect(objects.map { $0["status"] as? String } == ["PARTIAL", "COMPLETE"])
        #expect(objects.first?["reason"] as? String == "MATCH_LIMIT_EXCEEDED")
        #expect(run.stderr.contains("custom identifier RUNAWAY hit the pattern match limit"))
        #expect(try run.countsByType() == ["EMAIL_ADDRESS": 1])
    }

    @Test func identifiersListsCustomIdentifiers() throws {
        let run = try Piiscan.run(["identifiers", "--format", "json", "--config", Self.example,
                                   "--include", "CUSTOM_IDENTIFIER"])
        #expect(run.status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        #expect(list?.compactMap { $0["id"] as? String } == ["EMPLOYEE_ID", "PATIENT_ID", "INTERNAL_CARD_REFERENCE"])
        #expect(list?.first?["category"] as? String == "CUSTOM_IDENTIFIER")
        #expect(list?[1]["keyword"] as? String == "required")
    }

    // MARK: identifiers test

    @Test func identifiersTestShowsWhatAndWhy() throws {
        let sample = "employee EMP-204518, EMP-000000 and EMP-111111\nmrn: 123-4567-89\n"
            + "card=4539578763621486 card=4539578763621487 999-9999-99"
        let run = try Piiscan.run(["identifiers", "test", "--config", Self.example, sample])
        #expect(run.status == 1)
        let expected = [
            "EMPLOYEE_ID  line 1, column 10  EMP-204518\n    reported: no keyword needed\n",
            "EMPLOYEE_ID  line 1, column 22  EMP-000000\n    dropped: contains the ignore word \"EMP-000000\"\n",
            "EMPLOYEE_ID  line 1, column 37  EMP-111111\n    dropped: allowed by the allow list demo-staff\n",
            "PATIENT_ID  line 2, column 6  123-4567-89\n    reported: keyword \"mrn\" before it\n",
            "INTERNAL_CARD_REFERENCE  line 3, column 6  4539578763621486\n    reported: no keyword needed, luhn check passed\n",
            "INTERNAL_CARD_REFERENCE  line 3, column 28  4539578763621487\n    dropped: fails the luhn check\n",
            "PATIENT_ID  line 3, column 45  999-9999-99\n    dropped: no keyword ends before it",
            "EMPLOYEE_ID: 1 reported match, severity LOW (levels: 1+ LOW, 10+ MEDIUM, 100+ HIGH)\n",
            "PATIENT_ID: 1 reported match, severity MEDIUM (no severity levels: MEDIUM)\n",
        ]
        for line in expected { #expect(run.stdout.contains(line), "\(line)\n---\n\(run.stdout)") }
    }

    @Test func identifiersTestNameAndSampleFile() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("sample.csv", "id,badge_no\n1,BDG-1234567\n2,BDG-7654321\n")
        let run = try Piiscan.run(["identifiers", "test", "--config", Self.macieExport, "--name", "EMPLOYEE_BADGE",
                                   "--file", csv])
        #expect(run.status == 1)
        #expect(run.stdout.contains("EMPLOYEE_BADGE  column badge_no  BDG-1234567\n    reported: keyword \"badge\" in the field's name"))
        #expect(run.stdout.contains("EMPLOYEE_BADGE: 2 reported matches, severity LOW"))
        let none = try Piiscan.run(["identifiers", "test", "--config", Self.macieExport, "BDG-1234567"])
        #expect(none.status == 0)
        #expect(none.stdout.contains("dropped: no keyword"))
        let unknown = try Piiscan.run(["identifiers", "test", "--config", Self.macieExport, "--name", "NOPE", "x"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no custom identifier is named NOPE"))
        let usage = try Piiscan.run(["identifiers", "test", "--config", Self.macieExport])
        #expect(usage.status == 2)
    }

    @Test func identifiersTestBelowThresholdSaysNoFinding() throws {
        let dir = try TemporaryDirectory()
        let config = try dir.write("t.yaml", """
            customIdentifiers:
              - name: TICKET
                regex: 'TCK-[0-9]{4}'
                severityLevels: [{occurrencesThreshold: 3, severity: HIGH}]
            """)
        let run = try Piiscan.run(["identifiers", "test", "--config", config, "TCK-1234 TCK-5678"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("TICKET: 2 reported matches, below the lowest threshold (3): no finding"))
    }
}
