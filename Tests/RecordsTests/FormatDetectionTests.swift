import Testing
import Records

private func detect(_ path: String, _ content: String) -> FileFormat? {
    Array(content.utf8).withUnsafeBytes { FileFormat.detect(path: path, prefix: $0) }
}

private func detect(_ path: String, bytes: [UInt8]) -> FileFormat? {
    bytes.withUnsafeBytes { FileFormat.detect(path: path, prefix: $0) }
}

@Suite("Format detection")
struct FormatDetectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var path: String
        var content: String
        var expected: FileFormat?
        var testDescription: String { "\(path) → \(expected.map(\.rawValue) ?? "nil")" }
    }

    static let cases: [Case] = [
        // By extension.
        Case(path: "a/people.csv", content: "free text, not much else", expected: .csv),
        Case(path: "people.CSV", content: "", expected: .csv),
        Case(path: "people.tsv", content: "x", expected: .tsv),
        Case(path: "people.tab", content: "x", expected: .tsv),
        Case(path: "doc.json", content: "{\"a\": [1, 2]}\n", expected: .json),
        Case(path: "doc.json", content: "{\n  \"a\": 1\n}\n", expected: .json),
        Case(path: "doc.json", content: "not json at all", expected: .json),
        Case(path: "rows.jsonl", content: "{\"a\":1}\n{\"a\":2}\n", expected: .jsonl),
        Case(path: "rows.ndjson", content: "{\"a\":1}", expected: .jsonl),
        Case(path: "rows.jsonlines", content: "", expected: .jsonl),
        Case(path: "notes.md", content: "a,b\nc,d\ne,f\n", expected: .text),
        Case(path: "main.swift", content: "{\"a\":1}\n{\"b\":2}\n", expected: .text),
        // Misleading extensions.
        Case(path: "rows.json", content: "{\"a\":1}\n\n{\"a\":2}\n", expected: .jsonl),
        Case(path: "rows.json", content: "[1,2]\r\n[3]\r\n", expected: .jsonl),
        Case(path: "export.csv", content: "[{\"a\":1},{\"a\":2}]", expected: .json),
        Case(path: "export.csv", content: "{\"a\":1}\n{\"a\":2}\n", expected: .jsonl),
        Case(path: "export.csv", content: "[not json, a, b]\n[x, y, z]\n", expected: .csv),
        Case(path: "pretty.jsonl", content: "{\n  \"a\": 1\n}\n", expected: .json),
        // Sniffed.
        Case(path: "data", content: "\u{FEFF}  {\"user\": {\"mail\": \"a@b.c\"}}  \n", expected: .json),
        Case(path: "data.txt", content: "{\"a\":1}\n{\"a\":2}\n", expected: .jsonl),
        Case(path: "data.log", content: "[\"x\"]\n\n  [\"y\"]\n", expected: .jsonl),
        Case(path: "data.dat", content: "{\"a\": \"cut here", expected: .json),
        Case(path: "data.txt", content: "{\"a\":1} {\"b\":2}\n", expected: .json),
        Case(path: "app.log", content: "[2024-01-01 10:00] start\n[2024-01-01 10:01] stop\n", expected: .text),
        Case(path: "data.txt", content: "{not json}\n{x}\n", expected: .text),
        Case(path: "data.txt", content: "id\tname\tmail\n1\tAnn\ta@b.c\n2\tBo\tb@c.d\n", expected: .tsv),
        Case(path: "data", content: "id,name\n1,\"Doe, J\"\n2,Bo\n", expected: .csv),
        Case(path: "data.txt", content: "id,name\r\n1,Ann\r\n2,Bo", expected: .csv),
        Case(path: "data.txt", content: "Hello, world.\nThis line, has, commas.\n", expected: .text),
        Case(path: "data.txt", content: "a,b,c\n", expected: .text),
        Case(path: "README", content: "Just some prose.\nMore prose.\n", expected: .text),
        // Binary containers.
        Case(path: "t.parquet", content: "PAR1....", expected: .parquet),
        Case(path: "x.csv", content: "PK\u{3}\u{4}rest", expected: nil),
        Case(path: "doc.txt", content: "%PDF-1.7\n", expected: nil),
    ]

    @Test(arguments: cases)
    func detects(_ c: Case) {
        #expect(detect(c.path, c.content) == c.expected)
    }

    @Test(arguments: [
        [0x1F, 0x8B, 0x08, 0x00],
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00],
        [0xFF, 0xD8, 0xFF, 0xE0],
    ] as [[UInt8]])
    func binaryContainersAreNotRead(_ magic: [UInt8]) {
        #expect(detect("file.bin", bytes: magic) == nil)
        #expect(detect("file", bytes: magic + [0x41]) == nil)
    }

    @Test func textWithNulBytesIsText() {
        #expect(detect("blob.dat", bytes: [0x41, 0x00, 0x42, 0x00, 0x0A, 0x43]) == .text)
        #expect(detect("blob", bytes: []) == .text)
    }
}
