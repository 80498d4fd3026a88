import Testing
import Records

@Suite("CSV reader")
struct CSVReaderTests {
    @Test func headerNamesAndDataCells() throws {
        let (seen, report) = try readCSV("name,email\nAnn,ann@example.org\nBo,bo@example.org\n")
        #expect(seen.texts == [
            "r1c1(name)=name", "r1c2(name)=email",
            "r2c1[name]=Ann", "r2c2[email]=ann@example.org",
            "r3c1[name]=Bo", "r3c2[email]=bo@example.org",
        ])
        #expect(report.records == 2)
        #expect(report.issues.isEmpty)
        #expect(report.bytesRead == 49)
        #expect(!report.stopped)
        #expect(seen.values[3].raw == Array(15..<30))
    }

    @Test func quotedFieldsWithSeparatorsAndNewlines() throws {
        let text = "a,\"b,c\",\"line1\nline2\"\nz\n"
        let (seen, report) = try readCSV(text, reader: CSVReader(hasHeader: false))
        #expect(seen.texts == ["r1c1=a", "r1c2=b,c", "r1c3=line1\nline2", "r2c1=z"])
        #expect(seen.values[1].raw == [3, 4, 5])
        #expect(seen.values[2].raw == Array(9..<20))
        #expect(report.records == 2)
    }

    @Test func doubledQuotesMapToFileOffsets() throws {
        let text = "x,\"say \"\"hi\"\" now\"\n"
        let (seen, _) = try readCSV(text, reader: CSVReader(hasHeader: false))
        #expect(seen.texts == ["r1c1=x", "r1c2=say \"hi\" now"])
        // s a y _ " h i " _ n o w: each doubled quote maps to its first quote.
        #expect(seen.values[1].raw == [3, 4, 5, 6, 7, 9, 10, 11, 13, 14, 15, 16])
        #expect(seen.pieces[1].raw == [3, 4, 5, 6, 7, 9, 10, 11, 13, 14, 15, 16])
    }

    @Test func quotesOnly() throws {
        let (seen, _) = try readCSV("\"\"\"\",\"\",\"\"\"a\"\n", reader: CSVReader(hasHeader: false))
        #expect(seen.texts == ["r1c1=\"", "r1c3=\"a"])
        #expect(seen.values[0].raw == [1])
        #expect(seen.values[1].raw == [9, 11])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndings(_ end: String) throws {
        let text = "h1,h2" + end + "a,\"q" + end + "r\"" + end + "b,c" + end
        let (seen, report) = try readCSV(text)
        #expect(seen.texts == ["r1c1(name)=h1", "r1c2(name)=h2", "r2c1[h1]=a", "r2c2[h2]=q" + end + "r",
                               "r3c1[h1]=b", "r3c2[h2]=c"])
        #expect(report.records == 2)
    }

    @Test func mixedLineEndingsAndNoFinalNewline() throws {
        let (seen, report) = try readCSV("a\r\nb\rc\nd", reader: CSVReader(hasHeader: false))
        #expect(seen.texts == ["r1c1=a", "r2c1=b", "r3c1=c", "r4c1=d"])
        #expect(report.records == 4)
    }

    @Test func blankLinesAreRowsAndEmptyFieldsAreSkipped() throws {
        let (seen, report) = try readCSV("a,,b\n\n,\nc,\n", reader: CSVReader(hasHeader: false))
        #expect(seen.texts == ["r1c1=a", "r1c3=b", "r4c1=c"])
        #expect(report.records == 4)
    }

    @Test func emptyInput() throws {
        let (seen, report) = try readCSV("")
        #expect(seen.pieces.isEmpty)
        #expect(report.records == 0)
        #expect(report.bytesRead == 0)
    }

    @Test func byteOrderMarkIsSkippedButCounted() throws {
        let (seen, report) = try readCSV("\u{FEFF}id,mail\n1,x@y.z\n")
        #expect(seen.texts == ["r1c1(name)=id", "r1c2(name)=mail", "r2c1[id]=1", "r2c2[mail]=x@y.z"])
        #expect(seen.values[0].raw == [3, 4])
        #expect(seen.values[3].raw == [13, 14, 15, 16, 17])
        #expect(report.bytesRead == 19)
    }

    @Test func raggedRowsAndEmptyHeaderCells() throws {
        let (seen, report) = try readCSV("a,,c\n1,2,3,4\n5\n")
        #expect(seen.texts == ["r1c1(name)=a", "r1c3(name)=c",
                               "r2c1[a]=1", "r2c2=2", "r2c3[c]=3", "r2c4=4", "r3c1[a]=5"])
        #expect(seen.values[3].columnName == nil)
        #expect(report.records == 2)
    }

    @Test func noHeaderGivesNoNames() throws {
        let (seen, _) = try readCSV("a,b\n1,2\n", reader: CSVReader(hasHeader: false))
        #expect(seen.values.allSatisfy { $0.columnName == nil && !$0.isName })
        #expect(seen.texts == ["r1c1=a", "r1c2=b", "r2c1=1", "r2c2=2"])
    }

    @Test func unterminatedQuoteDeliversWhatItHas() throws {
        let (seen, report) = try readCSV("a,b\n1,\"open\nstill", reader: CSVReader())
        #expect(seen.texts == ["r1c1(name)=a", "r1c2(name)=b", "r2c1[a]=1", "r2c2[b]=open\nstill"])
        #expect(report.records == 1)
        #expect(report.issues == [ReadIssue(kind: .malformed, line: 2, column: 3, offset: 6,
                                            message: "unterminated quoted field starting at line 2")])
    }

    @Test func textAfterClosingQuoteIsKeptAndNoted() throws {
        let (seen, report) = try readCSV("x\n\"ab\"c\"d,e\n", reader: CSVReader(hasHeader: false))
        #expect(seen.texts == ["r1c1=x", "r2c1=abc\"d", "r2c2=e"])
        #expect(seen.values[1].raw == [3, 4, 6, 7, 8])
        #expect(report.issueCount == 1)
        let issue = try #require(report.issues.first)
        #expect(issue.kind == .malformed)
        #expect(issue.line == 2)
        #expect(issue.column == 5)
        #expect(issue.offset == 6)
        #expect(!issue.description.contains("abc"))
    }

    @Test func quoteInsideUnquotedFieldIsData() throws {
        let (seen, report) = try readCSV("ab\"c,d\"\n", reader: CSVReader(hasHeader: false))
        #expect(seen.texts == ["r1c1=ab\"c", "r1c2=d\""])
        #expect(report.issues.isEmpty)
    }

    @Test func tabSeparated() throws {
        let (seen, _) = try readCSV("a\tb\n\"x\ty\"\tz,w\n", reader: CSVReader(separator: 0x09))
        #expect(seen.texts == ["r1c1(name)=a", "r1c2(name)=b", "r2c1[a]=x\ty", "r2c2[b]=z,w"])
    }

    @Test(arguments: [false, true])
    func longFieldsComeInPieces(quoted: Bool) throws {
        // 40 bytes of value; the quoted form has doubled quotes inside.
        let value = "0123456789\"abcdefghij\"0123456789ABCDEFGH"
        let field = quoted ? "\"0123456789\"\"abcdefghij\"\"0123456789ABCDEFGH\"" : value
        let text = "k," + field + ",end\n"
        let (seen, _) = try readCSV(text, reader: CSVReader(hasHeader: false, pieceSize: 16))
        let long = seen.pieces.filter { $0.position == .cell(row: 1, column: 2) }
        #expect(long.map(\.bytes.count) == [16, 16, 8])
        #expect(long.map(\.decodedStart) == [0, 16, 32])
        #expect(long.map(\.isFirstPiece) == [true, false, false])
        #expect(long.map(\.isLastPiece) == [false, false, true])
        #expect(seen.texts == ["r1c1=k", "r1c2=" + value, "r1c3=end"])
        // Every decoded byte maps to the file byte holding it.
        let fileBytes = Array(text.utf8)
        let joined = seen.values[1]
        for (k, byte) in joined.bytes.enumerated() {
            #expect(fileBytes[joined.raw[k]] == byte)
        }
        let firstRaw = 2 + (quoted ? 1 : 0)
        #expect(joined.raw[0] == firstRaw)
        if quoted {
            #expect(joined.raw[10] == 13)   // first quote of the first doubled pair
            #expect(joined.raw[11] == 15)
        } else {
            #expect(joined.raw == Array(2..<42))
        }
    }

    @Test func longHeaderCellGivesFullName() throws {
        let name = String(repeating: "n", count: 40)
        let (seen, _) = try readCSV(name + "\nv\n", reader: CSVReader(pieceSize: 16))
        #expect(seen.pieces.filter(\.isName).count == 3)
        #expect(seen.values.last?.columnName == name)
    }

    static let splitSample = "\u{FEFF}id,\"full name\",note\r\n1,\"Doe, \"\"J\"\"\",\"multi\r\nline\"\r\n"
        + "2,plain,\"tail\"junk\n3,,\"x\"\"\"\r4,\"unterminated"

    @Test(arguments: [16, 1 << 20])
    func everyReadSplitGivesTheSameOutput(pieceSize: Int) throws {
        let bytes = Array(Self.splitSample.utf8)
        let reader = CSVReader(pieceSize: pieceSize)
        let (expected, expectedReport) = try readCSV(bytes, sizes: [bytes.count], reader: reader)
        #expect(expected.texts == [
            "r1c1(name)=id", "r1c2(name)=full name", "r1c3(name)=note",
            "r2c1[id]=1", "r2c2[full name]=Doe, \"J\"", "r2c3[note]=multi\r\nline",
            "r3c1[id]=2", "r3c2[full name]=plain", "r3c3[note]=tailjunk",
            "r4c1[id]=3", "r4c3[note]=x\"",
            "r5c1[id]=4", "r5c2[full name]=unterminated",
        ])
        #expect(expectedReport.records == 4)
        #expect(expectedReport.issues.map(\.kind) == [.malformed, .malformed])
        #expect(expectedReport.issues.map(\.line) == [4, 6])
        for sizes in (1...bytes.count).map({ [$0] }) + [[1, 2, 3], [2, 7, 1], [5, 1]] {
            let (seen, report) = try readCSV(bytes, sizes: sizes, reader: reader)
            #expect(seen.pieces == expected.pieces, "read sizes \(sizes)")
            #expect(report.issues == expectedReport.issues, "read sizes \(sizes)")
            #expect(report.records == expectedReport.records)
            #expect(report.bytesRead == bytes.count)
        }
    }

    @Test func visitorCanStop() throws {
        var source = MemoryByteSource("a,b\n1,2\n3,4\n")
        var collector = Collector(stopAfter: 3)
        let report = try CSVReader().read(from: &source, into: &collector)
        #expect(report.stopped)
        #expect(collector.pieces.count == 3)
        #expect(collector.texts == ["r1c1(name)=a", "r1c2(name)=b", "r2c1[a]=1"])
    }

    @Test func sourceErrorsAreThrown() {
        var source = FailingSource()
        var collector = Collector()
        #expect(throws: ReadError.self) { try CSVReader().read(from: &source, into: &collector) }
    }
}
