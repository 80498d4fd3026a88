import Foundation
import Testing

@Suite struct ArchiveScanTests {
    static let fixtures = Piiscan.packageRoot.appendingPathComponent("Tests/Fixtures/archives").path

    private func objects(_ run: PiiscanRun) throws -> [String: [String: Any]] {
        var byPath: [String: [String: Any]] = [:]
        for object in try run.objects() {
            let path = (object["path"] as? String ?? "").replacingOccurrences(of: Self.fixtures + "/", with: "")
            byPath[path] = object
        }
        return byPath
    }

    @Test func membersAreObjectsWithBangPathsAndFindingsCarryThem() throws {
        let run = try Piiscan.run(["scan", "--format", "jsonl", Self.fixtures + "/nested.zip", Self.fixtures + "/exports.zip"])
        #expect(run.status == 1)
        let objects = try objects(run)
        #expect(Set(objects.keys) == ["nested.zip!b.tar.gz!c.csv", "nested.zip!b.tar.gz", "nested.zip!notes.txt.gz",
                                      "nested.zip", "exports.zip!2024/users.csv", "exports.zip!2024/events.jsonl",
                                      "exports.zip!notes.txt", "exports.zip"])
        #expect(objects["nested.zip!b.tar.gz!c.csv"]?["format"] as? String == "csv")
        #expect(objects["nested.zip!b.tar.gz"]?["format"] as? String == "tar.gz")
        #expect(objects["exports.zip"]?["status"] as? String == "COMPLETE")
        let ssn = try run.findings().first {
            ($0["path"] as? String)?.hasSuffix("nested.zip!b.tar.gz!c.csv") == true
                && $0["type"] as? String == "USA_SOCIAL_SECURITY_NUMBER"
        }
        let location = try #require(ssn?["location"] as? [String: Any])
        #expect(location["row"] is Int && location["columnName"] as? String == "ssn")
        #expect(!run.stdout.contains("219-09-9999"))
    }

    @Test func damagedArchivesAreNamedAndTheRestGoesOn() throws {
        let run = try Piiscan.run(["scan", "--format", "jsonl", Self.fixtures + "/truncated.zip",
                                   Self.fixtures + "/corrupt-member.zip", Self.fixtures + "/truncated.csv.gz",
                                   Self.fixtures + "/encrypted.zip", Self.fixtures + "/users.csv.gz"])
        #expect(run.status == 1)  // findings; damage is not an error
        let objects = try objects(run)
        #expect(objects["truncated.zip"]?["status"] as? String == "SKIPPED")
        #expect(objects["truncated.zip"]?["reason"] as? String == "MALFORMED_FILE")
        #expect(objects["corrupt-member.zip!users.csv"]?["reason"] as? String == "MALFORMED_FILE")
        #expect(objects["corrupt-member.zip!notes.txt"]?["status"] as? String == "COMPLETE")
        #expect(objects["corrupt-member.zip"]?["status"] as? String == "PARTIAL")
        #expect(objects["truncated.csv.gz"]?["status"] as? String == "PARTIAL")
        #expect((objects["truncated.csv.gz"]?["findings"] as? Int ?? 0) > 0)
        #expect(objects["encrypted.zip"]?["reason"] as? String == "ARCHIVE_CONTAINS_UNPROCESSED_FILES")
        #expect(objects["users.csv.gz"]?["findings"] as? Int == 3)
        #expect(run.stderr.contains("corrupt-member.zip!users.csv: corrupt deflate data near compressed offset"))
        #expect(run.stderr.contains("encrypted.zip!secret.csv: encrypted member; not scanned"))
        #expect(!run.stderr.contains("example.com"))
    }

    @Test func limitOptionsGiveMacieReasons() throws {
        let dir = try ArchiveFixtures.bombs()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func reasons(_ options: [String], _ name: String) throws -> [String: String] {
            let run = try Piiscan.run(["scan", "--format", "jsonl"] + options + [dir + "/" + name])
            var out: [String: String] = [:]
            for object in try run.objects() {
                let path = String((object["path"] as? String ?? "").dropFirst(dir.count + 1))
                out[path] = object["reason"] as? String ?? "-"
            }
            return out
        }
        #expect(try reasons([], "bomb.zip")["bomb.zip"] == "ARCHIVE_COMPRESSION_RATIO_OVER_LIMIT")
        #expect(try reasons(["--archive-max-extracted", "1M", "--archive-max-ratio", "100000"], "bomb.zip")["bomb.zip"]
                == "ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT")
        let many = try reasons(["--archive-max-members", "5"], "many.zip")
        #expect(many["many.zip"] == "ARCHIVE_TOTAL_DOCUMENTS_PROCESSED_OVER_LIMIT" && many.count == 6)
        #expect(try reasons(["--archive-max-size", "1K"], "many.zip") == ["many.zip": "ARCHIVE_EXCEEDS_SIZE_LIMIT"])
        let deep = try reasons(["--archive-max-depth", "3"], "deep.zip")
        #expect(deep.values.filter { $0 == "ARCHIVE_NESTING_LEVEL_OVER_LIMIT" }.count == 2)  // the member and its parent
        #expect(try Piiscan.run(["scan", "--archive-max-size", "lots", dir]).status == 2)
    }
}

enum ArchiveFixtures {
    /// Runs Tests/Fixtures/archives/generate.py's `bombs` into a new temporary directory.
    static func bombs() throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("piiscan-bombs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let run = try Piiscan.runProcess("/usr/bin/env", ["python3", ArchiveScanTests.fixtures + "/generate.py", "bombs", out])
        #expect(run.status == 0)
        return out
    }
}
