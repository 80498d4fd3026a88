import Foundation
import Records
@testable import Detectors

// Scores the managed identifiers against the labeled corpus in Corpora/accuracy (written by
// Corpora/accuracy/generate.py): every planted value has a label saying where it is, whether
// it is a positive, which identifier it belongs to and which others may also report it.

/// One planted value.
struct AccuracyLabel: Decodable, Sendable {
    /// Path relative to Corpora/accuracy.
    let file: String
    /// `line:N`, `cell:R:C` or `record:I:PATH`.
    let `where`: String
    /// "positive" or "negative".
    let kind: String
    let id: String
    let value: String
    let also: [String]

    var isPositive: Bool { kind == "positive" }
}

/// True and false positives and false negatives of one identifier.
struct IdentifierScore: Sendable, Equatable {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0

    var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    static func + (a: IdentifierScore, b: IdentifierScore) -> IdentifierScore {
        IdentifierScore(truePositives: a.truePositives + b.truePositives,
                        falsePositives: a.falsePositives + b.falsePositives,
                        falseNegatives: a.falseNegatives + b.falseNegatives)
    }
}

/// A wrong or missed finding, for the report.
struct AccuracyError: Sendable {
    enum Kind: String, Sendable { case falsePositive = "false positive", falseNegative = "missed" }
    let kind: Kind
    let id: String
    let file: String
    let `where`: String
    /// What was planted there, if anything ("positive of X", "negative of X", "filler").
    let planted: String
}

/// The whole corpus's scores.
struct AccuracyResult: Sendable {
    var scores: [String: IdentifierScore] = [:]
    var errors: [AccuracyError] = []
    var positives = 0
    var negatives = 0
    var files = 0
    var bytes = 0
    /// Files piiscan could not scan completely (each one is a corpus bug).
    var incomplete: [String] = []

    var overall: IdentifierScore { scores.values.reduce(IdentifierScore(), +) }
}

enum AccuracyCorpus {
    /// Corpora/accuracy in this checkout.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpora/accuracy")

    static let targetPrecision = 0.98
    static let targetRecall = 0.98
    static let targetOverallF1 = 0.99

    /// The labels, in file order.
    static func labels() throws -> [AccuracyLabel] {
        let text = try String(contentsOf: root.appendingPathComponent("labels.jsonl"), encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").map { try decoder.decode(AccuracyLabel.self, from: Data($0.utf8)) }
    }

    /// The corpus files, sorted.
    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("corpus").path)
            .sorted().map { "corpus/" + $0 }
    }

    /// The location key a finding is paired with labels by.
    static func key(_ location: Location) -> String {
        switch location {
        case .text(_, _, let line, _): return "line:\(line)"
        case .cell(let row, let column, _, _, _): return "cell:\(row):\(column)"
        case .record(let index, let path, _, _): return "record:\(index):\(path)"
        }
    }

    /// Scans every corpus file with every managed identifier and scores the findings.
    static func score() throws -> AccuracyResult {
        var configuration = ScanConfiguration()
        configuration.includeValues = true
        let engine = try ScanEngine(configuration: configuration)
        let scratch = engine.makeScratch()
        var result = AccuracyResult()
        for definition in engine.identifiers { result.scores[definition.id] = IdentifierScore() }

        var planted: [String: [String: AccuracyLabel]] = [:]
        for label in try labels() {
            planted[label.file, default: [:]][label.where] = label
            if label.isPositive { result.positives += 1 } else { result.negatives += 1 }
        }
        for file in try files() {
            var sink = FindingCollector()
            let path = root.appendingPathComponent(file).path
            let object = engine.scanFile(atPath: path, displayPath: file, scratch: scratch, into: &sink)
            result.files += 1
            result.bytes += object.bytes
            if object.status != .complete { result.incomplete.append(file) }
            let labels = planted[file] ?? [:]
            var found: Set<String> = []
            for finding in sink.findings {
                let key = key(finding.location)
                let label = labels[key]
                if let label, let value = finding.value {
                    if value == label.value, label.isPositive, finding.type == label.id {
                        if found.insert(key).inserted {
                            result.scores[finding.type, default: IdentifierScore()].truePositives += 1
                            continue
                        }
                    } else if label.also.contains(finding.type), label.value.contains(value) {
                        // Another identifier the spec allows, on the value or a part of it (a
                        // card number inside track data, an SSN inside a HICN).
                        continue
                    }
                }
                result.scores[finding.type, default: IdentifierScore()].falsePositives += 1
                let what = label.map { "\($0.kind) of \($0.id)" + (finding.value == $0.value ? "" : " (other text)") }
                result.errors.append(AccuracyError(kind: .falsePositive, id: finding.type, file: file,
                                                   where: key, planted: what ?? "filler"))
            }
            for (key, label) in labels.sorted(by: { $0.key < $1.key })
            where label.isPositive && !found.contains(key) {
                result.scores[label.id, default: IdentifierScore()].falseNegatives += 1
                result.errors.append(AccuracyError(kind: .falseNegative, id: label.id, file: file, where: key,
                                                   planted: "positive of \(label.id)"))
            }
        }
        return result
    }
}
