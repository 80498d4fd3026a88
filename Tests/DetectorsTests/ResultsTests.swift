import Testing
import Records
@testable import Detectors

@Suite("ObjectResultAggregator")
struct ResultsAggregatorTests {
    private func finding(_ type: String, _ category: Category = .personalInformation, _ severity: Severity = .medium,
                         _ location: Location, value: String? = nil) -> Finding {
        Finding(type: type, category: category, severity: severity, location: location, value: value)
    }

    private func finding(_ type: String, location: Location, value: String? = nil) -> Finding {
        Finding(type: type, category: .personalInformation, severity: .medium, location: location, value: value)
    }

    @Test func groupsByCategoryThenTypeAndKeepsEveryOccurrence() {
        var aggregator = ObjectResultAggregator()
        for row in 2...41 {
            aggregator.add(finding("USA_SOCIAL_SECURITY_NUMBER", .personalInformation, .high,
                                   .cell(row: row, column: 1, columnName: "SSN", offset: row * 20, length: 11)))
        }
        aggregator.add(finding("CREDIT_CARD_NUMBER", .financialInformation, .high,
                               .cell(row: 2, column: 2, columnName: "card", offset: 5, length: 16)))
        aggregator.add(finding("EMAIL_ADDRESS", .personalInformation, .medium,
                               .cell(row: 3, column: 3, columnName: "mail", offset: 9, length: 10)))
        let result = aggregator.finish(path: "a.csv", format: .csv, status: .complete, reason: nil, sizeClassified: 900)
        #expect(result.mimeType == "text/csv")
        #expect(result.sensitiveData.map(\.category) == [.financialInformation, .personalInformation])
        #expect(result.sensitiveData[1].detections.map(\.type) == ["EMAIL_ADDRESS", "USA_SOCIAL_SECURITY_NUMBER"])
        #expect(result.sensitiveData[1].totalCount == 41)
        let ssn = result.sensitiveData[1].detections[1]
        #expect(ssn.count == 40)
        #expect(ssn.occurrences.cells.count == 40, "every occurrence, not Macie's 15")
        #expect(ssn.occurrences.cells[0] == CellOccurrence(row: 2, column: 1, columnName: "SSN"))
        #expect(ssn.occurrences.lineRanges.isEmpty && ssn.occurrences.records.isEmpty)
        #expect(result.totalCount == 42)
        #expect(result.weight == 40 * 3 + 3 + 2)
        #expect(!result.additionalOccurrences)
        #expect(result.customDataIdentifiers.totalCount == 0)
    }

    @Test func headerCellGoesToLineRangesAndItsTextLeavesColumnNames() {
        var aggregator = ObjectResultAggregator()
        let email = "riley.fixture46@example.org"
        aggregator.add(finding("EMAIL_ADDRESS", location: .cell(row: 1, column: 2, columnName: nil, offset: 5, length: 27),
                               value: email))
        aggregator.add(finding("EMAIL_ADDRESS", location: .cell(row: 2, column: 2, columnName: email, offset: 60, length: 12),
                               value: "a@b.example.org"))
        let result = aggregator.finish(path: "h.csv", format: .csv, status: .complete, reason: nil, sizeClassified: 80)
        let occurrences = result.sensitiveData[0].detections[0].occurrences
        #expect(occurrences.lineRanges == [LineRangeOccurrence(start: 1, end: 1, startColumn: 6)])
        #expect(occurrences.cells == [CellOccurrence(row: 2, column: 2, columnName: nil)])
    }

    @Test func jsonPathIsOmittedWhenAnElementNameIsSensitive() {
        var aggregator = ObjectResultAggregator()
        let key = "riley.fixture46@example.org"
        aggregator.add(finding("EMAIL_ADDRESS", location: .record(recordIndex: 0, jsonPath: "$.\(key)", offset: 2, length: 27),
                               value: key))
        aggregator.add(finding("PHONE_NUMBER", location: .record(recordIndex: 0, jsonPath: "$.\(key).phone", offset: 40, length: 15),
                               value: "+1 415 555 0100"))
        aggregator.add(finding("PHONE_NUMBER", location: .record(recordIndex: 1, jsonPath: "$.other.phone", offset: 90, length: 15),
                               value: "+1 415 555 0101"))
        aggregator.add(finding("PHONE_NUMBER", location: .record(recordIndex: 2, jsonPath: "$.[REDACTED].phone", offset: 99, length: 15)),
                       nameIsSensitive: true)
        let result = aggregator.finish(path: "k.jsonl", format: .jsonl, status: .complete, reason: nil, sizeClassified: 120)
        let byType = Dictionary(uniqueKeysWithValues: result.sensitiveData[0].detections.map { ($0.type, $0) })
        #expect(byType["EMAIL_ADDRESS"]?.occurrences.records == [RecordOccurrence(recordIndex: 0, jsonPath: nil)])
        #expect(byType["PHONE_NUMBER"]?.occurrences.records == [
            RecordOccurrence(recordIndex: 0, jsonPath: nil),
            RecordOccurrence(recordIndex: 1, jsonPath: "$.other.phone"),
            RecordOccurrence(recordIndex: 2, jsonPath: nil),
        ])
    }

    @Test func textMatchSpanningLinesReportsItsEndLine() {
        var aggregator = ObjectResultAggregator()
        aggregator.add(finding("OPENSSH_PRIVATE_KEY", .credentials, .high,
                               .text(offset: 2, length: 60, line: 2, column: 1), value: "-----BEGIN\nabc\ndef\n-----END"))
        aggregator.add(finding("IP_ADDRESS", .personalInformation, .low, .text(offset: 80, length: 8, line: 9, column: 4)))
        let result = aggregator.finish(path: "k.txt", format: .text, status: .complete, reason: nil, sizeClassified: 100)
        #expect(result.sensitiveData[0].detections[0].occurrences.lineRanges == [LineRangeOccurrence(start: 2, end: 5, startColumn: 1)])
        #expect(result.sensitiveData[1].detections[0].occurrences.lineRanges == [LineRangeOccurrence(start: 9, end: 9, startColumn: 4)])
    }

    @Test func customIdentifiersAreReportedApartByName() {
        var aggregator = ObjectResultAggregator()
        aggregator.add(finding("EMPLOYEE_ID", .customIdentifier, .medium, .text(offset: 0, length: 8, line: 1, column: 1)))
        aggregator.add(finding("EMPLOYEE_ID", .customIdentifier, .medium, .text(offset: 20, length: 8, line: 2, column: 1)))
        aggregator.add(finding("BADGE", .customIdentifier, .low, .text(offset: 40, length: 5, line: 3, column: 1)))
        let result = aggregator.finish(path: "c.txt", format: .text, status: .complete, reason: nil, sizeClassified: 50)
        #expect(result.sensitiveData.isEmpty)
        #expect(result.customDataIdentifiers.totalCount == 3)
        #expect(result.customDataIdentifiers.detections.map(\.type) == ["BADGE", "EMPLOYEE_ID"])
        #expect(result.customDataIdentifiers.detections[1].occurrences.lineRanges.count == 2)
    }

    @Test func occurrenceLimitCountsTheRestAndFinishResets() {
        var aggregator = ObjectResultAggregator(occurrenceLimit: 3)
        for line in 1...10 {
            aggregator.add(finding("IP_ADDRESS", .personalInformation, .low, .text(offset: line * 10, length: 7, line: line, column: 1)))
        }
        let first = aggregator.finish(path: "a", format: .text, status: .complete, reason: nil, sizeClassified: 1)
        #expect(first.sensitiveData[0].detections[0].count == 10)
        #expect(first.sensitiveData[0].detections[0].occurrences.lineRanges.count == 3)
        #expect(first.additionalOccurrences)
        let second = aggregator.finish(ObjectResult(path: "b", format: nil, status: .skipped, reason: .unsupportedFileType))
        #expect(second.totalCount == 0 && !second.additionalOccurrences && second.sensitiveData.isEmpty)
        #expect(second.reason == "UNSUPPORTED_FILE_TYPE" && second.mimeType == nil)
    }
}

@Suite("BucketSummary")
struct ResultsBucketSummaryTests {
    private func object(_ path: String, status: ScanStatus = .complete, reason: String? = nil, bytes: Int = 100,
                        findings: [(String, Category, Severity)] = []) -> ObjectClassification {
        var aggregator = ObjectResultAggregator(occurrenceLimit: 0)
        for (i, f) in findings.enumerated() {
            aggregator.add(Finding(type: f.0, category: f.1, severity: f.2, location: .text(offset: i, length: 1, line: 1, column: i + 1)))
        }
        return aggregator.finish(path: path, format: .text, status: status, reason: reason, sizeClassified: bytes)
    }

    @Test func countsObjectsReasonsTypesAndRoots() {
        var builder = BucketSummaryBuilder(roots: ["bucket", "other/", "single.txt", "empty"], topCount: 2)
        builder.add(object("bucket/a.txt", findings: [("USA_SOCIAL_SECURITY_NUMBER", .personalInformation, .high)]))
        builder.add(object("bucket/b.txt", findings: [("EMAIL_ADDRESS", .personalInformation, .medium),
                                                       ("EMAIL_ADDRESS", .personalInformation, .medium),
                                                       ("AWS_CREDENTIALS", .credentials, .high)]))
        builder.add(object("bucket/c.bin", status: .skipped, reason: "UNSUPPORTED_FILE_TYPE", bytes: 0))
        builder.add(object("other/d.csv", status: .partial, reason: "MALFORMED_FILE", bytes: 50,
                           findings: [("IP_ADDRESS", .personalInformation, .low)]))
        builder.add(object("other/e.png", status: .skipped, reason: "UNSUPPORTED_FILE_TYPE", bytes: 0))
        builder.add(object("single.txt", bytes: 10))
        builder.add(object("bucketeer/x.txt", bytes: 7))
        let s = builder.result
        #expect(s.objects == 7 && s.objectsClassified == 5 && s.objectsSkipped == 2 && s.objectsPartial == 1)
        #expect(s.skippedReasons == ["UNSUPPORTED_FILE_TYPE": 2])
        #expect(s.partialReasons == ["MALFORMED_FILE": 1])
        #expect(s.bytesClassified == 100 + 100 + 50 + 10 + 7)
        #expect(s.findings == 5 && s.objectsWithFindings == 3)
        #expect(s.findingsByType.map(\.type) == ["EMAIL_ADDRESS", "AWS_CREDENTIALS", "IP_ADDRESS", "USA_SOCIAL_SECURITY_NUMBER"])
        #expect(s.findingsByCategory.map(\.category) == [.personalInformation, .credentials])
        #expect(s.mostSensitiveObjects == [
            .init(path: "bucket/b.txt", weight: 7, findings: 3),
            .init(path: "bucket/a.txt", weight: 3, findings: 1),
        ])
        #expect(s.roots.map(\.objects) == [3, 2, 1, 0], "bucketeer/x.txt is not under bucket")
        #expect(s.roots[0].weightedFindings == 10 && s.roots[0].objectsClassified == 2)
        #expect(s.roots.map(\.sensitivityLabel) == ["Sensitive", "Sensitive", "Not sensitive", "Not sensitive"])
        #expect(s.roots[3].sensitivityScore == 1)
    }

    @Test(arguments: [
        // (objects, classified, bytes, weighted findings, score)
        (0, 0, 0, 0, 1),
        (3, 0, 0, 0, -1),
        (1, 1, 0, 0, 49),
        (1, 1, 1024 * 1024, 0, 25),
        (1, 1, 1024 * 1024 * 1024, 0, 1),
        (1, 1, 1024 * 1024 * 1024, 3, 51),
        (1, 1, 1024 * 1024, 100, 82),
        (1, 1, 1000, 100_000, 100),
    ])
    func sensitivityScoreFollowsTheDocumentedFormula(_ c: (Int, Int, Int, Int, Int)) {
        #expect(BucketSummary.sensitivityScore(objects: c.0, objectsClassified: c.1, bytesClassified: c.2,
                                               weightedFindings: c.3) == c.4)
    }

    @Test func topObjectsStayBoundedAndOrdered() {
        var builder = BucketSummaryBuilder(roots: ["r"], topCount: 3)
        for i in 0..<50 {
            let findings = Array(repeating: ("IP_ADDRESS", Category.personalInformation, Severity.low), count: i % 7)
            builder.add(object("r/\(i)", findings: findings))
        }
        let top = builder.result.mostSensitiveObjects
        #expect(top.map(\.weight) == [6, 6, 6])
        #expect(top.map(\.path) == ["r/13", "r/20", "r/27"])
    }

    @Test func rootMatcherGivesKeysRelativeToTheRoot() {
        #expect(RootMatcher.relativeKey(of: "mirror/a/b.csv", under: "mirror") == "a/b.csv")
        #expect(RootMatcher.relativeKey(of: "mirror/a/b.csv", under: "mirror/") == "a/b.csv")
        #expect(RootMatcher.relativeKey(of: "mirror2/a", under: "mirror") == nil)
        #expect(RootMatcher.relativeKey(of: "f.txt", under: "f.txt") == "f.txt")
        #expect(RootMatcher.index(of: "-", in: ["x", "-"]) == 1)
    }
}
