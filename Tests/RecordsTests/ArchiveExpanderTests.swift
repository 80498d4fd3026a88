import Foundation
import Records
import Testing

/// What an expansion delivered: each member's text (as read to the end or to an error) and
/// problem, skipped members and archive reports, in order.
struct ArchiveRecorder: ArchiveVisitor {
    var events: [String] = []
    var contents: [String: String] = [:]
    var problems: [String: ArchiveProblem.Kind] = [:]
    var reports: [ArchiveReport] = []

    mutating func scanMember(_ member: ArchiveMember, from source: ArchiveMemberSource) -> Bool {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = (try? buffer.withUnsafeMutableBytes { try source.read(into: $0) }) ?? 0
            if n == 0 { break }
            bytes += buffer[0..<n]
        }
        events.append("member \(member.path) as \(member.name)")
        contents[member.path] = String(decoding: bytes, as: UTF8.self)
        if let problem = source.problem { problems[member.path] = problem.kind }
        return true
    }

    mutating func skipMember(_ member: ArchiveMember, problem: ArchiveProblem) {
        events.append("skip \(member.path)")
        problems[member.path] = problem.kind
    }

    mutating func finishArchive(_ report: ArchiveReport) {
        events.append("archive \(report.path) \(report.kindDescription)")
        reports.append(report)
    }
}

enum ArchiveFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/archives").path

    static func expand(_ name: String, limits: ArchiveLimits = ArchiveLimits()) throws -> ArchiveRecorder {
        let path = directory + "/" + name
        let prefix = Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(4096))
        let kind = try #require(prefix.withUnsafeBytes { ArchiveKind.detect(name: name, prefix: $0) })
        var recorder = ArchiveRecorder()
        ArchiveExpander(limits: limits).expandFile(atPath: path, displayPath: name, kind: kind, visitor: &recorder)
        return recorder
    }

    static let usersCSV = "id,name,email,ssn\n1,Alex Example,alex.example@example.com,219-09-9999\n"
        + "2,Blake Sample,blake.sample@example.org,536-22-8726\n"

    /// Runs generate.py's `bombs` into a new temporary directory.
    static func bombs() throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("piiscan-bombs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", directory + "/generate.py", "bombs", out]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return out
    }
}

@Suite struct ArchiveExpanderTests {
    @Test func zipMembersAreReadInDirectoryOrderAndDirectoriesSkipped() throws {
        let seen = try ArchiveFixtures.expand("exports.zip")
        #expect(seen.events == ["member exports.zip!2024/users.csv as 2024/users.csv",
                                "member exports.zip!2024/events.jsonl as 2024/events.jsonl",
                                "member exports.zip!notes.txt as notes.txt",
                                "archive exports.zip zip"])
        #expect(seen.contents["exports.zip!2024/users.csv"] == ArchiveFixtures.usersCSV)
        #expect(seen.problems.isEmpty && seen.reports[0].problems.isEmpty)
    }

    @Test func storedZipMemberIsReadOnce() throws {
        let seen = try ArchiveFixtures.expand("stored.zip")
        #expect(seen.contents["stored.zip!users.csv"] == ArchiveFixtures.usersCSV)
    }

    @Test(arguments: ["exports.tar", "pax.tar", "gnu.tar"])
    func tarNamesIncludingLongOnes(_ name: String) throws {
        let seen = try ArchiveFixtures.expand(name)
        let members = seen.contents.keys.sorted()
        #expect(members.allSatisfy { $0.hasPrefix(name + "!") })
        if name != "exports.tar" {
            #expect(members == [name + "!deep/" + String(repeating: "d", count: 120) + "/users.csv"])
        }
        #expect(seen.contents.values.contains(ArchiveFixtures.usersCSV))
        #expect(seen.reports.map(\.kindDescription) == ["tar"])
    }

    @Test func tarGzIsOneLevelWithTwoLayers() throws {
        let seen = try ArchiveFixtures.expand("exports.tar.gz")
        #expect(seen.events == ["member exports.tar.gz!users.csv as users.csv",
                                "member exports.tar.gz!events.jsonl as events.jsonl",
                                "archive exports.tar.gz tar.gz"])
        #expect(seen.reports[0].kinds == [.gzip, .tar])
    }

    @Test func gzipOfAFileIsOneObjectNamedFromItsHeader() throws {
        let seen = try ArchiveFixtures.expand("users.csv.gz")
        #expect(seen.events == ["member users.csv.gz as users.csv"])
        #expect(seen.contents["users.csv.gz"] == ArchiveFixtures.usersCSV)
    }

    @Test func multiMemberGzipIsReadWhole() throws {
        let seen = try ArchiveFixtures.expand("multi.jsonl.gz")
        #expect(seen.contents["multi.jsonl.gz"]?.split(separator: "\n").count == 2)
        #expect(seen.contents["multi.jsonl.gz"]?.contains("devon@example.com") == true)
    }

    @Test func nestedArchivesGetBangPaths() throws {
        let seen = try ArchiveFixtures.expand("nested.zip")
        #expect(seen.events == ["member nested.zip!b.tar.gz!c.csv as c.csv",
                                "archive nested.zip!b.tar.gz tar.gz",
                                "member nested.zip!notes.txt.gz as notes.txt",
                                "archive nested.zip zip"])
    }

    @Test func truncatedZipIsUnreadableAndNamed() throws {
        let seen = try ArchiveFixtures.expand("truncated.zip")
        #expect(seen.reports.count == 1)
        #expect(seen.reports[0].isUnreadable)
        #expect(seen.reports[0].problems.first?.kind == .malformed)
        #expect(seen.reports[0].problems.first?.path == "truncated.zip")
    }

    @Test func corruptMemberIsReportedAndTheNextOneRead() throws {
        let seen = try ArchiveFixtures.expand("corrupt-member.zip")
        #expect(seen.problems["corrupt-member.zip!users.csv"] == .malformed)
        #expect(seen.contents["corrupt-member.zip!notes.txt"]?.contains("casey@example.net") == true)
        #expect(seen.reports[0].memberProblemKinds == [.malformed])
    }

    @Test func truncatedGzipAndTarKeepWhatWasRead() throws {
        let gz = try ArchiveFixtures.expand("truncated.csv.gz")
        #expect(gz.problems["truncated.csv.gz"] == .malformed)
        #expect(gz.contents["truncated.csv.gz"]?.hasPrefix(ArchiveFixtures.usersCSV) == true)
        let tar = try ArchiveFixtures.expand("truncated.tar")
        #expect(tar.problems["truncated.tar!users.csv"] == .malformed)
        #expect(tar.reports[0].memberProblemKinds.contains(.malformed))
    }

    @Test func encryptedAndUnsupportedMembersAreSkipped() throws {
        let encrypted = try ArchiveFixtures.expand("encrypted.zip")
        #expect(encrypted.events.first == "skip encrypted.zip!secret.csv")
        #expect(encrypted.problems["encrypted.zip!secret.csv"] == .unprocessedMember)
        #expect(encrypted.contents["encrypted.zip!notes.txt"] != nil)
        let bzip2 = try ArchiveFixtures.expand("bzip2-member.zip")
        #expect(bzip2.problems["bzip2-member.zip!users.csv"] == .unprocessedMember)
    }

    @Test func zipBombStopsAtTheRatioGuardAndTheNextMemberIsRead() throws {
        let dir = try ArchiveFixtures.bombs()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var recorder = ArchiveRecorder()
        ArchiveExpander().expandFile(atPath: dir + "/bomb.zip", displayPath: "bomb.zip", kind: .zip, visitor: &recorder)
        #expect(recorder.problems["bomb.zip!zeros.txt"] == .compressionRatio)
        #expect((recorder.contents["bomb.zip!zeros.txt"]?.utf8.count ?? .max) < 2 << 20)
        #expect(recorder.contents["bomb.zip!after.txt"] != nil)

        var gz = ArchiveRecorder()
        ArchiveExpander().expandFile(atPath: dir + "/bomb.txt.gz", displayPath: "bomb.txt.gz", kind: .gzip, visitor: &gz)
        #expect(gz.problems["bomb.txt.gz"] == .compressionRatio)
    }

    @Test func limitsOnBytesMembersDepthAndSize() throws {
        let dir = try ArchiveFixtures.bombs()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func run(_ name: String, _ limits: ArchiveLimits) -> ArchiveRecorder {
            var recorder = ArchiveRecorder()
            ArchiveExpander(limits: limits).expandFile(atPath: dir + "/" + name, displayPath: name, kind: .zip,
                                                       visitor: &recorder)
            return recorder
        }
        let bytes = run("bomb.zip", ArchiveLimits(maxExtractedBytes: 1 << 20, maxCompressionRatio: 1 << 30))
        #expect(bytes.problems["bomb.zip!zeros.txt"] == .tooManyBytes)
        #expect(bytes.contents["bomb.zip!after.txt"] == nil)
        #expect(bytes.reports.last?.problems.map(\.kind) == [.tooManyBytes])

        let members = run("many.zip", ArchiveLimits(maxMembers: 10))
        #expect(members.contents.count == 10)
        #expect(members.reports.last?.problems.map(\.kind) == [.tooManyMembers])

        let deep = run("deep.zip", ArchiveLimits())
        #expect(deep.problems.values.contains(.nestingOverLimit))
        #expect(deep.reports.count == 10)
        let shallow = run("deep.zip", ArchiveLimits(maxNestingDepth: 2))
        #expect(shallow.reports.count == 2)

        let size = run("many.zip", ArchiveLimits(maxArchiveBytes: 100))
        #expect(size.reports.map(\.isUnreadable) == [true])
        #expect(size.reports.first?.problems.map(\.kind) == [.archiveTooLarge])
    }

    @Test func everyTruncationOfEveryFixtureEndsWithoutATrap() throws {
        for name in ["exports.zip", "exports.tar.gz", "nested.zip", "multi.jsonl.gz", "pax.tar"] {
            let whole = try Data(contentsOf: URL(fileURLWithPath: ArchiveFixtures.directory + "/" + name))
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("piiscan-cut-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let step = max(1, whole.count / 97)
            for cut in stride(from: 0, to: whole.count, by: step) {
                var bytes = [UInt8](whole)
                let path = dir.appendingPathComponent("cut-\(cut)-\(name)").path
                bytes.removeLast(bytes.count - cut)
                if cut % 2 == 1, !bytes.isEmpty { bytes[bytes.count / 2] ^= 0x5A }  // and some corruption
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                let kind: ArchiveKind = name.hasSuffix(".zip") ? .zip : name.hasSuffix(".gz") ? .gzip : .tar
                var recorder = ArchiveRecorder()
                ArchiveExpander().expandFile(atPath: path, displayPath: name, kind: kind, visitor: &recorder)
                #expect(!recorder.events.isEmpty || bytes.isEmpty || kind == .tar)
            }
        }
    }
}
