import Testing
import Detectors
import Records

/// `scanFile` on the Parquet fixtures of RecordsTests: record locations and statuses.
@Suite struct ParquetScanTests {
    static let fixtures: String = {
        let file = "\(#filePath)"
        let tests = file[..<(file.range(of: "/DetectorsTests/")?.lowerBound ?? file.endIndex)]
        return tests + "/RecordsTests/Fixtures/parquet/"
    }()

    func scan(_ name: String) throws -> (ObjectResult, [Finding]) {
        let engine = try ScanEngine(configuration: ScanConfiguration())
        var sink = FindingCollector()
        let result = engine.scanFile(atPath: Self.fixtures + name, scratch: engine.makeScratch(), into: &sink)
        return (result, sink.findings)
    }

    @Test func nestedValuesAreFoundAtRecordPathsAndPathNamesAreKeywords() throws {
        let (result, findings) = try scan("nested_v2.parquet")
        #expect(result.format == .parquet)
        #expect(result.status == .complete)
        let places = findings.map { "\($0.type) \($0.location)" }
        #expect(findings.contains { $0.location == .record(recordIndex: 0, jsonPath: "$.attrs[0].value", offset: 0, length: 11) },
                "\(places)")
    }

    @Test func aColumnNamedSSNMakesItsValuesSocialSecurityNumbers() throws {
        let (result, findings) = try scan("people_dict_v1_snappy.parquet")
        #expect(result.status == .complete)
        let ssnRows = findings.filter { $0.type == "USA_SOCIAL_SECURITY_NUMBER" }.compactMap { finding -> Int? in
            if case .record(let row, "$.ssn", _, _) = finding.location { return row } else { return nil }
        }
        #expect(ssnRows.sorted() == Array(0..<10))
    }

    @Test func anUnsupportedCodecGivesPartialWithAReasonNamingTheColumn() throws {
        let (result, findings) = try scan("people_brotli.parquet")
        #expect(findings.isEmpty)
        #expect(result.status == .partial)
        #expect(result.reason == .unsupportedFileType)
        #expect(result.messages.first?.contains("column id, row group 0: codec BROTLI") == true)
    }
}
