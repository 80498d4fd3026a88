import Foundation
import Records
import Testing

/// `piiscan mask` and `piiscan unmask` end to end.
@Suite("piiscan mask", .serialized)
struct MaskCLITests {
    /// A synthetic 256-bit test key, hex.
    static let keyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    static let policyText = """
        version: 1
        default: {token: {prefix: type}}
        rules:
          - identifiers: [CREDIT_CARD_NUMBER]
            transform: {encrypt: {keepLuhnValid: true, surrogate: CARD}}
          - columns: [notes]
            transform: {remove: field}
        """

    func setUp() throws -> (TemporaryDirectory, policy: String, key: String) {
        let dir = try TemporaryDirectory()
        let policy = try dir.write("policy.yaml", Self.policyText)
        let key = try dir.write("key.hex", Self.keyHex + "\n")
        return (dir, policy, key)
    }

    @Test func filterMasksJSONLinesAndTheOutputRescansClean() throws {
        let (dir, policy, key) = try setUp()
        let input = "{\"email\":\"riley.fixture46@example.org\",\"n\":1}\n{\"card\":\"4556737586899855\"}\n"
        let run = try Piiscan.run(["mask", "--policy", policy, "--key-file", key, "--verify"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("riley.fixture46") && !run.stdout.contains("4556737586899855"))
        #expect(run.stdout.contains("\"email\":\"EMAIL_ADDRESS_"))
        #expect(run.stdout.contains("\"card\":\"CARD(16):"))
        #expect(!run.stderr.contains("riley") && !run.stderr.contains("4556737586899855"))
        // The same run again gives the same tokens (referential integrity).
        let again = try Piiscan.run(["mask", "--policy", policy, "--key-file", key], stdin: input)
        #expect(again.stdout == run.stdout)
        // And unmask gives the card back, and only the card.
        let masked = try dir.write("masked.jsonl", run.stdout)
        let restored = try Piiscan.run(["unmask", "--policy", policy, "--key-file", key], stdin: try String(contentsOfFile: masked, encoding: .utf8))
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("\"card\":\"4556737586899855\""))
        #expect(restored.stdout.contains("EMAIL_ADDRESS_"))
    }

    @Test func fileModeWritesOutputsAndAManifestAndLeavesInputs() throws {
        let (dir, policy, key) = try setUp()
        let csv = "id,email,notes\n1,riley.fixture46@example.org,call back\n"
        let input = try dir.write("in/users.csv", csv)
        let out = dir.path + "/out"
        let run = try Piiscan.run(["mask", "--policy", policy, "--key-file", key, "--out", out, dir.path + "/in"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: input, encoding: .utf8) == csv)
        let output = try String(contentsOfFile: out + "/users.csv", encoding: .utf8)
        #expect(output.hasPrefix("id,email\n1,EMAIL_ADDRESS_"))
        let manifestData = try Data(contentsOf: URL(fileURLWithPath: out + "/piiscan-manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
        #expect((manifest["keyId"] as? String)?.hasPrefix("k1-") == true)
        #expect(!String(decoding: manifestData, as: UTF8.self).contains(Self.keyHex))
        #expect(!String(decoding: manifestData, as: UTF8.self).contains("riley"))
        let objects = try #require(manifest["objects"] as? [[String: Any]])
        #expect(objects.count == 1)
        let object = objects[0]
        #expect(object["status"] as? String == "MASKED")
        #expect(((object["input"] as? [String: Any])?["sha256"] as? String)?.count == 64)
        #expect(((object["output"] as? [String: Any])?["sha256"] as? String)?.count == 64)
        let counts = try #require(object["counts"] as? [[String: Any]])
        #expect(counts.contains { $0["type"] as? String == "EMAIL_ADDRESS" && $0["transform"] as? String == "token" && $0["count"] as? Int == 1 })
        #expect(counts.contains { $0["type"] as? String == "column:notes" && $0["transform"] as? String == "remove-field" })
    }

    @Test func inPlaceReplacesOnlyWhenAsked() throws {
        let (dir, policy, key) = try setUp()
        let input = try dir.write("data.jsonl", "{\"email\":\"riley.fixture46@example.org\"}\n")
        let refused = try Piiscan.run(["mask", "--policy", policy, "--key-file", key, input])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--out DIR"))
        let run = try Piiscan.run(["mask", "--policy", policy, "--key-file", key, "--in-place", input])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: input, encoding: .utf8).hasPrefix("{\"email\":\"EMAIL_ADDRESS_"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func keyedPolicyWithoutKeyFailsBeforeReading() throws {
        let (dir, policy, _) = try setUp()
        // A megabyte of input, more than a pipe holds: the child exits without reading it, so
        // this also checks that the runner survives the broken pipe.
        let input = String(repeating: "{\"a\":1}\n", count: 131_072)
        let run = try withExtendedLifetime(dir) { try Piiscan.run(["mask", "--policy", policy], stdin: input) }
        #expect(run.status == 2)
        #expect(run.stderr.contains("needs a key"))
        #expect(run.stdout.isEmpty)
    }

    @Test func shortKeyIsRefusedWithoutShowingIt() throws {
        let (dir, policy, _) = try setUp()
        let key = try dir.write("short.hex", "00112233445566778899aabbccddeeff\n")
        let run = try Piiscan.run(["mask", "--policy", policy, "--key-file", key], stdin: "{\"a\":1}\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("256"))
        #expect(!run.stderr.contains("00112233445566778899aabbccddeeff"))
    }

    @Test func verifyFailsWhenAPassedThroughRecordKeepsAValue() throws {
        let (dir, _, key) = try setUp()
        let policy = try dir.write("pass.yaml", "version: 1\nonError: pass\ndefault: redact\n")
        let input = "{\"e\":\"riley.fixture46@example.org\"}\n{\"broken\": \"blake.testcase49@example.com\"\n"
        let run = try Piiscan.run(["mask", "--policy", policy, "--key-file", key, "--verify"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stderr.contains("record 1"))
        #expect(run.stderr.contains("EMAIL_ADDRESS"))
        #expect(!run.stderr.contains("blake.testcase49"))
    }

    @Test func aFailingRecordIsReportedOnceInEachMode() throws {
        let (dir, policy, key) = try setUp()
        let input = "{\"a\":1}\n{\"broken\": \n{\"b\":2}\n"
        let filter = try Piiscan.run(["mask", "--policy", policy, "--key-file", key], stdin: input)
        #expect(filter.status == 2)
        #expect(filter.stderr.components(separatedBy: "record 1").count == 2, "\(filter.stderr)")
        let file = try dir.write("in/broken.jsonl", input)
        let files = try Piiscan.run(["mask", "--policy", policy, "--key-file", key, "--out", dir.path + "/out", file])
        #expect(files.status == 2)
        #expect(files.stderr.components(separatedBy: "record 1").count == 2, "\(files.stderr)")
        #expect(files.stderr.contains(file))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/broken.jsonl"))
    }

    @Test func parquetIsMaskedWithTheSameSchema() throws {
        let (dir, policy, key) = try setUp()
        let out = dir.path + "/out"
        let source = Piiscan.demoBucket + "/warehouse/customers.parquet"
        let run = try Piiscan.run(["mask", "--policy", policy, "--key-file", key, "--out", out, source])
        #expect(run.status == 0, "\(run.stderr)")
        let scan = try Piiscan.run(["scan", "--format", "jsonl", out + "/customers.parquet"])
        let remaining = try scan.findings().filter { $0["type"] as? String != "CREDIT_CARD_NUMBER" }
        #expect(remaining.isEmpty)
    }

    /// Every value of a Parquet file, as `ParquetReader` renders it, keyed by row and path.
    struct ParquetValues: FieldVisitor {
        var values: [String: String] = [:]
        mutating func visit(_ piece: FieldPiece) -> Bool {
            values["\(piece.position)", default: ""] += String(decoding: piece.bytes, as: UTF8.self)
            return true
        }

        static func read(_ path: String) throws -> [String: String] {
            var visitor = ParquetValues()
            let report = try ParquetReader().read(from: try FileRandomAccessSource(path: path), into: &visitor)
            #expect(report.issueCount == 0)
            return visitor.values
        }
    }

    @Test func parquetEncryptionIsReversedByUnmask() throws {
        let (dir, _, key) = try setUp()
        let policy = try dir.write("reversible.yaml", """
            version: 1
            default: keep
            rules:
              - columns: [ssn]
                transform: encrypt
              - paths: ['$.contact.phone']
                transform: encrypt
              - identifiers: [CREDIT_CARD_NUMBER]
                transform: {encrypt: {keepLuhnValid: true, surrogate: CARD}}
            """)
        let source = Piiscan.demoBucket + "/warehouse/customers.parquet"
        let masked = dir.path + "/masked", restored = dir.path + "/restored"
        let mask = try Piiscan.run(["mask", "--policy", policy, "--key-file", key, "--out", masked, source])
        #expect(mask.status == 0, "\(mask.stderr)")
        let unmask = try Piiscan.run(["unmask", "--policy", policy, "--key-file", key, "--out", restored,
                                      "--manifest", dir.path + "/unmask.json", masked + "/customers.parquet"])
        #expect(unmask.status == 0, "\(unmask.stderr)")

        let original = try ParquetValues.read(source)
        let encrypted = try ParquetValues.read(masked + "/customers.parquet")
        let decrypted = try ParquetValues.read(restored + "/customers.parquet")
        #expect(!original.isEmpty)
        #expect(decrypted == original)
        // Encrypted: every SSN, phone and card changed; nothing else did.
        let changed = Set(original.keys.filter { encrypted[$0] != original[$0] })
        let paths = Set(changed.map { $0.split(separator: " ", maxSplits: 1).last.map(String.init) ?? $0 })
        #expect(changed.count == original.keys.filter { $0.contains("ssn") || $0.contains("phone") || $0.contains("card_number") }.count,
                "\(paths)")
        #expect(encrypted.values.contains { $0.hasPrefix("CARD(16):") })
        let manifest = try String(contentsOfFile: dir.path + "/unmask.json", encoding: .utf8)
        #expect(manifest.contains("\"decrypt\""))
    }
}
