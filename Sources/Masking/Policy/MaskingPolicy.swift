import Crypto
import Detectors
import Records

/// What a masking run does: which transform each finding or field gets, what happens to a
/// record that cannot be masked, which key to use, and the scan configuration, so that one
/// file describes a run. Loaded from YAML or JSON (`examples/masking-policy.yaml` is the
/// annotated reference) and checked completely when it loads.
///
/// Resolution, for each value:
/// 1. A rule that names the value's CSV/TSV column or Parquet column (`columns`), or a
///    JSONPath that selects it (`paths`), applies to the WHOLE value, found or not: this is how
///    a date-of-birth column is shifted or a notes column dropped.
/// 2. Otherwise every finding in the value gets the rule that names its identifier
///    (`identifiers`), else the rule that names its category (`categories`), else `default`.
/// An action is a transform or `keep`. Without `default`, findings are redacted with their
/// label (`[EMAIL_ADDRESS]`): a policy never leaves a finding unmasked unless it says `keep`.
public struct MaskingPolicy: Sendable {
    /// What a rule does.
    public enum Action: Sendable, Hashable {
        /// Leave the value as it is (and do not count it in `--verify`).
        case keep
        case transform(Transform)

        public var transform: Transform? {
            if case .transform(let t) = self { return t }
            return nil
        }
    }

    /// What happens to a record that cannot be read or masked (malformed CSV or JSON, a value a
    /// transform rejects, a record over the size limit).
    public enum ErrorHandling: String, Sendable, Hashable, CaseIterable {
        /// Write the record unchanged, count it and report it.
        case pass
        /// Leave the record out, count it and report it.
        case drop
        /// Stop the object with an error naming the record.
        case fail
    }

    /// Where the key comes from; never the command line.
    public enum KeySource: Sendable, Hashable {
        case file(String)
        case environment(String)
    }

    /// One rule: the values it selects and its action.
    public struct Rule: Sendable, Hashable {
        public var identifiers: Set<String>
        public var categories: Set<Category>
        public var columns: Set<String>
        public var paths: [PathPattern]
        public var action: Action
        /// The line of the rule in the policy file, for messages.
        public var line: Int?

        public init(identifiers: Set<String> = [], categories: Set<Category> = [], columns: Set<String> = [],
                    paths: [PathPattern] = [], action: Action, line: Int? = nil) {
            self.identifiers = identifiers
            self.categories = categories
            self.columns = columns
            self.paths = paths
            self.action = action
            self.line = line
        }

        var selectsFields: Bool { !columns.isEmpty || !paths.isEmpty }
    }

    /// The policy file, when loaded from one.
    public var path: String?
    /// SHA-256 of the policy file's bytes (lower-case hex), for the manifest; for a policy built
    /// in code, of a canonical description of it.
    public var sha256: String
    public var rules: [Rule]
    public var defaultAction: Action
    public var onError: ErrorHandling
    public var key: KeySource?
    /// The scan configuration carried by the policy (`scan:` section).
    public var scan: ConfigurationFile?
    /// The largest record held in memory, in bytes (`limits.recordBytes`); a longer record is
    /// an error handled by `onError`.
    public var maxRecordBytes: Int

    public static let defaultMaxRecordBytes = 64 << 20

    /// A policy built in code.
    public init(rules: [Rule] = [], defaultAction: Action = .transform(.redact(.label)), onError: ErrorHandling = .fail,
                key: KeySource? = nil, scan: ConfigurationFile? = nil, maxRecordBytes: Int = MaskingPolicy.defaultMaxRecordBytes) {
        self.rules = rules
        self.defaultAction = defaultAction
        self.onError = onError
        self.key = key
        self.scan = scan
        self.maxRecordBytes = maxRecordBytes
        self.path = nil
        let text = "\(rules)|\(defaultAction)|\(onError)|\(String(describing: key))|\(maxRecordBytes)"
        self.sha256 = SHA256.hash(data: Array(text.utf8)).map { hexDigit($0) }.joined()
        resolve()
    }

    // MARK: Resolution (precomputed tables)

    private var byIdentifier: [String: Action] = [:]
    private var byCategory: [Category: Action] = [:]
    private var byColumn: [String: Action] = [:]
    private var byPath: [(PathPattern, Action)] = []

    mutating func resolve() {
        byIdentifier = [:]
        byCategory = [:]
        byColumn = [:]
        byPath = []
        for rule in rules {
            for id in rule.identifiers where byIdentifier[id] == nil { byIdentifier[id] = rule.action }
            for category in rule.categories where byCategory[category] == nil { byCategory[category] = rule.action }
            for column in rule.columns where byColumn[column] == nil { byColumn[column] = rule.action }
            for path in rule.paths { byPath.append((path, rule.action)) }
        }
    }

    /// The action for a finding of `type` in `category`.
    public func action(forType type: String, category: Category) -> Action {
        byIdentifier[type] ?? byCategory[category] ?? defaultAction
    }

    /// The action of a field rule for a CSV/TSV column named `column`, if one names it.
    public func action(forColumn column: String) -> Action? { byColumn[column] }

    /// The action of a field rule that selects `path` (a JSON path, or `$.column` for Parquet),
    /// if one does: a `columns` entry names a top-level field too. The first rule wins.
    public func action(forPath path: FieldPath) -> Action? {
        if case .name(let first)? = path.elements.first, let action = byColumn[first] { return action }
        for (pattern, action) in byPath where pattern.selects(path) { return action }
        return nil
    }

    /// Whether any field rule exists (so readers must look at every field, found or not).
    public var hasFieldRules: Bool { rules.contains(where: \.selectsFields) }

    /// Every transform the policy can apply.
    public var transforms: [Transform] {
        (rules.map(\.action) + [defaultAction]).compactMap(\.transform)
    }

    /// Whether the policy needs a key (a hash, token, encryption or date shift appears).
    public var needsKey: Bool { transforms.contains(where: ValueTransformer.needsKey) }

    /// The surrogate names of format-preserving encryption, with their options, for `unmask`.
    public var surrogates: [String: FormatPreservingEncryption] {
        var result: [String: FormatPreservingEncryption] = [:]
        for transform in transforms {
            if case .encrypt(let options) = transform, let name = options.surrogate { result[name] = options }
        }
        return result
    }

    /// The encryption options of field rules, by column name and by path pattern, for `unmask`.
    public var encryptedFields: (columns: [String: FormatPreservingEncryption], paths: [(PathPattern, FormatPreservingEncryption)]) {
        var columns: [String: FormatPreservingEncryption] = [:]
        var paths: [(PathPattern, FormatPreservingEncryption)] = []
        for rule in rules {
            guard case .transform(.encrypt(let options))? = Optional(rule.action) else { continue }
            for column in rule.columns where columns[column] == nil { columns[column] = options }
            for path in rule.paths { paths.append((path, options)) }
        }
        return (columns, paths)
    }

    /// The scan configuration for masking: the policy's `scan:` section applied to `base`, and
    /// custom identifiers' severity levels cleared, since masking covers every occurrence
    /// whatever its count (a held finding could not be masked in its record).
    public func scanConfiguration(base: ScanConfiguration = ScanConfiguration()) -> ScanConfiguration {
        var configuration = base
        scan?.apply(to: &configuration)
        for i in configuration.customIdentifiers.indices { configuration.customIdentifiers[i].severityLevels = [] }
        return configuration
    }
}

func hexDigit(_ byte: UInt8) -> String {
    let digits: [Character] = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
