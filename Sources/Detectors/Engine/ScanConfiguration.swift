import Records

/// What a scan looks for and how. Compiled once into a `ScanEngine`.
public struct ScanConfiguration: Sendable {
    /// Identifier IDs or category names (`CREDENTIALS`, ...) to use; empty means all.
    public var include: Set<String> = []
    /// Identifier IDs or category names to leave out (applied after `include`).
    public var exclude: Set<String> = []
    /// Report well-known example values (issuers' test cards, AWS's documented example keys),
    /// which Macie never reports. Off by default.
    public var reportExampleValues = false
    /// Put the matched text in each finding's `value`. Off by default: findings carry a type and
    /// a location only.
    public var includeValues = false
    /// How far before a match (bytes, from the keyword's end to the match's start) a keyword
    /// still counts. Macie's managed identifiers use 30.
    public var keywordDistance = 30
    /// Bytes read per chunk when streaming; memory per scan is a small multiple of this.
    public var chunkSize = 1 << 20
    /// PCRE2's match limit per verification, so no pattern can run away.
    public var matchLimit: UInt32 = 1_000_000

    public init() {}
}

/// A configuration the engine cannot be built from; names the item at fault.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case unknownIdentifier
        case invalidPattern
        case invalidValue
    }
    public var kind: Kind
    /// The identifier, category or option at fault.
    public var item: String
    public var message: String

    public init(kind: Kind, item: String, message: String) {
        self.kind = kind
        self.item = item
        self.message = message
    }

    public var description: String { "\(item): \(message)" }
}
