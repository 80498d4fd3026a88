import Testing
@testable import Records

func readJSON(_ bytes: [UInt8], sizes: [Int]? = nil, reader: JSONReader = JSONReader()) throws -> (Collector, ReadReport) {
    var source = ChunkedSource(bytes, sizes: sizes ?? [max(1, bytes.count)])
    var collector = Collector()
    let report = try reader.read(from: &source, into: &collector)
    return (collector, report)
}

func readJSON(_ text: String, reader: JSONReader = JSONReader()) throws -> (Collector, ReadReport) {
    try readJSON(Array(text.utf8), reader: reader)
}

func readJSONL(_ bytes: [UInt8], sizes: [Int]? = nil, reader: JSONLinesReader = JSONLinesReader()) throws -> (Collector, ReadReport) {
    var source = ChunkedSource(bytes, sizes: sizes ?? [max(1, bytes.count)])
    var collector = Collector()
    let report = try reader.read(from: &source, into: &collector)
    return (collector, report)
}

func readJSONL(_ text: String, reader: JSONLinesReader = JSONLinesReader()) throws -> (Collector, ReadReport) {
    try readJSONL(Array(text.utf8), reader: reader)
}

@Suite("JSON reader")
struct JSONReaderTests {
    @Test func valuesKeysAndPaths() throws {
        let text = #"{"name": "Ann", "emails": ["a@b.c", "d@e.f"], "age": 42, "ok": true, "n": null, "o": {}}"#
        let (seen, report) = try readJSON(text)
        #expect(seen.texts == [
            "#0$.name(name)=name", "#0$.name=Ann",
            "#0$.emails(name)=emails", "#0$.emails[0]=a@b.c", "#0$.emails[1]=d@e.f",
            "#0$.age(name)=age", "#0$.age=42",
            "#0$.ok(name)=ok", "#0$.n(name)=n", "#0$.o(name)=o",
        ])
        #expect(report.records == 1)
        #expect(report.issues.isEmpty)
        #expect(report.bytesRead == text.utf8.count)
        #expect(seen.values[1].raw == offsets(of: "Ann", in: text))
        #expect(seen.values[0].raw == offsets(of: "name", in: text))
        #expect(seen.values[6].raw == offsets(of: "42", in: text))
    }

    @Test func escapesAndSurrogatePairsMapToTheirEscapes() throws {
        // [ " a \n b \u00e9 c \ud83d\ude00 d " ]
        let text = #"["a\nb\u00e9c\ud83d\ude00d"]"#
        let (seen, _) = try readJSON(text)
        #expect(seen.values.count == 1)
        #expect(seen.values[0].bytes == [0x61, 0x0A, 0x62, 0xC3, 0xA9, 0x63, 0xF0, 0x9F, 0x98, 0x80, 0x64])
        #expect(seen.values[0].text == "a\nbéc😀d")
        #expect(seen.values[0].raw == [2, 3, 5, 6, 7, 12, 13, 14, 15, 16, 25])
        #expect(seen.values[0].position == .record(index: 0, path: FieldPath([.index(0)])))
    }

    @Test(arguments: [
        (#""\"\\\/\b\f\r\t""#, [0x22, 0x5C, 0x2F, 0x08, 0x0C, 0x0D, 0x09]),
        (#""x\ud800y""#, [0x78, 0xEF, 0xBF, 0xBD, 0x79]),
        (#""\udc00""#, [0xEF, 0xBF, 0xBD]),
        (#""\ud800\u0041""#, [0xEF, 0xBF, 0xBD, 0x41]),
        (#""\ud800""#, [0xEF, 0xBF, 0xBD]),
        (#""\ud800\ud800\udc00""#, [0xEF, 0xBF, 0xBD, 0xF0, 0x90, 0x80, 0x80]),
        (#""\ud800\n""#, [0xEF, 0xBF, 0xBD, 0x0A]),
        (#""\u0000\u007f\u0080\u07FF\uFFFF""#, [0x00, 0x7F, 0xC2, 0x80, 0xDF, 0xBF, 0xEF, 0xBF, 0xBF]),
    ] as [(String, [UInt8])])
    func escapesDecode(_ text: String, _ expected: [UInt8]) throws {
        let (seen, report) = try readJSON(text)
        #expect(seen.values.map(\.bytes) == [expected])
        #expect(seen.values.first?.position == .record(index: 0, path: FieldPath()))
        #expect(report.issues.isEmpty)
    }

    @Test func loneSurrogateMapsToItsEscape() throws {
        let (seen, _) = try readJSON(#""x\ud800y""#)
        #expect(seen.values[0].raw == [1, 2, 3, 4, 8])
    }

    @Test func invalidUTF8IsPassedThrough() throws {
        let (seen, report) = try readJSON([0x22, 0xFF, 0xC3, 0x22])
        #expect(seen.values.map(\.bytes) == [[0xFF, 0xC3]])
        #expect(seen.values[0].raw == [1, 2])
        #expect(report.issues.isEmpty)
    }

    @Test func numbersAreDeliveredAsText() throws {
        let text = "[0, -1.5e+3, 12, 3E7, -0.25]"
        let (seen, report) = try readJSON(text)
        #expect(seen.texts == ["#0$[0]=0", "#0$[1]=-1.5e+3", "#0$[2]=12", "#0$[3]=3E7", "#0$[4]=-0.25"])
        #expect(seen.values[1].raw == offsets(of: "-1.5e+3", in: text))
        #expect(report.issues.isEmpty)
    }

    @Test func namesNeedingBracketsInPaths() throws {
        let text = #"{"a": {"b": [0, 1, {"c d": "x", "it's": "y", "9x": "z", "": "e"}]}}"#
        let (seen, _) = try readJSON(text)
        #expect(seen.values.filter { !$0.isName }.map(\.description) == [
            "#0$.a.b[0]=0", "#0$.a.b[1]=1", "#0$.a.b[2]['c d']=x", "#0$.a.b[2]['it\\'s']=y",
            "#0$.a.b[2]['9x']=z", "#0$.a.b[2]['']=e",
        ])
        let names = seen.values.filter(\.isName)
        #expect(names.map(\.text) == ["a", "b", "c d", "it's", "9x"])
        #expect(names[2].position == .record(index: 0, path: FieldPath([.name("a"), .name("b"), .index(2), .name("c d")])))
    }

    @Test(arguments: [
        ([], "$"),
        ([.name("a"), .name("b"), .index(2)], "$.a.b[2]"),
        ([.name("user_id"), .name("x-y")], "$.user_id.x-y"),
        ([.name("a.b"), .name("é")], "$['a.b']['é']"),
        ([.name("back\\slash"), .index(0), .index(10)], "$['back\\\\slash'][0][10]"),
        ([.name("")], "$['']"),
    ] as [([FieldPath.Element], String)])
    func fieldPathDescriptions(_ elements: [FieldPath.Element], _ expected: String) {
        #expect(FieldPath(elements).description == expected)
    }

    @Test func severalTopLevelValues() throws {
        let (seen, report) = try readJSON("{\"a\":\"x\"}\n[\"y\"] \"z\" 7\n\n")
        #expect(seen.texts == ["#0$.a(name)=a", "#0$.a=x", "#1$[0]=y", "#2$=z", "#3$=7"])
        #expect(report.records == 4)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let (seen, report) = try readJSON([0xEF, 0xBB, 0xBF] + Array(#"["v"]"#.utf8))
        #expect(seen.texts == ["#0$[0]=v"])
        #expect(seen.values[0].raw == [5])
        #expect(report.issues.isEmpty)
    }

    @Test func syntaxErrorDeliversTheRestRaw() throws {
        let text = #"{"a": "x", "b" "y", "c": "secret"} {"d": 1}"#
        let (seen, report) = try readJSON(text)
        let rest = #""y", "c": "secret"} {"d": 1}"#
        #expect(seen.texts == ["#0$.a(name)=a", "#0$.a=x", "#0$.b(name)=b", "#0$=" + rest])
        #expect(seen.values[3].raw == Array(15..<text.utf8.count))
        #expect(report.issues == [ReadIssue(kind: .malformed, line: 1, column: 16, offset: 15,
                                            message: "expected ':' after a key")])
        #expect(report.records == 1)
    }

    @Test func errorOnALaterLineAndBrokenLiteral() throws {
        let text = "{\n  \"a\": 1,\n  \"b\": tru\n}"
        let (seen, report) = try readJSON(text)
        #expect(seen.texts == ["#0$.a(name)=a", "#0$.a=1", "#0$.b(name)=b", "#0$=tru\n}"])
        let issue = try #require(report.issues.first)
        #expect(issue.line == 3)
        #expect(issue.column == 8)
        #expect(issue.offset == 19)
        #expect(issue.kind == .malformed)
    }

    @Test(arguments: [
        (#"["ab\x"]"#, ["#0$[0]=ab", #"#0$=\x"]"#], "invalid escape in a string"),
        (#"["ab"#, ["#0$[0]=ab"], "unterminated string"),
        (#"[1.]"#, ["#0$[0]=1.", "#0$=]"], "invalid number"),
        (#"[1 2]"#, ["#0$[0]=1", "#0$=2]"], "expected ',' or ']'"),
        (#"{"a":1,}"#, ["#0$.a(name)=a", "#0$.a=1", "#0$=}"], "expected a string key"),
        ("[\"a\tb\"]", ["#0$[0]=a", "#0$=\tb\"]"], "control character in a string"),
        (#"["\u12G4"]"#, [#"#0$=\u12G4"]"#], #"invalid \u escape"#),
        (#"[1"#, ["#0$[0]=1"], "expected ',' or ']' before the end"),
        (#"]"#, ["#0$=]"], "expected a value"),
    ] as [(String, [String], String)])
    func syntaxErrors(_ text: String, _ expected: [String], _ message: String) throws {
        let (seen, report) = try readJSON(text)
        #expect(seen.texts == expected)
        #expect(report.issues.map(\.message) == [message])
        #expect(report.issues.map(\.kind) == [.malformed])
        for (k, value) in seen.values.enumerated() where value.position == .record(index: 0, path: FieldPath()) {
            // A raw value maps to consecutive file bytes.
            #expect(value.raw == Array(value.raw[0]..<value.raw[0] + value.bytes.count), "value \(k)")
        }
    }

    @Test func nestingLimit() throws {
        let text = #"{"a":[{"b":[1,"deep"]}],"c":"after"} {"d":"next"}"#
        let (seen, report) = try readJSON(text, reader: JSONReader(maxDepth: 3))
        #expect(seen.texts == ["#0$.a(name)=a", "#0$.a[0].b(name)=b", #"#0$=[1,"deep"]}],"c":"after"}"#,
                               "#1$.d(name)=d", "#1$.d=next"])
        #expect(report.issues.map(\.kind) == [.nestingTooDeep])
        #expect(report.issues.first?.offset == 11)
        #expect(report.records == 2)
        let (deep, deepReport) = try readJSON(String(repeating: "[", count: 600) + "\"x\"" + String(repeating: "]", count: 600))
        #expect(deepReport.issues.map(\.kind) == [.nestingTooDeep])
        #expect(deep.values.count == 1)
        #expect(deep.values[0].bytes.count == 88 + 3 + 600)
    }

    @Test func longStringsComeInPiecesWithOffsets() throws {
        let text = #"{"k": "abcdefghij\nklmnop\u00e9qrstuvwxyz0123456789\"END"}"#
        let (seen, _) = try readJSON(text, reader: JSONReader(pieceSize: 16))
        let value = try #require(seen.values.last)
        #expect(value.text == "abcdefghij\nklmnopéqrstuvwxyz0123456789\"END")
        let pieces = seen.pieces.filter { !$0.isName }
        #expect(pieces.map(\.bytes.count) == [16, 16, 11])
        #expect(pieces.map(\.decodedStart) == [0, 16, 32])
        #expect(pieces.map(\.isFirstPiece) == [true, false, false])
        #expect(pieces.map(\.isLastPiece) == [false, false, true])
        let file = Array(text.utf8)
        for (k, byte) in value.bytes.enumerated() {
            let raw = value.raw[k]
            if byte == 0x0A || byte == 0x22 { #expect(file[raw] == 0x5C, "byte \(k)") }
            else if byte >= 0x80 { #expect(file[raw] == 0x5C || file[raw] == 0x75, "byte \(k)") }
            else { #expect(file[raw] == byte, "byte \(k)") }
        }
        #expect(value.raw[11] == 19)   // "k" right after "\n"
    }

    @Test func longKeysAreNamedByTheirFirstPiece() throws {
        let key = String(repeating: "k", count: 20)
        let (seen, _) = try readJSON("{\"\(key)\": \"v\"}", reader: JSONReader(pieceSize: 16))
        let short = String(repeating: "k", count: 16)
        #expect(seen.pieces.filter(\.isName).count == 2)
        #expect(seen.values.map(\.description) == ["#0$.\(short)(name)=\(key)", "#0$.\(short)=v"])
    }

    static let splitSample = #"{"id": 1, "s": "a\u00e9\ud83d\ude00\n", "l": [true, false, null, -2.5e3, "x"]}"#
        + "\n[\"y\", {\"\\u0041\": \"z\"}] \"w\" {\"bad\": tru, \"k\": \"\\q\"}"

    @Test(arguments: [16, 1 << 20])
    func everyReadSplitGivesTheSameOutput(pieceSize: Int) throws {
        let bytes = Array(Self.splitSample.utf8)
        let reader = JSONReader(pieceSize: pieceSize)
        let (expected, expectedReport) = try readJSON(bytes, reader: reader)
        #expect(expected.texts == [
            "#0$.id(name)=id", "#0$.id=1", "#0$.s(name)=s", "#0$.s=aé😀\n", "#0$.l(name)=l",
            "#0$.l[3]=-2.5e3", "#0$.l[4]=x",
            "#1$[0]=y", "#1$[1].A(name)=A", "#1$[1].A=z", "#2$=w",
            "#3$.bad(name)=bad", #"#3$=tru, "k": "\q"}"#,
        ])
        #expect(expectedReport.issues.count == 1)
        for sizes in (1...bytes.count).map({ [$0] }) + [[1, 2, 3], [7, 1]] {
            let (seen, report) = try readJSON(bytes, sizes: sizes, reader: reader)
            #expect(seen.pieces == expected.pieces, "read sizes \(sizes)")
            #expect(report.issues == expectedReport.issues)
            #expect(report.bytesRead == bytes.count)
        }
        // A small read buffer gives the same output too.
        var small = reader
        small.bufferSize = 8
        for sizes in [[1], [3], [100]] {
            let (seen, report) = try readJSON(bytes, sizes: sizes, reader: small)
            #expect(seen.pieces == expected.pieces, "small buffer, read sizes \(sizes)")
            #expect(report.issues == expectedReport.issues)
        }
    }

    @Test func visitorCanStop() throws {
        var source = MemoryByteSource(#"{"a": "x", "b": "y"}"#)
        var collector = Collector(stopAfter: 2)
        let report = try JSONReader().read(from: &source, into: &collector)
        #expect(report.stopped)
        #expect(collector.texts == ["#0$.a(name)=a", "#0$.a=x"])
    }
}

@Suite("JSON Lines reader")
struct JSONLinesReaderTests {
    @Test func badLineInTheMiddle() throws {
        let text = "{\"a\":\"1\"}\n{\"a\": oops}\n\n{\"b\":[\"x\"]}\n"
        let (seen, report) = try readJSONL(text)
        #expect(seen.texts == ["#0$.a(name)=a", "#0$.a=1", "#1$={\"a\": oops}", "#3$.b(name)=b", "#3$.b[0]=x"])
        #expect(seen.values[2].raw == Array(10..<21))
        #expect(report.issues == [ReadIssue(kind: .malformed, line: 2, column: 7, offset: 16, message: "expected a value")])
        #expect(report.records == 4)
    }

    @Test func crlfLinesAndTrailingGarbage() throws {
        let text = "{\"a\":\"x\"}\r\n{\"b\":1} x\r\n  \r\n[\"y\"]"
        let (seen, report) = try readJSONL(text)
        #expect(seen.texts == ["#0$.a(name)=a", "#0$.a=x", "#1$={\"b\":1} x", "#3$[0]=y"])
        #expect(seen.values[2].raw == Array(11..<20))
        #expect(report.issues.map(\.line) == [2])
        #expect(report.issues.map(\.column) == [9])
        #expect(report.records == 4)
    }

    @Test func nestingLimitDeliversTheRestOfTheLineRaw() throws {
        let text = "{\"k\":[[1]],\"z\":\"w\"}\n{\"n\":\"m\"}\n"
        let (seen, report) = try readJSONL(text, reader: JSONLinesReader(maxDepth: 2))
        #expect(seen.texts == ["#0$.k(name)=k", "#0$=[1]],\"z\":\"w\"}", "#1$.n(name)=n", "#1$.n=m"])
        #expect(report.issues.map(\.kind) == [.nestingTooDeep])
        #expect(report.issues.map(\.column) == [7])
    }

    @Test func linesLongerThanTheBuffer() throws {
        var reader = JSONLinesReader()
        reader.bufferSize = 8
        let text = "{\"key\": \"a long value\"}\n{\"k2\": [1, 2, oops]}\n[\"after\"]\n"
        let (seen, report) = try readJSONL(text, reader: reader)
        #expect(seen.texts == ["#0$.key(name)=key", "#0$.key=a long value", "#1$.k2(name)=k2", "#1$.k2[0]=1",
                               "#1$.k2[1]=2", "#1$=oops]}", "#2$[0]=after"])
        #expect(report.issues.map(\.line) == [2])
        #expect(report.issues.map(\.column) == [15])
        #expect(report.records == 3)
    }

    static let splitSample = "{\"a\":\"\\u00e9x\"}\r\n\n{\"a\": tru}\n[1, \"\\ud83d\\ude00\"]\n  {\"deep\": [[[0]]]}\n\"last\""

    @Test(arguments: [4, 1 << 20])
    func everyReadSplitGivesTheSameOutput(pieceSize: Int) throws {
        let bytes = Array(Self.splitSample.utf8)
        let reader = JSONLinesReader(pieceSize: pieceSize, maxDepth: 3)
        let (expected, expectedReport) = try readJSONL(bytes, reader: reader)
        #expect(expected.texts == [
            "#0$.a(name)=a", "#0$.a=éx", "#2$={\"a\": tru}", "#3$[0]=1", "#3$[1]=😀",
            "#4$.deep(name)=deep", "#4$=[0]]]}", "#5$=last",
        ])
        #expect(expectedReport.issues.map(\.kind) == [.malformed, .nestingTooDeep])
        #expect(expectedReport.records == 6)
        for sizes in (1...bytes.count).map({ [$0] }) + [[1, 2, 3], [5, 1]] {
            let (seen, report) = try readJSONL(bytes, sizes: sizes, reader: reader)
            #expect(seen.pieces == expected.pieces, "read sizes \(sizes)")
            #expect(report.issues == expectedReport.issues)
            #expect(report.records == expectedReport.records)
            #expect(report.bytesRead == bytes.count)
        }
    }

    @Test func visitorCanStop() throws {
        var source = MemoryByteSource("[\"a\"]\n[\"b\"]\n[\"c\"]\n")
        var collector = Collector(stopAfter: 2)
        let report = try JSONLinesReader().read(from: &source, into: &collector)
        #expect(report.stopped)
        #expect(collector.texts == ["#0$[0]=a", "#1$[0]=b"])
    }

    @Test func emptyInputAndBlankLines() throws {
        let (none, noneReport) = try readJSONL("")
        #expect(none.pieces.isEmpty)
        #expect(noneReport.records == 0)
        let (blank, blankReport) = try readJSONL("\n \n\t\n")
        #expect(blank.pieces.isEmpty)
        #expect(blankReport.records == 3)
        #expect(blankReport.issues.isEmpty)
    }
}
