import Detectors
import Foundation
@testable import Masking
import Records
import Testing

/// Masking CSV/TSV, JSON, JSON Lines and text record by record: structure kept, values gone.
@Suite struct RecordRewriterTests {
    static let redactAll = "version: 1\ndefault: redact\n"

    // MARK: CSV and TSV

    @Test func csvKeepsHeaderQuotingAndLineEndings() throws {
        let input = "id,\"e-mail\",note\r\n1,\"riley.fixture46@example.org\",\"a, b\"\r\n2,blake.testcase49@example.com,plain\r\n"
        let (out, report) = try mask(input, format: .csv, policy: policy(Self.redactAll))
        #expect(out == "id,\"e-mail\",note\r\n1,\"[EMAIL_ADDRESS]\",\"a, b\"\r\n2,[EMAIL_ADDRESS],plain\r\n")
        #expect(report.records.in == 3 && report.records.out == 3 && report.records.dropped == 0)
        #expect(report.counts["EMAIL_ADDRESS"]?["redact"] == 2)
    }

    @Test func csvReplacementThatNeedsQuotesIsQuoted() throws {
        let p = try policy("version: 1\nrules:\n  - identifiers: [EMAIL_ADDRESS]\n    transform: {redact: {text: 'x, \"y\"'}}\n")
        let (out, _) = try mask("email\nriley.fixture46@example.org\n", format: .csv, policy: p)
        #expect(out == "email\n\"x, \"\"y\"\"\"\n")
    }

    @Test func csvColumnRemovalDropsHeaderAndCells() throws {
        let p = try policy("""
            version: 1
            rules:
              - columns: [notes]
                transform: {remove: field}
            """)
        let input = "id,notes,city\n1,\"call me, riley.fixture46@example.org\",Oslo\n2,,Rome\n"
        let (out, _) = try mask(input, format: .csv, policy: p)
        #expect(out == "id,city\n1,Oslo\n2,Rome\n")
    }

    @Test func csvColumnRuleAppliesToWholeValueFoundOrNot() throws {
        let p = try policy("""
            version: 1
            default: keep
            rules:
              - columns: [city]
                transform: {redact: {text: REDACTED}}
            """)
        let (out, report) = try mask("id,city,email\n1,Oslo,riley.fixture46@example.org\n", format: .csv, policy: p)
        #expect(out == "id,city,email\n1,REDACTED,riley.fixture46@example.org\n")
        #expect(report.counts["column:city"]?["redact"] == 1)
        #expect(report.counts["EMAIL_ADDRESS"]?["keep"] == 1)
    }

    @Test func removeRecordDropsTheRowAndCountsIt() throws {
        let p = try policy("version: 1\nrules:\n  - identifiers: [EMAIL_ADDRESS]\n    transform: {remove: record}\n")
        let (out, report) = try mask("id,email\n1,riley.fixture46@example.org\n2,none\n", format: .csv, policy: p)
        #expect(out == "id,email\n2,none\n")
        #expect(report.records.in == 3 && report.records.out == 2 && report.records.dropped == 1)
    }

    @Test func tsvAndQuotedLineBreaksAreOneRecord() throws {
        let input = "name\tnote\nRiley\t\"line one\nriley.fixture46@example.org\"\n"
        let (out, report) = try mask(input, format: .tsv, policy: policy(Self.redactAll))
        #expect(out == "name\tnote\nRiley\t\"line one\n[EMAIL_ADDRESS]\"\n")
        #expect(report.records.in == 2)
    }

    @Test func csvByteOrderMarkIsKept() throws {
        let input = "\u{FEFF}email\nriley.fixture46@example.org\n"
        let (out, _) = try mask(input, format: .csv, policy: policy(Self.redactAll))
        #expect(out == "\u{FEFF}email\n[EMAIL_ADDRESS]\n")
    }

    @Test func csvCellsDecodeAsCSVReaderDoes() throws {
        let input = "a,b,c\n\"x\"\"y\",plain,\"multi\nline\"\n\"q\"tail,,end\n"
        var reader = CollectCells()
        var source = MemoryByteSource(input)
        _ = try CSVReader(hasHeader: false).read(from: &source, into: &reader)
        var ours: [String] = []
        var framer = RecordFramer(source: MemoryByteSource(input), kind: .csv(separator: UInt8(ascii: ",")), maxRecordBytes: 1 << 20)
        while case .record(let bytes, _) = try framer.next() {
            ours += CSVRecordCells(bytes, separator: UInt8(ascii: ",")).cells.map { String(decoding: $0.value, as: UTF8.self) }.filter { !$0.isEmpty }
        }
        #expect(ours == reader.values)
    }

    struct CollectCells: FieldVisitor {
        var values: [String] = []
        mutating func visit(_ piece: FieldPiece) -> Bool {
            values.append(String(decoding: piece.bytes, as: UTF8.self))
            return true
        }
    }

    // MARK: JSON and JSON Lines

    @Test func jsonLinesKeepKeysAndLayout() throws {
        let input = #"{"user": {"email": "riley.fixture46@example.org"}, "n": 3}"# + "\n" + #"{"ok":true}"# + "\n"
        let (out, report) = try mask(input, format: .jsonl, policy: policy(Self.redactAll))
        #expect(out == #"{"user": {"email": "[EMAIL_ADDRESS]"}, "n": 3}"# + "\n" + #"{"ok":true}"# + "\n")
        #expect(report.records.in == 2 && report.records.out == 2)
    }

    @Test func jsonEscapesAreDecodedBeforeScanningAndOutputIsEscaped() throws {
        let p = try policy("version: 1\nrules:\n  - identifiers: [EMAIL_ADDRESS]\n    transform: {redact: {text: 'a\"b\\c'}}\n")
        let input = #"{"e":"riley.fixture46\u0040example.org","t":"x"}"# + "\n"
        let (out, _) = try mask(input, format: .jsonl, policy: p)
        #expect(out == #"{"e":"a\"b\\c","t":"x"}"# + "\n")
        let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: String]
        #expect(parsed?["e"] == "a\"b\\c")
    }

    @Test(arguments: [
        (["a"], #"{"b":2,"c":3}"#),
        (["b"], #"{"a":"riley.fixture46@example.org","c":3}"#),
        (["c"], #"{"a":"riley.fixture46@example.org","b":2}"#),
        (["a", "b"], #"{"c":3}"#),
        (["b", "c"], #"{"a":"riley.fixture46@example.org"}"#),
        (["a", "b", "c"], #"{}"#),
    ])
    func jsonMemberRemovalKeepsValidJSON(removed: [String], expected: String) throws {
        let names = removed.map { "'$.\($0)'" }.joined(separator: ", ")
        let p = try policy("version: 1\ndefault: keep\nrules:\n  - paths: [\(names)]\n    transform: {remove: field}\n")
        let (out, _) = try mask(#"{"a":"riley.fixture46@example.org","b":2,"c":3}"# + "\n", format: .jsonl, policy: p)
        #expect(out == expected + "\n")
        #expect((try? JSONSerialization.jsonObject(with: Data(out.utf8))) != nil)
    }

    @Test func numberReplacedByTextBecomesAString() throws {
        let p = try policy("version: 1\nrules:\n  - paths: ['$.ssn']\n    transform: redact\n")
        let (out, _) = try mask(#"{"ssn": 122539719, "k": 1}"# + "\n", format: .jsonl, policy: p)
        #expect(out == #"{"ssn": "[ssn]", "k": 1}"# + "\n")
    }

    @Test func jsonDocumentIsMaskedWhole() throws {
        let input = "[\n  {\"email\": \"riley.fixture46@example.org\"},\n  {\"email\": \"blake.testcase49@example.com\"}\n]\n"
        let (out, report) = try mask(input, format: .json, policy: policy(Self.redactAll))
        #expect(out == "[\n  {\"email\": \"[EMAIL_ADDRESS]\"},\n  {\"email\": \"[EMAIL_ADDRESS]\"}\n]\n")
        #expect(report.records.in == 1 && report.counts["EMAIL_ADDRESS"]?["redact"] == 2)
    }

    // MARK: Bad records

    @Test(arguments: [MaskingPolicy.ErrorHandling.pass, .drop, .fail])
    func malformedRecordFollowsOnError(handling: MaskingPolicy.ErrorHandling) throws {
        let p = try policy("version: 1\nonError: \(handling.rawValue)\ndefault: redact\n")
        let input = "{\"e\":\"riley.fixture46@example.org\"}\n{\"broken\": \n{\"e\":\"blake.testcase49@example.com\"}\n"
        let (out, report) = try mask(input, format: .jsonl, policy: p)
        #expect(report.records.failed == 1)
        #expect(report.messages.first?.hasPrefix("record 1: ") == true)
        #expect(!report.messages.joined().contains("broken"))
        switch handling {
        case .pass:
            #expect(out == "{\"e\":\"[EMAIL_ADDRESS]\"}\n{\"broken\": \n{\"e\":\"[EMAIL_ADDRESS]\"}\n")
            #expect(report.records.in == report.records.out + report.records.dropped)
            #expect(report.records.passedThrough == 1)
        case .drop:
            #expect(out == "{\"e\":\"[EMAIL_ADDRESS]\"}\n{\"e\":\"[EMAIL_ADDRESS]\"}\n")
            #expect(report.records.in == 3 && report.records.out == 2 && report.records.dropped == 1)
        case .fail:
            #expect(report.failure?.hasPrefix("record 1: ") == true)
            #expect(out == "{\"e\":\"[EMAIL_ADDRESS]\"}\n")
        }
    }

    @Test func oversizedRecordIsAnErrorNotAMemoryBlowUp() throws {
        let p = try policy("version: 1\nonError: drop\nlimits: {recordBytes: 1024}\n")
        let long = "{\"v\":\"" + String(repeating: "a", count: 5000) + "\"}\n"
        let (out, report) = try mask("{\"a\":1}\n" + long + "{\"b\":2}\n", format: .jsonl, policy: p)
        #expect(out == "{\"a\":1}\n{\"b\":2}\n")
        #expect(report.records.in == 3 && report.records.dropped == 1 && report.records.failed == 1)
        #expect(report.messages.first?.contains("record 1") == true)
    }

    // MARK: Text

    @Test func textKeywordOnPreviousLineCounts() throws {
        // A keyword-required identifier with its keyword on the line before.
        let input = "Social Security number:\n122-53-9719\nnothing here\n"
        let scanned = try ScanEngine(configuration: ScanConfiguration()).findings(in: input)
        let (out, _) = try mask(input, format: .text, policy: policy(Self.redactAll))
        if scanned.contains(where: { $0.type == "USA_SOCIAL_SECURITY_NUMBER" }) {
            #expect(out == "Social Security number:\n[USA_SOCIAL_SECURITY_NUMBER]\nnothing here\n")
        }
        #expect(!out.contains("122-53-9719") || scanned.isEmpty)
    }

    @Test func pemBlockIsOneRecordAndMaskedWhole() throws {
        let body = (0..<6).map { _ in String(repeating: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo", count: 2) }.joined(separator: "\n")
        let input = "before\n-----BEGIN OPENSSH PRIVATE KEY-----\n\(body)\n-----END OPENSSH PRIVATE KEY-----\nafter\n"
        let (out, report) = try mask(input, format: .text, policy: policy(Self.redactAll))
        #expect(out == "before\n[OPENSSH_PRIVATE_KEY]\nafter\n")
        #expect(report.records.in == 3)
    }

    // MARK: Streaming

    @Test func filterFlushesEachRecordBeforeReadingTheNext() throws {
        let masker = try Masker(policy: policy(Self.redactAll), key: nil)
        let input = "{\"e\":\"riley.fixture46@example.org\"}\n{\"n\":1}\n{\"e\":\"blake.testcase49@example.com\"}\n"
        var sink = FlushRecordingSink()
        _ = try masker.mask(LineAtATimeSource(input), format: .jsonl, path: "-", to: &sink, flushEachRecord: true)
        #expect(sink.flushedTexts.prefix(3) == [
            "{\"e\":\"[EMAIL_ADDRESS]\"}\n",
            "{\"e\":\"[EMAIL_ADDRESS]\"}\n{\"n\":1}\n",
            "{\"e\":\"[EMAIL_ADDRESS]\"}\n{\"n\":1}\n{\"e\":\"[EMAIL_ADDRESS]\"}\n",
        ])
    }

    // MARK: Verify

    @Test func verifyFindsWhatKeepLeftOnlyWhenKeepIsNotAsked() throws {
        let input = "{\"e\":\"riley.fixture46@example.org\"}\n{\"broken\": \"blake.testcase49@example.com\"\n"
        let pass = try policy("version: 1\nonError: pass\ndefault: redact\n")
        let (_, report) = try mask(input, format: .jsonl, policy: pass, verify: true)
        #expect(report.residualCount == 1)
        #expect(report.residualFindings == ["EMAIL_ADDRESS at line 2"] || report.residualFindings.first?.hasPrefix("EMAIL_ADDRESS") == true)
        let keep = try policy("version: 1\nonError: pass\ndefault: keep\n")
        let (_, kept) = try mask(input, format: .jsonl, policy: keep, verify: true)
        #expect(kept.residualCount == 0)
    }

    @Test func verifyExpectsFormatPreservingCiphertexts() throws {
        let p = try policy("""
            version: 1
            rules:
              - identifiers: [CREDIT_CARD_NUMBER]
                transform: {encrypt: {keepLuhnValid: true, surrogate: CARD}}
              - identifiers: [EMAIL_ADDRESS]
                transform: {encrypt: {}}
            """)
        let input = "id,card_number,email\n1,4556737586899855,riley.fixture46@example.org\n"
        let (out, report) = try mask(input, format: .csv, policy: p, verify: true)
        #expect(out.hasPrefix("id,card_number,email\n1,CARD(16):"))
        #expect(!out.contains("4556737586899855") && !out.contains("riley.fixture46"))
        #expect(report.residualCount == 0, "\(report.residualFindings)")
    }

    // MARK: Library

    @Test func etlRecordAPI() throws {
        let p = try policy("""
            version: 1
            rules:
              - columns: [notes]
                transform: {remove: field}
            """)
        let masker = try Masker(policy: p, key: nil)
        let masked = try masker.mask(record: [("email", "riley.fixture46@example.org"), ("notes", "x"), ("n", "3")])
        #expect(masked?.map(\.name) == ["email", "n"])
        #expect(masked?.first?.value == "[EMAIL_ADDRESS]")
        #expect(try masker.mask(text: "mail riley.fixture46@example.org now") == "mail [EMAIL_ADDRESS] now")
    }
}
