@testable import Detectors

// One way for identifier tests to scan a text with a chosen few managed identifiers.

/// Scans `text` with only the identifiers in `ids` (values included) and returns the findings.
func findings(_ ids: Set<String>, in text: String,
              configure: (inout ScanConfiguration) -> Void = { _ in }) throws -> [Finding] {
    var configuration = ScanConfiguration()
    configuration.include = ids
    configuration.includeValues = true
    configure(&configuration)
    return try ScanEngine(configuration: configuration).findings(in: text)
}

/// Scans `text` with only the identifier `id` and returns the findings.
func findings(_ id: String, in text: String,
              configure: (inout ScanConfiguration) -> Void = { _ in }) throws -> [Finding] {
    try findings([id], in: text, configure: configure)
}

/// Scans `text` with only the identifier `id` and returns the matched values.
func values(_ id: String, in text: String,
            configure: (inout ScanConfiguration) -> Void = { _ in }) throws -> [String] {
    try findings([id], in: text, configure: configure).compactMap(\.value)
}

/// Scans `text` with only the identifiers in `ids`, example values reported on request.
func scan(_ text: String, for ids: Set<String>, reportExamples: Bool = false) throws -> [Finding] {
    try findings(ids, in: text) { $0.reportExampleValues = reportExamples }
}

/// The values found in `text` by the identifier `id`.
func values(_ text: String, _ id: String, reportExamples: Bool = false) throws -> [String] {
    try scan(text, for: [id], reportExamples: reportExamples).compactMap(\.value)
}

/// Scans `text` as one text object with `engine`; returns the object's result and findings.
func scanText(_ engine: ScanEngine, _ text: String) -> (ObjectResult, [Finding]) {
    var sink = FindingCollector()
    var copy = text
    let result = copy.withUTF8 { engine.scanText(UnsafeRawBufferPointer($0), scratch: engine.makeScratch(), into: &sink) }
    return (result, sink.findings)
}
