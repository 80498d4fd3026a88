import Detectors
@testable import Masking
import Records

/// A fixed synthetic test key (never used for real data).
let testKeyBytes: [UInt8] = (0..<32).map { UInt8($0 &* 7 &+ 3) }

func testKey() throws -> MaskingKey { try MaskingKey(bytes: testKeyBytes) }

func policy(_ yaml: String) throws -> MaskingPolicy {
    try MaskingPolicy(text: yaml, path: "test-policy.yaml")
}

/// Masks `input` as `format` and returns the output text and the report.
func mask(_ input: String, format: FileFormat, policy: MaskingPolicy, verify: Bool = false,
          key: MaskingKey? = nil) throws -> (text: String, report: ObjectMaskingReport) {
    let masker = try Masker(policy: policy, key: key ?? (try testKey()))
    var sink = MemoryByteSink()
    let report = try masker.mask(MemoryByteSource(input), format: format, path: "input", to: &sink, verify: verify)
    return (sink.text, report)
}

/// A source that hands out at most one line per read, like a pipe fed record by record.
struct LineAtATimeSource: ByteSource {
    var lines: [[UInt8]]
    var reads = 0

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { Array(($0 + "\n").utf8) }
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        reads += 1
        guard !lines.isEmpty else { return 0 }
        let line = lines.removeFirst()
        precondition(line.count <= buffer.count)
        buffer.copyBytes(from: line)
        return line.count
    }
}

/// A sink that remembers what had been flushed at each flush.
struct FlushRecordingSink: ByteSink {
    var bytes: [UInt8] = []
    var flushedTexts: [String] = []

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) { self.bytes += bytes }
    mutating func flush() throws(WriteError) { flushedTexts.append(String(decoding: bytes, as: UTF8.self)) }
}
