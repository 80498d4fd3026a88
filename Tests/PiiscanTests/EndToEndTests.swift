import Foundation
import Testing

/// Runs the built `piiscan` binary on the demo bucket and on temporary files.
@Suite("piiscan end to end", .serialized)
struct EndToEndTests {
    static let bucket = Piiscan.demoBucket

    /// Findings per type in Corpora/demo-bucket with the default options; regenerate the bucket
    /// with Corpora/generate_demo.py and update this table together.
    static let expectedDemoCounts: [String: Int] = [
        "EMAIL_ADDRESS": 42,
        "CREDIT_CARD_NUMBER": 32,
        "CREDIT_CARD_NUMBER_(NO_KEYWORD)": 1,
        "PHONE_NUMBER": 24,
        "USA_SOCIAL_SECURITY_NUMBER": 24,
        "IP_ADDRESS": 16,
        "NETHERLANDS_BANK_ACCOUNT_NUMBER": 5,
        "AWS_CREDENTIALS": 4,
        "GERMANY_BANK_ACCOUNT_NUMBER": 3,
        "JSON_WEB_TOKEN": 1,
        "OPENSSH_PRIVATE_KEY": 1,
    ]

    // MARK: exit status

    @Test func demoBucketHasFindingsAndExitsOne() throws {
        let run = try Piiscan.run(["scan", Self.bucket])
        #expect(run.status == 1)
        #expect(run.stdout.contains("Findings by type"))
        #expect(run.stdout.contains("Bytes scanned:"))
    }

    @Test func cleanFileExitsZero() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("clean.txt", "nothing to see here\n")
        let run = try Piiscan.run(["scan", path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("No sensitive data found."))
        #expect(run.stderr.isEmpty)
    }

    @Test func nonexistentPathExitsTwoWithMessage() throws {
        let run = try Piiscan.run(["scan", "/nonexistent/piiscan-e2e"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("piiscan: /nonexistent/piiscan-e2e: no such file or directory"))
    }

    @Test func errorWinsOverFindings() throws {
        let run = try Piiscan.run(["scan", Self.bucket, "/nonexistent/piiscan-e2e"])
        #expect(run.status == 2)
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try Piiscan.run(["scan", "--format", "xml", Self.bucket]).status == 2)
        #expect(try Piiscan.run(["scan", "--keyword-distance", "0", Self.bucket]).status == 2)
        #expect(try Piiscan.run(["scan", "--no-such-option"]).status == 2)
        let unknown = try Piiscan.run(["scan", "--include", "NOT_AN_IDENTIFIER", Self.bucket])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("piiscan: NOT_AN_IDENTIFIER:"))
    }

    @Test func helpDocumentsExitStatusAndExitsZero() throws {
        let run = try Piiscan.run(["scan", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("EXIT STATUS"))
        #expect(run.stdout.contains("--show-values"))
    }

    @Test func unreadableFileExitsTwoAndTheScanGoesOn() throws {
        let dir = try TemporaryDirectory()
        let locked = try dir.write("files/locked.txt", "mail alice@example.com\n")
        try dir.write("files/open.txt", "mail bob@example.com\n")
        try dir.write("files/sealed/inner.txt", "mail carol@example.com\n")
        chmod(locked, 0)
        chmod(dir.path + "/files/sealed", 0)
        defer {
            chmod(locked, 0o644)
            chmod(dir.path + "/files/sealed", 0o755)
        }
        let arguments = ["scan", "--format", "jsonl", dir.path + "/files"]
        let run: PiiscanRun
        if geteuid() != 0 {
            run = try Piiscan.run(arguments)
        } else {
            // Root reads everything: run a copy of the binary as `nobody` when runuser exists.
            guard let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            }), let executable = Piiscan.executable else { return }
            let copy = dir.path + "/piiscan"
            try FileManager.default.copyItem(atPath: executable, toPath: copy)
            chmod(copy, 0o755)
            chmod(dir.path, 0o755)
            chmod(dir.path + "/files", 0o755)
            chmod(dir.path + "/files/open.txt", 0o644)
            run = try Piiscan.runProcess(runuser, ["-u", "nobody", "--", copy] + arguments)
        }
        #expect(run.status == 2)
        #expect(run.stderr.contains("files/locked.txt: permission denied"))
        #expect(run.stderr.contains("files/sealed: cannot read directory: permission denied"))
        let reasons = Dictionary(uniqueKeysWithValues: try run.objects().map {
            (String(($0["path"] as! String).split(separator: "/").last!), $0["reason"] as? String ?? "-")
        })
        #expect(reasons == ["locked.txt": "PERMISSION_DENIED", "open.txt": "-", "sealed": "PERMISSION_DENIED"])
        #expect(try run.findings().count == 1)
    }

    // MARK: JSON Lines schema

    @Test func demoBucketCountsPerType() throws {
        let run = try Piiscan.run(["scan", "--format", "jsonl", Self.bucket])
        #expect(run.status == 1)
        #expect(try run.countsByType() == Self.expectedDemoCounts)
    }

    /// The demo bucket mixes every format piiscan reads; each is scanned, with its own kind of
    /// location, including inside archives and Parquet's nested columns.
    @Test func bucketWithEveryFormatScansWithExactLocations() throws {
        let run = try Piiscan.run(["scan", "--format", "jsonl", Self.bucket])
        let lines = try run.jsonLines()
        let formats = Set(lines.filter { $0["kind"] as? String == "object" }.compactMap { $0["format"] as? String })
        #expect(formats.isSuperset(of: ["text", "csv", "tsv", "json", "jsonl", "parquet", "zip", "tar.gz"]))
        func locations(_ path: String, _ type: String) -> [[String: Any]] {
            lines.filter { $0["kind"] as? String == "finding" && $0["path"] as? String == Self.bucket + "/" + path
                && $0["type"] as? String == type }.compactMap { $0["location"] as? [String: Any] }
        }
        let phones = locations("warehouse/customers.parquet", "PHONE_NUMBER")
        #expect(phones.map { $0["recordIndex"] as? Int } == (0..<6).map { $0 })
        #expect(Set(phones.compactMap { $0["jsonPath"] as? String }) == ["$.contact.phone"])
        let cards = locations("warehouse/customers.parquet", "CREDIT_CARD_NUMBER")
        #expect(cards.count == 6 && cards.allSatisfy { $0["jsonPath"] as? String == "$.card_number" })
        let zipped = locations("exports/monthly.zip!2024/users.csv", "EMAIL_ADDRESS")
        #expect(!zipped.isEmpty && zipped.allSatisfy { ($0["row"] as? Int ?? 0) >= 2 && $0["column"] is Int })
        let gzipped = locations("archive/2023/app-2023-12-31.log.gz", "EMAIL_ADDRESS")
        #expect(!gzipped.isEmpty && gzipped.allSatisfy { $0["line"] is Int && $0["column"] is Int })
    }

    @Test func jsonLinesSchema() throws {
        let run = try Piiscan.run(["scan", "--format", "jsonl", Self.bucket])
        let lines = try run.jsonLines()
        #expect(!lines.isEmpty)
        var sawText = false, sawCell = false, sawRecord = false
        for line in lines {
            let kind = line["kind"] as? String
            #expect(kind == "finding" || kind == "object")
            #expect((line["path"] as? String)?.hasPrefix(Self.bucket + "/") == true)
            if kind == "finding" {
                #expect(line["type"] is String)
                #expect(["CREDENTIALS", "FINANCIAL_INFORMATION", "PERSONAL_INFORMATION"]
                    .contains(line["category"] as? String ?? ""))
                #expect(["LOW", "MEDIUM", "HIGH"].contains(line["severity"] as? String ?? ""))
                #expect(line["value"] == nil)
                let location = try #require(line["location"] as? [String: Any])
                #expect(location["offset"] is Int && location["length"] is Int)
                if location["line"] != nil {
                    sawText = true
                    #expect(location["column"] is Int)
                } else if location["row"] != nil {
                    sawCell = true
                    #expect(location["column"] is Int)
                } else {
                    sawRecord = true
                    #expect(location["recordIndex"] is Int)
                    #expect((location["jsonPath"] as? String)?.hasPrefix("$") == true)
                }
            } else {
                #expect(line["format"] != nil)
                #expect(["COMPLETE", "PARTIAL", "SKIPPED"].contains(line["status"] as? String ?? ""))
                #expect(line.keys.contains("reason"))
                #expect(line["bytes"] is Int && line["findings"] is Int)
            }
        }
        #expect(sawText && sawCell && sawRecord)
    }

    @Test func objectLinesFollowTheirFindingsInSortedOrder() throws {
        let run = try Piiscan.run(["scan", "--format", "jsonl", Self.bucket])
        let lines = try run.jsonLines()
        var objectPaths: [String] = []
        var pending: [String: Int] = [:]
        for line in lines {
            let path = line["path"] as! String
            if line["kind"] as? String == "finding" {
                #expect(!objectPaths.contains(path), "finding after its object line: \(path)")
                pending[path, default: 0] += 1
            } else {
                #expect((line["findings"] as? Int) == pending[path, default: 0])
                objectPaths.append(path)
            }
        }
        let relative = objectPaths.map { String($0.dropFirst(Self.bucket.count + 1)) }
        // Archive members come before the archive that holds them.
        #expect(relative == [".env", "README.txt", "api/customers.json", "api/requests.jsonl",
                             "archive/2023/app-2023-12-31.log.gz",
                             "archive/2023/backup.tar.gz!users.csv", "archive/2023/backup.tar.gz",
                             "archive/2023/q4/old-users.csv", "archive/2023/q4/report.csv",
                             "exports/broken/orders.csv", "exports/events",
                             "exports/monthly.zip!2024/users.csv", "exports/monthly.zip!2024/events.jsonl",
                             "exports/monthly.zip", "exports/payouts.tsv",
                             "exports/users.csv", "logs/app-2024-05-01.log",
                             "qa/test-cards.txt", "warehouse/customers.parquet"])
    }

    @Test func cellLocationsCarryTheColumnName() throws {
        let run = try Piiscan.run(["scan", "--format", "jsonl", Self.bucket + "/exports/users.csv"])
        let findings = try run.findings()
        let ssn = try #require(findings.first { $0["type"] as? String == "USA_SOCIAL_SECURITY_NUMBER" })
        let location = try #require(ssn["location"] as? [String: Any])
        #expect(location["row"] as? Int == 2)
        #expect(location["column"] as? Int == 5)
        #expect(location["columnName"] as? String == "ssn")
        #expect(location["length"] as? Int == 9)
    }

    @Test func formatsAreDetected() throws {
        let run = try Piiscan.run(["scan", "--format", "jsonl", Self.bucket])
        var formats: [String: String] = [:]
        for object in try run.objects() {
            formats[String((object["path"] as! String).dropFirst(Self.bucket.count + 1))] = object["format"] as? String
        }
        #expect(formats["exports/events"] == "jsonl")
        #expect(formats["archive/2023/q4/report.csv"] == "json")
        #expect(formats["exports/payouts.tsv"] == "tsv")
        #expect(formats["api/customers.json"] == "json")
        #expect(formats["logs/app-2024-05-01.log"] == "text")
    }

    @Test func malformedFilesArePartialAndTheScanGoesOn() throws {
        let run = try Piiscan.run(["scan", "--format", "jsonl", Self.bucket])
        #expect(run.status == 1)
        let objects = try run.objects()
        for name in ["exports/broken/orders.csv", "api/requests.jsonl"] {
            let object = try #require(objects.first { $0["path"] as? String == Self.bucket + "/" + name })
            #expect(object["status"] as? String == "PARTIAL")
            #expect(object["reason"] as? String == "MALFORMED_FILE")
            #expect(!((object["messages"] as? [String]) ?? []).isEmpty)
            #expect(run.stderr.contains("piiscan: \(Self.bucket)/\(name): line "))
        }
        // Files after the malformed ones were scanned.
        #expect(objects.contains { ($0["path"] as? String)?.hasSuffix("qa/test-cards.txt") == true })
    }

    // MARK: values

    @Test func valuesAppearOnlyWithShowValues() throws {
        let shown = try Piiscan.run(["scan", "--format", "jsonl", "--show-values", Self.bucket])
        let values = try shown.findings().compactMap { $0["value"] as? String }
        #expect(values.count == (try shown.findings().count))
        #expect(values.contains("riley.fixture46@example.org"))
        #expect(values.contains("122539719"))
        #expect(values.contains("AKIAGGLAMB5XQQCH7JN5"))
        let summaryShown = try Piiscan.run(["scan", "--show-values", Self.bucket])
        #expect(summaryShown.stdout.contains("riley.fixture46@example.org"))

        for arguments in [["scan", Self.bucket], ["scan", "--format", "jsonl", Self.bucket]] {
            let run = try Piiscan.run(arguments)
            for value in Set(values) {
                #expect(!run.stdout.contains(value), "value leaked to stdout with \(arguments)")
                #expect(!run.stderr.contains(value), "value leaked to stderr with \(arguments)")
            }
        }
    }

    @Test func sensitiveKeysAreRedactedFromPaths() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("keyed.json", #"{"carol.keyed@example.com": {"note": "mail dave@example.org"}}"#)
        let run = try Piiscan.run(["scan", "--format", "jsonl", path])
        #expect(!run.stdout.contains("carol.keyed@example.com"))
        #expect(!run.stdout.contains("dave@example.org"))
        #expect(run.stdout.contains("[REDACTED]"))
        let shown = try Piiscan.run(["scan", "--format", "jsonl", "--show-values", path])
        #expect(shown.stdout.contains("carol.keyed@example.com"))
    }

    @Test func jsonStringsAreEscaped() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("quote\"back\\slash\ttab.txt", "mail erin@example.com\n")
        let run = try Piiscan.run(["scan", "--format", "jsonl", path])
        let objects = try run.objects()
        #expect(objects.first?["path"] as? String == path)
    }

    // MARK: options

    @Test func includeAndExclude() throws {
        let all = try Piiscan.run(["scan", "--format", "jsonl", Self.bucket]).countsByType()
        let included = try Piiscan.run(["scan", "--format", "jsonl", "--include", "USA_SOCIAL_SECURITY_NUMBER",
                                        Self.bucket]).countsByType()
        #expect(included == ["USA_SOCIAL_SECURITY_NUMBER": all["USA_SOCIAL_SECURITY_NUMBER"]!])

        let credentials = try Piiscan.run(["scan", "--format", "jsonl", "--include", "credentials",
                                           Self.bucket]).findings()
        #expect(!credentials.isEmpty)
        #expect(credentials.allSatisfy { $0["category"] as? String == "CREDENTIALS" })

        let excluded = try Piiscan.run(["scan", "--format", "jsonl", "--exclude", "CREDIT_CARD_NUMBER,CREDENTIALS",
                                        "--exclude", "USA_SOCIAL_SECURITY_NUMBER", Self.bucket]).findings()
        #expect(!excluded.isEmpty)
        #expect(!excluded.contains { ["CREDIT_CARD_NUMBER", "USA_SOCIAL_SECURITY_NUMBER"].contains($0["type"] as? String) })
        #expect(!excluded.contains { $0["category"] as? String == "CREDENTIALS" })
    }

    @Test func exampleValuesOnlyWhenAsked() throws {
        let path = Self.bucket + "/qa/test-cards.txt"
        let quiet = try Piiscan.run(["scan", "--format", "jsonl", path])
        #expect(quiet.status == 0)
        let loud = try Piiscan.run(["scan", "--format", "jsonl", "--report-example-values", path])
        #expect(loud.status == 1)
        #expect(try loud.countsByType() == ["CREDIT_CARD_NUMBER": 2])
    }

    @Test func keywordDistance() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("ssn.txt", "ssn: " + String(repeating: "x", count: 40) + " 536220918\n")
        #expect(try Piiscan.run(["scan", "--format", "jsonl", "--include", "USA_SOCIAL_SECURITY_NUMBER",
                                 path]).findings().isEmpty)
        let near = try Piiscan.run(["scan", "--format", "jsonl", "--include", "USA_SOCIAL_SECURITY_NUMBER",
                                    "--keyword-distance", "60", path])
        #expect(try near.countsByType() == ["USA_SOCIAL_SECURITY_NUMBER": 1])
    }

    // MARK: paths, links, stdin, pipes

    @Test func pathsAreShownAsGiven() throws {
        let run = try Piiscan.run(["scan", "--format", "jsonl", "demo-bucket/exports"],
                                  currentDirectory: Piiscan.packageRoot.appendingPathComponent("Corpora").path)
        let paths = Set(try run.objects().compactMap { $0["path"] as? String })
        #expect(paths.contains("demo-bucket/exports/users.csv"))
        #expect(paths.contains("demo-bucket/exports/broken/orders.csv"))
    }

    @Test func symlinkOutOfRootIsNotFollowed() throws {
        let outside = try TemporaryDirectory()
        try outside.write("secret.txt", "mail frank.outside@example.com\n")
        let dir = try TemporaryDirectory()
        try dir.write("inside.txt", "mail grace.inside@example.com\n")
        try dir.link("escape.txt", to: outside.path + "/secret.txt")
        try dir.link("loop", to: ".")
        try dir.link("alias.txt", to: "inside.txt")
        let run = try Piiscan.run(["scan", "--format", "jsonl", "--show-values", dir.path])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("frank.outside@example.com"))
        let findingPaths = try run.findings().compactMap { $0["path"] as? String }
        #expect(findingPaths == [dir.path + "/alias.txt", dir.path + "/inside.txt"])
        let escape = try #require(try run.objects().first { $0["path"] as? String == dir.path + "/escape.txt" })
        #expect(escape["status"] as? String == "SKIPPED")
        #expect(escape["reason"] as? String == "SYMBOLIC_LINK_OUTSIDE_ROOT")
        #expect(run.stderr.contains("escape.txt: symbolic link points outside the scanned root"))
    }

    @Test func standardInput() throws {
        let text = try Piiscan.run(["scan", "--format", "jsonl"], stdin: "contact heidi@example.com please\n")
        #expect(text.status == 1)
        let finding = try #require(try text.findings().first)
        #expect(finding["path"] as? String == "-")
        #expect(finding["type"] as? String == "EMAIL_ADDRESS")
        let location = try #require(finding["location"] as? [String: Any])
        #expect(location["line"] as? Int == 1)
        #expect(location["column"] as? Int == 9)
        #expect(location["offset"] as? Int == 8)

        let dash = try Piiscan.run(["scan", "--format", "jsonl", "-"], stdin: "nothing\n")
        #expect(dash.status == 0)
        #expect(try dash.objects().first?["format"] as? String == "text")

        let csv = "name,ssn\nivan,536220918\n"
        let asCSV = try Piiscan.run(["scan", "--format", "jsonl", "--stdin-format", "csv"], stdin: csv)
        let cell = try #require(try asCSV.findings().first?["location"] as? [String: Any])
        #expect(cell["columnName"] as? String == "ssn")

        let sniffed = try Piiscan.run(["scan", "--format", "jsonl"], stdin: #"{"user": {"email": "judy@example.org"}}"#)
        let record = try #require(try sniffed.findings().first?["location"] as? [String: Any])
        #expect(record["jsonPath"] as? String == "$.user.email")
    }

    @Test func closedPipeEndsQuietly() throws {
        let dir = try TemporaryDirectory()
        var big = ""
        for i in 0..<20_000 { big += "line \(i) user\(i)@example.com\n" }
        let path = try dir.write("big.txt", big)
        let executable = try #require(Piiscan.executable)
        let run = try Piiscan.runProcess("/bin/bash", [
            "-c", #""$0" scan --format jsonl "$1" | head -1; echo "status=${PIPESTATUS[0]}" >&2"#, executable, path,
        ])
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(run.stdout.contains(#""kind":"finding""#))
        // No message, no crash: only the status line the shell wrote, and piiscan's status is 0 or 1.
        #expect(run.stderr == "status=1\n" || run.stderr == "status=0\n", "stderr: \(run.stderr)")
    }

    // MARK: identifiers

    @Test func identifiersAsJSON() throws {
        let run = try Piiscan.run(["identifiers", "--format", "json"])
        #expect(run.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(list.count > 10)
        let ssn = try #require(list.first { $0["id"] as? String == "USA_SOCIAL_SECURITY_NUMBER" })
        #expect(ssn["category"] as? String == "PERSONAL_INFORMATION")
        #expect((ssn["keywords"] as? [String])?.contains("ssn") == true)
        #expect(ssn["keyword"] as? String == "conditional")
        #expect(ssn["summary"] is String && ssn["severity"] is String)
        #expect((ssn["validation"] as? String)?.isEmpty == false)
        // Macie's two card IDs: one needs a keyword, the other is reported only without one.
        let cards = list.filter { ($0["id"] as? String)?.hasPrefix("CREDIT_CARD_NUMBER") == true }
        #expect(Set(cards.compactMap { $0["keyword"] as? String }) == ["required", "absent"])
        // Macie reports an AWS key ID and a secret key both as AWS_CREDENTIALS: one ID may have
        // several definitions, each listed.
        #expect(list.filter { $0["id"] as? String == "AWS_CREDENTIALS" }.count >= 1)
    }

    @Test func identifiersTable() throws {
        let run = try Piiscan.run(["identifiers", "--include", "CREDENTIALS"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("ID "))
        #expect(!run.stdout.contains("USA_SOCIAL_SECURITY_NUMBER"))
    }
}
