import Foundation
import Testing
@testable import Detectors

/// The accuracy targets on the labeled corpus, and docs/accuracy.md kept in step with them.
///
/// `scripts/accuracy-report` regenerates the corpus and the report; CI fails when an identifier
/// misses its targets or when the committed report is not what the corpus gives.
@Suite("Accuracy on the labeled corpus")
struct AccuracyTests {
    /// Scored once per test process; both tests read it.
    static let result: Result<AccuracyResult, any Error> = Result { try AccuracyCorpus.score() }

    static var reportURL: URL {
        AccuracyCorpus.root.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/accuracy.md")
    }

    @Test func everyIdentifierIsInTheCorpus() throws {
        let labels = try AccuracyCorpus.labels()
        let covered = Set(labels.filter(\.isPositive).map(\.id))
        let catalog = Set(ManagedIdentifiers.all.map(\.id))
        #expect(catalog.subtracting(covered).sorted() == [], "identifiers with no labeled positives")
        #expect(covered.subtracting(catalog).sorted() == [], "labels for identifiers piiscan does not have")
        let formats = Dictionary(grouping: labels.filter(\.isPositive), by: \.id)
            .mapValues { Set($0.map { $0.file.split(separator: ".").last.map(String.init) ?? "" }) }
        for (id, seen) in formats.sorted(by: { $0.key < $1.key }) {
            #expect(seen == ["txt", "csv", "json", "jsonl"], "\(id) is not planted in every format")
        }
    }

    @Test func everyIdentifierMeetsItsTargets() throws {
        let result = try Self.result.get()
        #expect(result.incomplete == [], "corpus files piiscan could not scan completely")
        for (id, score) in result.scores.sorted(by: { $0.key < $1.key }) {
            #expect(score.precision >= AccuracyCorpus.targetPrecision,
                    "\(id): precision \(score.precision) (\(score.falsePositives) false positives)")
            #expect(score.recall >= AccuracyCorpus.targetRecall,
                    "\(id): recall \(score.recall) (\(score.falseNegatives) missed)")
        }
        #expect(result.overall.f1 >= AccuracyCorpus.targetOverallF1, "overall F1 \(result.overall.f1)")
    }

    @Test func committedReportIsCurrent() throws {
        let report = AccuracyReport.markdown(try Self.result.get())
        if ProcessInfo.processInfo.environment["PIISCAN_WRITE_ACCURACY_REPORT"] == "1" {
            try report.write(to: Self.reportURL, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.reportURL, encoding: .utf8)
        #expect(committed == report, "docs/accuracy.md is stale: run scripts/accuracy-report")
    }
}
