import Records

/// One custom identifier match recorded while tracing, with what became of it.
struct CustomTraceEvent {
    var identifier: Int
    var streamRange: Range<Int>
    var value: String
    var field: String?
    var outcome: CustomIdentifierTest.Outcome
}

/// What custom identifiers find in a sample and why: every match of their patterns, whether it
/// would be reported, and if not, which rule dropped it; then each identifier's count and the
/// severity that count gives. This is piiscan's `TestCustomDataIdentifier`, with reasons.
///
/// The matches hold the matched text: the caller supplied the sample, so the values are shown
/// to whoever asked. `ScanEngine.testCustomIdentifiers` builds it.
public struct CustomIdentifierTest: Sendable {
    /// What happened to a match.
    public enum Outcome: Sendable, Hashable {
        /// Reported; `keyword` is the keyword that made it eligible (nil when none is needed),
        /// found in the field's name when `keywordInName`; `check` the checksum it passed.
        case reported(keyword: String?, keywordInName: Bool, check: CustomCheck?)
        /// Dropped: no keyword ends before it within `maximumMatchDistance` of its end, and no
        /// field name carries one.
        case noKeyword
        /// Dropped: it contains this ignore word.
        case ignoreWord(String)
        /// Dropped: the capture group to report did not take part in the match (or is empty).
        case captureGroupDidNotMatch
        /// Dropped: it fails this check.
        case checkFailed(CustomCheck)
        /// Dropped: this allow list allows it.
        case allowed(list: String)

        public var isReported: Bool { if case .reported = self { return true } else { return false } }
    }

    /// One match of one custom identifier's pattern.
    public struct Match: Sendable, Hashable {
        public var identifier: String
        /// The matched text (or the capture group's, once it was found).
        public var value: String
        /// For text samples: the byte offset, 1-based line and column (characters) of the match.
        public var offset: Int?
        public var line: Int?
        public var column: Int?
        /// For structured samples: the column (`column ssn`) or JSONPath of the field.
        public var field: String?
        public var outcome: Outcome
    }

    /// One identifier's result over the sample, as one object.
    public struct Tally: Sendable, Hashable {
        public var identifier: String
        /// Matches that would be reported.
        public var count: Int
        /// The severity of the findings; nil when `count` is below the lowest threshold (then no
        /// finding is created) or zero.
        public var severity: Severity?
        /// The definition's severity levels (empty: MEDIUM for any count).
        public var levels: [SeverityLevel]
    }

    public var matches: [Match]
    public var tallies: [Tally]
    /// Findings as a scan would deliver them, managed identifiers' included.
    public var findings: [Finding]
    /// The sample's scan result (format, status, messages).
    public var result: ObjectResult
}

extension ScanEngine {
    /// Runs the engine over `text` (scanned as text) recording every custom identifier match and
    /// its outcome. Values are included: the caller supplied the sample.
    public func testCustomIdentifiers(in text: String) -> CustomIdentifierTest {
        var copy = text
        return copy.withUTF8 { utf8 in
            var source = BufferByteSource(UnsafeRawBufferPointer(utf8))
            return runTest(UnsafeRawBufferPointer(utf8)) { scratch, sink in
                scanText(from: &source, path: "-", scratch: scratch, into: &sink)
            }
        }
    }

    /// Runs the engine over the file at `path` (its format detected as `scanFile` does: a CSV's
    /// column names count as keywords) recording every custom identifier match and its outcome.
    public func testCustomIdentifiers(inFileAtPath path: String) -> CustomIdentifierTest {
        var bytes: [UInt8] = []
        if let file = try? FileByteSource(path: path) {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while bytes.count < 16 << 20 {
                let n = (try? chunk.withUnsafeMutableBytes { try file.read(into: $0) }) ?? 0
                if n <= 0 { break }
                bytes += chunk[0..<n]
            }
        }
        return bytes.withUnsafeBytes { raw in
            runTest(raw) { scratch, sink in
                scanFile(atPath: path, scratch: scratch, into: &sink)
            }
        }
    }

    private func runTest(_ sample: UnsafeRawBufferPointer,
                         _ scan: (ScanScratch, inout FindingCollector) -> ObjectResult) -> CustomIdentifierTest {
        let scratch = makeScratch()
        scratch.custom.trace = []
        var sink = FindingCollector()
        let result = scan(scratch, &sink)
        let events = scratch.custom.trace ?? []
        let identifiers = custom?.identifiers ?? []
        var cursor = LineCursor()
        var matches: [CustomIdentifierTest.Match] = []
        var lastOffset = 0
        for event in events.sorted(by: { ($0.streamRange.lowerBound, $0.identifier) < ($1.streamRange.lowerBound, $1.identifier) }) {
            var match = CustomIdentifierTest.Match(identifier: identifiers[event.identifier].definition.name,
                                                   value: event.value, field: event.field, outcome: event.outcome)
            if result.format == .text, event.streamRange.upperBound <= sample.count {
                if event.streamRange.lowerBound < lastOffset { cursor = LineCursor() }
                cursor.advance(to: event.streamRange.lowerBound, in: sample, bufferStart: 0)
                lastOffset = event.streamRange.lowerBound
                match.offset = event.streamRange.lowerBound
                match.line = cursor.line
                match.column = cursor.column
            }
            matches.append(match)
        }
        let tallies = identifiers.map { identifier in
            let count = events.filter { $0.identifier == identifier.index && $0.outcome.isReported }.count
            return CustomIdentifierTest.Tally(identifier: identifier.definition.name, count: count,
                                              severity: identifier.severity(forCount: count),
                                              levels: identifier.levels)
        }
        return CustomIdentifierTest(matches: matches, tallies: tallies, findings: sink.findings, result: result)
    }
}
