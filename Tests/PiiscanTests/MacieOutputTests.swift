import Foundation
import Testing

/// `scan --format macie` and the bucket summary, run through the built binary.
@Suite("Macie-compatible output", .serialized)
struct MacieOutputTests {
    // MARK: Macie's documented schema

    /// Field names per object of a sensitive data discovery result, from Macie's documentation
    /// ("Schema for reporting the location of sensitive data", findings-locate-sd-schema.html)
    /// and its API reference (ClassificationDetails, ClassificationResult,
    /// ClassificationResultStatus, SensitiveDataItem, DefaultDetection, CustomDataIdentifiers,
    /// CustomDetection, Occurrences, Cell, Range, Record; ResourcesAffected.S3Object).
    enum Schema {
        static let document: Set<String> = ["resourcesAffected", "classificationDetails"]
        static let resourcesAffected: Set<String> = ["s3Bucket", "s3Object"]
        static let s3Bucket: Set<String> = ["name"]
        static let s3Object: Set<String> = ["key", "path", "extension", "size", "embeddedFileDetails"]
        static let classificationDetails: Set<String> = ["detailedResultsLocation", "jobArn", "jobId", "originType", "result"]
        static let result: Set<String> = ["status", "mimeType", "sizeClassified", "additionalOccurrences",
                                          "sensitiveData", "customDataIdentifiers"]
        static let status: Set<String> = ["code", "reason"]
        static let sensitiveDataItem: Set<String> = ["category", "totalCount", "detections"]
        static let defaultDetection: Set<String> = ["type", "count", "occurrences"]
        static let customDataIdentifiers: Set<String> = ["totalCount", "detections"]
        static let customDetection: Set<String> = ["arn", "name", "count", "occurrences"]
        static let occurrences: Set<String> = ["cells", "lineRanges", "offsetRanges", "pages", "records"]
        static let cell: Set<String> = ["row", "column", "columnName", "cellReference"]
        static let range: Set<String> = ["start", "end", "startColumn"]
        static let record: Set<String> = ["recordIndex", "jsonPath"]
        static let categories: Set<String> = ["CREDENTIALS", "FINANCIAL_INFORMATION", "PERSONAL_INFORMATION"]
        static let statusCodes: Set<String> = ["COMPLETE", "PARTIAL", "SKIPPED"]
    }

    private func object(_ value: Any?, _ keys: Set<String>, _ place: String) throws -> [String: Any] {
        guard let dictionary = value as? [String: Any] else { throw RunnerError("\(place) is not an object") }
        #expect(Set(dictionary.keys) == keys, "\(place)")
        return dictionary
    }

    private func array(_ value: Any?, _ place: String) throws -> [Any] {
        guard let array = value as? [Any] else { throw RunnerError("\(place) is not an array") }
        return array
    }

    /// Checks one occurrences object; returns the number of locations.
    private func checkOccurrences(_ value: Any?, _ place: String) throws -> Int {
        let o = try object(value, Schema.occurrences, place)
        #expect(o["offsetRanges"] is NSNull && o["pages"] is NSNull, "\(place): reserved kinds")
        var n = 0
        for (kind, keys) in [("cells", Schema.cell), ("lineRanges", Schema.range), ("records", Schema.record)] {
            if o[kind] is NSNull { continue }
            let items = try array(o[kind], "\(place).\(kind)")
            #expect(!items.isEmpty, "\(place).\(kind): an empty kind is null")
            for item in items { _ = try object(item, keys, "\(place).\(kind)[]") }
            n += items.count
        }
        return n
    }

    /// Checks a document against `Schema`; returns its detections' counts by type.
    @discardableResult
    private func checkDocument(_ document: [String: Any]) throws -> [String: Int] {
        _ = try object(document, Schema.document, "document")
        let affected = try object(document["resourcesAffected"], Schema.resourcesAffected, "resourcesAffected")
        if !(affected["s3Bucket"] is NSNull) { _ = try object(affected["s3Bucket"], Schema.s3Bucket, "s3Bucket") }
        _ = try object(affected["s3Object"], Schema.s3Object, "s3Object")
        let details = try object(document["classificationDetails"], Schema.classificationDetails, "classificationDetails")
        let result = try object(details["result"], Schema.result, "result")
        let status = try object(result["status"], Schema.status, "status")
        #expect(Schema.statusCodes.contains(status["code"] as? String ?? ""))
        #expect(result["sizeClassified"] is Int && result["additionalOccurrences"] is Bool)
        var counts: [String: Int] = [:]
        for item in try array(result["sensitiveData"], "sensitiveData") {
            let data = try object(item, Schema.sensitiveDataItem, "sensitiveData[]")
            #expect(Schema.categories.contains(data["category"] as? String ?? ""))
            var total = 0
            for entry in try array(data["detections"], "detections") {
                let detection = try object(entry, Schema.defaultDetection, "detections[]")
                let type = try #require(detection["type"] as? String)
                let count = try #require(detection["count"] as? Int)
                #expect(try checkOccurrences(detection["occurrences"], type) == count, "every occurrence of \(type)")
                counts[type, default: 0] += count
                total += count
            }
            #expect(data["totalCount"] as? Int == total)
        }
        let custom = try object(result["customDataIdentifiers"], Schema.customDataIdentifiers, "customDataIdentifiers")
        var customTotal = 0
        for entry in try array(custom["detections"], "customDataIdentifiers.detections") {
            let detection = try object(entry, Schema.customDetection, "customDataIdentifiers.detections[]")
            let count = try #require(detection["count"] as? Int)
            #expect(try checkOccurrences(detection["occurrences"], "custom") == count)
            customTotal += count
        }
        #expect(custom["totalCount"] as? Int == customTotal)
        return counts
    }

    // MARK: tests

    @Test func demoBucketDocumentsFollowMacieSchemaWithEveryOccurrence() throws {
        let run = try Piiscan.run(["scan", "--format", "macie", Piiscan.demoBucket])
        #expect(run.status == 1)
        let documents = try run.jsonLines()
        #expect(documents.count == 19, "one document per object: 13 files, 3 archive members, 3 archives")
        var counts: [String: Int] = [:]
        for document in documents {
            for (type, n) in try checkDocument(document) { counts[type, default: 0] += n }
        }
        #expect(counts == EndToEndTests.expectedDemoCounts)
        let users = try #require(documents.first {
            (($0["resourcesAffected"] as? [String: Any])?["s3Object"] as? [String: Any])?["key"] as? String == "exports/users.csv"
        })
        let result = try #require((users["classificationDetails"] as? [String: Any])?["result"] as? [String: Any])
        #expect(result["mimeType"] as? String == "text/csv")
        #expect(run.stdout.contains(#""s3Bucket":{"name":"\#(Piiscan.demoBucket)"}"#))
        // No matched value: the demo bucket's e-mail addresses are all @example.* addresses.
        #expect(!run.stdout.contains("@example"))
    }

    @Test func headerCellsAreLineRangesAndSensitiveNamesLeaveNoPath() throws {
        let dir = try TemporaryDirectory()
        let key = "riley.fixture46@example.org"
        try "name,\(key),ssn\nx,a@b.example.org,123-45-6789\n".write(toFile: dir.path + "/h.csv", atomically: true, encoding: .utf8)
        try #"{"\#(key)": {"phone": "+1 415 555 0100"}}"#.write(toFile: dir.path + "/k.json", atomically: true, encoding: .utf8)
        try "x\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBVGl+TqD0uY9Nv8hd2oT0Yt4uH0OGG6nxy1Q4zGtJ3pQAAAJgx5Q+gMeUP\n-----END OPENSSH PRIVATE KEY-----\n"
            .write(toFile: dir.path + "/key.txt", atomically: true, encoding: .utf8)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: URL(fileURLWithPath: dir.path + "/i.png"))
        let run = try Piiscan.run(["scan", "--format", "macie", dir.path])
        #expect(!run.stdout.contains(key) && !run.stdout.contains("123-45-6789") && !run.stdout.contains("555 0100"))
        var byKey: [String: [String: Any]] = [:]
        for document in try run.jsonLines() {
            try checkDocument(document)
            let s3Object = try #require((document["resourcesAffected"] as? [String: Any])?["s3Object"] as? [String: Any])
            byKey[try #require(s3Object["key"] as? String)] =
                (document["classificationDetails"] as? [String: Any])?["result"] as? [String: Any]
        }
        #expect(Set(byKey.keys) == ["h.csv", "k.json", "key.txt", "i.png"])
        func occurrences(_ file: String, _ type: String) -> [String: Any]? {
            let data = byKey[file]?["sensitiveData"] as? [[String: Any]] ?? []
            let detections = data.flatMap { $0["detections"] as? [[String: Any]] ?? [] }
            return detections.first { $0["type"] as? String == type }?["occurrences"] as? [String: Any]
        }
        let email = try #require(occurrences("h.csv", "EMAIL_ADDRESS"))
        #expect((email["lineRanges"] as? [[String: Int]]) == [["start": 1, "end": 1, "startColumn": 6]])
        let cell = try #require((email["cells"] as? [[String: Any]])?.first)
        #expect(cell["row"] as? Int == 2 && cell["column"] as? Int == 2 && cell["columnName"] is NSNull)
        let ssn = try #require((occurrences("h.csv", "USA_SOCIAL_SECURITY_NUMBER")?["cells"] as? [[String: Any]])?.first)
        #expect(ssn["columnName"] as? String == "ssn")
        let phone = try #require((occurrences("k.json", "PHONE_NUMBER")?["records"] as? [[String: Any]])?.first)
        #expect(phone["recordIndex"] as? Int == 0 && phone["jsonPath"] is NSNull)
        let pem = try #require(occurrences("key.txt", "OPENSSH_PRIVATE_KEY")?["lineRanges"] as? [[String: Int]])
        #expect(pem == [["start": 2, "end": 5, "startColumn": 1]])
        let status = try #require(byKey["i.png"]?["status"] as? [String: Any])
        #expect(status["code"] as? String == "SKIPPED")
        #expect(status["reason"] as? String == "UNSUPPORTED_FILE_TYPE_EXCEPTION")
    }

    @Test func summaryJSONFileAndHumanSummary() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/summary.json"
        let jsonl = try Piiscan.run(["scan", "--format", "jsonl", "--summary-json", file, Piiscan.demoBucket])
        #expect(jsonl.status == 1)
        #expect(try jsonl.jsonLines().allSatisfy { ["finding", "object"].contains($0["kind"] as? String ?? "") })
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(summary.keys) == ["objects", "objectsClassified", "objectsSkipped", "objectsPartial",
                                      "objectsWithFindings", "skippedReasons", "partialReasons", "bytesClassified",
                                      "findings", "findingsByType", "findingsByCategory", "mostSensitiveObjects", "roots"])
        #expect(summary["objects"] as? Int == 19)
        #expect(summary["findings"] as? Int == EndToEndTests.expectedDemoCounts.values.reduce(0, +))
        #expect((summary["partialReasons"] as? [String: Int]) == ["MALFORMED_FILE": 2])
        let byType = (summary["findingsByType"] as? [[String: Any]] ?? []).reduce(into: [String: Int]()) {
            $0[$1["type"] as? String ?? "?"] = $1["count"] as? Int
        }
        #expect(byType == EndToEndTests.expectedDemoCounts)
        let top = try #require(summary["mostSensitiveObjects"] as? [[String: Any]])
        #expect(top.count == 10)
        #expect(top.first?["path"] as? String == Piiscan.demoBucket + "/exports/users.csv")
        let roots = try #require(summary["roots"] as? [[String: Any]])
        #expect(roots.count == 1 && roots[0]["root"] as? String == Piiscan.demoBucket)
        let score = try #require(roots[0]["sensitivityScore"] as? Int)
        #expect((51...100).contains(score) && roots[0]["sensitivityLabel"] as? String == "Sensitive")

        let human = try Piiscan.run(["scan", Piiscan.demoBucket])
        #expect(human.stdout.contains("Partial: 2 (2 MALFORMED_FILE)"))
        #expect(human.stdout.contains("Most sensitive objects"))
        #expect(human.stdout.contains("\(score)  Sensitive  \(Piiscan.demoBucket)"))
    }

    @Test func customIdentifiersGoToCustomDataIdentifiers() throws {
        let dir = try TemporaryDirectory()
        try "employee EMP-204518 and EMP-204519\nline two EMP-204520\n"
            .write(toFile: dir.path + "/emp.txt", atomically: true, encoding: .utf8)
        let config = Piiscan.packageRoot.appendingPathComponent("examples/piiscan.yaml").path
        let run = try Piiscan.run(["scan", "--config", config, "--format", "macie", dir.path + "/emp.txt"])
        let document = try #require(try run.jsonLines().first)
        try checkDocument(document)
        let result = try #require((document["classificationDetails"] as? [String: Any])?["result"] as? [String: Any])
        let custom = try #require(result["customDataIdentifiers"] as? [String: Any])
        #expect(custom["totalCount"] as? Int == 3)
        let detection = try #require((custom["detections"] as? [[String: Any]])?.first)
        #expect(detection["name"] as? String == "EMPLOYEE_ID" && detection["arn"] is NSNull)
        #expect(!run.stdout.contains("EMP-2045"))
    }

    @Test func unwritableSummaryFileIsAnError() throws {
        let run = try Piiscan.run(["scan", "--summary-json", "/nonexistent-dir/s.json", Piiscan.demoBucket])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent-dir/s.json"))
    }
}
