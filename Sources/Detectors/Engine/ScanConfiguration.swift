import Records

/// What a scan looks for and how. Compiled once into a `ScanEngine`.
public struct ScanConfiguration: Sendable {
    /// Identifier IDs, custom identifier names or category names (`CREDENTIALS`,
    /// `CUSTOM_IDENTIFIER`, ...) to use; empty means all.
    public var include: Set<String> = []
    /// Identifier IDs, custom identifier names or category names to leave out (applied after
    /// `include`).
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
    /// Custom identifiers (see `CustomIdentifier`), checked when the engine is built.
    public var customIdentifiers: [CustomIdentifier] = []
    /// Allow lists, applied to the findings of managed and custom identifiers alike.
    public var allowLists: [AllowList] = []
    /// The most bytes a custom identifier's match (with what its lookaheads examine) may span
    /// from its start; a longer match is not reported. Bounds the streaming overlap.
    public var customMatchLength = 1024

    public init() {}
}

/// A configuration the engine cannot be built from; names the item at fault.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case unknownIdentifier
        case invalidPattern
        case invalidValue
        /// A field the configuration file's schema does not have.
        case unknownField
        /// A configuration file that cannot be read or parsed (YAML/JSON syntax).
        case unreadableFile
    }
    public var kind: Kind
    /// The identifier, category or option at fault.
    public var item: String
    public var message: String
    /// The configuration file at fault, when the configuration came from one.
    public var file: String?
    /// The line in `file` (from 1), when known.
    public var line: Int?

    public init(kind: Kind, item: String, message: String) {
        self.kind = kind
        self.item = item
        self.message = message
    }

    /// `item: message`, or `file: line N: item: message` for a configuration file.
    public var description: String {
        var text = ""
        if let file { text += file + ": " }
        if let line { text += "line \(line): " }
        return text + (item.isEmpty ? message : "\(item): \(message)")
    }
}
