import Crypto
import Foundation
import Records

/// The lineage record of a masking run, written as JSON: for each object the input and output
/// paths with their SHA-256, the policy's hash, the key ID, record counts and counts per
/// identifier and transform. It never holds a value.
public struct MaskingManifest: Codable, Sendable {
    public struct Policy: Codable, Sendable {
        public var path: String?
        public var sha256: String
    }

    public struct FileDigest: Codable, Sendable {
        public var path: String
        public var sha256: String
        public var bytes: Int

        public init(path: String, sha256: String, bytes: Int) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    public struct Count: Codable, Sendable, Hashable {
        /// The identifier, or `column:NAME` / `path:$.a` for a field rule.
        public var type: String
        public var transform: String
        public var count: Int
    }

    public struct Object: Codable, Sendable {
        public var input: FileDigest
        /// Absent when nothing was written (the object failed or was skipped).
        public var output: FileDigest?
        public var format: String?
        /// `MASKED`, `FAILED` (nothing written; `error` says why) or `SKIPPED` (not a format
        /// masking writes, such as an archive).
        public var status: String
        public var records: RecordCounts
        public var counts: [Count]
        /// Problems, each naming its record; never a value.
        public var messages: [String]
        public var error: String?
        /// With `--verify`: findings of a masked kind left in the output.
        public var residualFindings: Int?
        /// With `--verify`: where they are, as `TYPE at PLACE` (at most 100; never a value).
        public var residualPlaces: [String]?

        public init(input: FileDigest, output: FileDigest?, format: String?, status: String, records: RecordCounts,
                    counts: [Count], messages: [String], error: String?, residualFindings: Int?) {
            self.input = input
            self.output = output
            self.format = format
            self.status = status
            self.records = records
            self.counts = counts
            self.messages = messages
            self.error = error
            self.residualFindings = residualFindings
        }
    }

    public var version = 1
    public var tool: String
    public var createdAt: String
    public var policy: Policy
    /// The key's ID (`k1-...`), never the key; nil when the policy uses no key.
    public var keyId: String?
    /// `filter`, `files` or `in-place`.
    public var mode: String
    public var verify: Bool
    public var objects: [Object] = []

    public init(tool: String, policy: MaskingPolicy, keyID: String?, mode: String, verify: Bool, createdAt: Date = Date()) {
        self.tool = tool
        self.policy = Policy(path: policy.path, sha256: policy.sha256)
        self.keyId = keyID
        self.mode = mode
        self.verify = verify
        let formatter = ISO8601DateFormatter()
        self.createdAt = formatter.string(from: createdAt)
    }

    /// Counts sorted by type then transform.
    public static func counts(_ table: [String: [String: Int]]) -> [Count] {
        table.flatMap { type, byTransform in
            byTransform.map { Count(type: type, transform: $0.key, count: $0.value) }
        }.sorted { ($0.type, $0.transform) < ($1.type, $1.transform) }
    }

    /// Pretty-printed JSON with sorted keys: the same run gives the same bytes but for
    /// `createdAt`.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// A `ByteSource` that hashes what passes through it (SHA-256) and counts the bytes.
public struct HashingByteSource<Inner: ByteSource>: ByteSource {
    public var inner: Inner
    private var hasher = SHA256()
    public private(set) var count = 0

    public init(_ inner: Inner) { self.inner = inner }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        let n = try inner.read(into: buffer)
        if n > 0 {
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            count += n
        }
        return n
    }

    /// The digest so far, lower-case hex.
    public var sha256: String { hasher.finalize().map { hexDigit($0) }.joined() }
}

/// A `ByteSink` that hashes what passes through it (SHA-256) and counts the bytes.
public struct HashingByteSink<Inner: ByteSink>: ByteSink {
    public var inner: Inner
    private var hasher = SHA256()
    public private(set) var count = 0

    public init(_ inner: Inner) { self.inner = inner }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) {
        hasher.update(bufferPointer: bytes)
        count += bytes.count
        try inner.write(bytes)
    }

    public mutating func flush() throws(WriteError) { try inner.flush() }

    public var sha256: String { hasher.finalize().map { hexDigit($0) }.joined() }
}
