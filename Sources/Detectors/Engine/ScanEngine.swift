import Records

/// The scan engine: compiled once from a configuration and a catalog of identifiers into an
/// immutable value that any number of threads share. Each thread scans with its own
/// `ScanScratch`.
///
/// The scan path (see ARCHITECTURE.md): a prefilter proposes candidate start positions from the
/// bytes and literals each identifier declares in its `Trigger`; each candidate is verified by
/// the identifier's PCRE2 pattern, JIT-compiled and anchored at the candidate; a verified match
/// is validated (checksums, structure), checked against well-known example values, and, where
/// the identifier needs one, against keywords before it or in the field's name. There is never
/// a union of all patterns run over the whole input.
///
/// ```swift
/// let engine = try ScanEngine(configuration: ScanConfiguration())
/// let scratch = engine.makeScratch()
/// var sink = FindingCollector()
/// let result = engine.scanFile(atPath: "users.csv", scratch: scratch, into: &sink)
/// ```
public final class ScanEngine: Sendable {
    /// The configuration the engine was built from.
    public let configuration: ScanConfiguration
    /// The identifiers in use, after `include`/`exclude`.
    public var identifiers: [ManagedIdentifier] { compiled.map(\.definition) }
    /// The custom identifiers in use, after `include`/`exclude`.
    public var customIdentifiers: [CustomIdentifier] { custom?.identifiers.map(\.definition) ?? [] }

    let compiled: [CompiledIdentifier]
    let prefilter: Prefilter
    /// The custom identifiers (nil when there are none), numbered after `compiled` in findings.
    let custom: CustomIdentifierSet?
    /// The allow lists (nil when there are none).
    let allowLists: CompiledAllowLists?
    /// Bytes kept before a chunk's owned region: keyword window, lookbehind, boundary byte.
    let backContext: Int
    /// Bytes read past a chunk's owned region: the longest match plus its lookahead.
    let forwardContext: Int

    /// Builds an engine from `configuration` over `catalog`.
    /// - Throws: `ConfigurationError` naming the item at fault: an unknown identifier or category
    ///   in `include`/`exclude`, an out-of-range option, or a pattern PCRE2 rejects.
    public init(configuration: ScanConfiguration, catalog: [ManagedIdentifier]) throws(ConfigurationError) {
        guard (1...300).contains(configuration.keywordDistance) else {
            throw ConfigurationError(kind: .invalidValue, item: "keywordDistance",
                                     message: "must be between 1 and 300, got \(configuration.keywordDistance)")
        }
        guard configuration.chunkSize >= 4096 else {
            throw ConfigurationError(kind: .invalidValue, item: "chunkSize",
                                     message: "must be at least 4096 bytes, got \(configuration.chunkSize)")
        }
        let known = Set(catalog.map(\.id)).union(Category.allCases.map(\.rawValue))
        let customNames = try Self.checkCustomNames(configuration.customIdentifiers, reserved: known)
        for name in configuration.include.union(configuration.exclude).sorted()
        where !known.contains(name) && !customNames.contains(name) {
            throw ConfigurationError(kind: .unknownIdentifier, item: name,
                                     message: "no managed identifier, custom identifier or category has this name (see `piiscan identifiers`)")
        }
        func selected(_ d: ManagedIdentifier) -> Bool {
            let names: Set<String> = [d.id, d.category.rawValue]
            if !configuration.include.isEmpty && names.isDisjoint(with: configuration.include) { return false }
            return names.isDisjoint(with: configuration.exclude)
        }
        var compiled: [CompiledIdentifier] = []
        for definition in catalog where selected(definition) {
            do {
                let pattern = try PCRE2Pattern(definition.pattern, anchored: true)
                compiled.append(CompiledIdentifier(index: compiled.count, definition: definition, pattern: pattern))
            } catch {
                throw ConfigurationError(kind: .invalidPattern, item: definition.id, message: error.description)
            }
        }
        self.configuration = configuration
        self.compiled = compiled
        self.prefilter = Prefilter(compiled)
        let custom = try Self.compileCustom(configuration)
        self.custom = custom
        let allowLists = try CompiledAllowLists(configuration.allowLists)
        self.allowLists = allowLists.isEmpty ? nil : allowLists
        let longestKeyword = compiled.flatMap(\.keywordBytes).map(\.count).max() ?? 0
        self.backContext = max(configuration.keywordDistance + longestKeyword + 64, custom?.backContext ?? 0)
        self.forwardContext = max((compiled.map(\.definition.maxLength).max() ?? 0),
                                  custom == nil ? 0 : configuration.customMatchLength) + 64
    }

    /// Makes the mutable state one thread scans with. Not shareable between threads.
    public func makeScratch() -> ScanScratch { ScanScratch(engine: self) }

    /// The largest number of bytes a scan holds in memory at once, whatever the input size.
    public var bufferCapacity: Int { configuration.chunkSize + backContext + forwardContext }
}

/// An identifier ready to scan with: its definition, its compiled pattern, its keywords as
/// lower-case bytes.
final class CompiledIdentifier: Sendable {
    let index: Int
    let definition: ManagedIdentifier
    let pattern: PCRE2Pattern
    let keywordBytes: [[UInt8]]
    let needsKeywordAlways: Bool
    let mayNeedKeyword: Bool
    /// `KeywordRule.absent`: a keyword nearby suppresses the match.
    let forbidsKeyword: Bool
    /// Hot copies of the definition's fields, so verifying a candidate copies no struct.
    let validate: @Sendable (MatchContext) -> Verdict
    let examples: Set<String>
    let hasExamples: Bool

    init(index: Int, definition: ManagedIdentifier, pattern: PCRE2Pattern) {
        self.index = index
        self.definition = definition
        self.pattern = pattern
        self.validate = definition.validate
        self.examples = definition.examples
        self.hasExamples = !definition.examples.isEmpty
        self.keywordBytes = definition.keywords.map { Array($0.lowercased().utf8) }
        self.needsKeywordAlways = definition.keywordRule == .required
        self.mayNeedKeyword = definition.keywordRule != .none && definition.keywordRule != .absent
        self.forbidsKeyword = definition.keywordRule == .absent
    }
}

/// The mutable state of one scanning thread: PCRE2 match data, the streaming buffer, the
/// findings of the current window. Create with `ScanEngine.makeScratch()`; use from one thread.
public final class ScanScratch {
    let engine: ScanEngine
    let match: PCRE2MatchState
    /// The engine's prefilter tables (kept alive by `engine`).
    let tables: PrefilterTables
    /// For each identifier, the stream offset before which it may not start another match
    /// (matches of one identifier do not overlap). Raw memory: read at every candidate.
    let nextStart: UnsafeMutableBufferPointer<Int>
    /// Findings of the window being processed, before sorting.
    var pending: [PendingMatch] = []
    /// Set when a verification hit PCRE2's match limit in the current object.
    var matchLimitHits = 0
    /// Dictionary entries whose findings were reused instead of scanned again (for tests).
    var dictionaryReuses = 0
    /// Custom identifiers' state (see `CustomScratch`).
    let custom: CustomScratch
    /// Field-name keyword decisions, keyed by identifier index and name list.
    var nameKeywordCache: [NameKey: String?] = [:]
    /// The keyword-gated identifiers each column name or path's names open.
    var gatedColumnCache: [(name: String, ids: [Int])?] = []
    var gatedPathCache: [[String]: [Int]] = [:]
    /// For each gated identifier, the stream offset up to which positions were already tried
    /// after a keyword (so overlapping keyword ranges are tried once, in order).
    let gatedScannedTo: UnsafeMutableBufferPointer<Int>
    /// Copies of the engine's, read for every field.
    let hasGatedIdentifiers: Bool
    let keywordAutomaton: KeywordAutomaton?
    /// Streaming window storage, allocated on first use and reused.
    var window: StreamWindow?

    init(engine: ScanEngine) {
        self.engine = engine
        self.match = PCRE2MatchState(matchLimit: engine.configuration.matchLimit)
        self.tables = engine.prefilter.tables
        self.nextStart = .allocate(capacity: max(1, engine.compiled.count))
        nextStart.initialize(repeating: 0)
        self.gatedScannedTo = .allocate(capacity: max(1, engine.compiled.count))
        gatedScannedTo.initialize(repeating: 0)
        self.hasGatedIdentifiers = !engine.prefilter.gatedIdentifiers.isEmpty
        self.keywordAutomaton = engine.prefilter.keywords
        self.custom = CustomScratch(count: engine.custom?.identifiers.count ?? 0)
    }

    deinit {
        window?.deallocate()
        nextStart.deallocate()
        gatedScannedTo.deallocate()
    }

    func resetForObject() {
        for i in nextStart.indices { nextStart[i] = 0 }
        for i in gatedScannedTo.indices { gatedScannedTo[i] = 0 }
        gatedColumnCache.removeAll(keepingCapacity: true)
        pending.removeAll(keepingCapacity: true)
        matchLimitHits = 0
        custom.resetForObject()
    }

    /// Forgets where matches ended (stream offsets start again from 0), keeping the object's
    /// counts: between records of the record API.
    func resetPositions() {
        for i in nextStart.indices { nextStart[i] = 0 }
        for i in gatedScannedTo.indices { gatedScannedTo[i] = 0 }
        for i in custom.nextStart.indices {
            custom.nextStart[i] = 0
            custom.scannedTo[i] = 0
        }
    }

    struct NameKey: Hashable {
        let identifier: Int
        let names: [String]
    }
}

/// A validated match waiting to be ordered and located.
struct PendingMatch {
    /// Start and end in stream (decoded) offsets.
    var start: Int
    var end: Int
    var identifier: Int
    var keyword: String?
    var value: String?
}
