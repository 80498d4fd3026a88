package import Yams
import Records

/// A piiscan configuration file (YAML, or JSON, which is read as YAML), checked when loaded.
///
/// The schema (README, "Configuration file"; annotated example in `examples/piiscan.yaml`):
///
/// ```yaml
/// managedIdentifiers:        # optional
///   include: [CREDENTIALS]   # managed IDs or categories; custom identifiers are always used
///   exclude: [IP_ADDRESS]
///   keywordDistance: 30      # 1-300
///   reportExampleValues: false
/// customIdentifiers:         # Macie's fields; Macie's read-only fields are accepted
///   - name: EMPLOYEE_ID
///     regex: 'EMP-[0-9]{6}'
///     keywords: [employee]
///     ignoreWords: [EMP-000000]
///     maximumMatchDistance: 50
///     severityLevels: [{occurrencesThreshold: 1, severity: LOW}]
///     check: luhn            # beyond Macie
///     captureGroup: 1        # beyond Macie: number or name
/// allowLists:
///   - {name: test-values, file: allow/test-values.txt}   # one literal per line
///   - {name: corp-mail, regex: '[a-z.]+@example\.com'}
///   - {name: inline, entries: [555-0100]}
/// limits: {matchLimit: 1000000, customMatchLength: 1024}
/// ```
///
/// A file whose top level is one custom identifier (has `regex`), or a list of them, is a Macie
/// export (`aws macie2 get-custom-data-identifier`, or the input of
/// `create-custom-data-identifier --cli-input-json`) and loads as is: `arn`, `id`,
/// `createdAt`, `deleted`, `tags` and `clientToken` are accepted and ignored. Any other unknown
/// field is an error.
public struct ConfigurationFile: Sendable {
    /// The file, as given.
    public var path: String
    /// `managedIdentifiers.include` / `exclude`: managed IDs or category names.
    public var include: Set<String> = []
    public var exclude: Set<String> = []
    public var keywordDistance: Int?
    public var reportExampleValues: Bool?
    public var matchLimit: UInt32?
    public var customMatchLength: Int?
    public var customIdentifiers: [CustomIdentifier] = []
    public var allowLists: [AllowList] = []

    /// The largest configuration file read, in bytes.
    public static let maximumFileSize = 16 << 20

    /// Reads and checks the file at `path`; allow-list files are read relative to its folder.
    /// Every custom identifier's pattern is compiled, so a file that loads builds an engine.
    /// - Throws: `ConfigurationError` with `file`, the item, the line when known, and what is
    ///   wrong.
    public init(contentsOf path: String, catalog: [ManagedIdentifier] = ManagedIdentifiers.all) throws(ConfigurationError) {
        let text = try Self.readText(path, item: "", limit: Self.maximumFileSize, what: "the configuration file")
        try self.init(text: text, path: path, baseDirectory: Self.directory(of: path), catalog: catalog)
    }

    /// Parses and checks configuration `text`; `path` names it in errors, `baseDirectory` is
    /// where relative allow-list files are read from (nil: the current directory).
    public init(text: String, path: String, baseDirectory: String? = nil,
                catalog: [ManagedIdentifier] = ManagedIdentifiers.all) throws(ConfigurationError) {
        self.path = path
        var parser = ConfigurationParser(path: path, baseDirectory: baseDirectory, catalog: catalog)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw parser.syntaxError(error)
        }
        guard let root else { return }
        try parser.parse(root, into: &self)
    }

    /// Parses and checks an already composed YAML node (a section of a larger file, such as a
    /// masking policy's `scan:`); errors name `path` and the node's lines.
    package init(node: Node, path: String, baseDirectory: String?,
                 catalog: [ManagedIdentifier] = ManagedIdentifiers.all) throws(ConfigurationError) {
        self.path = path
        var parser = ConfigurationParser(path: path, baseDirectory: baseDirectory, catalog: catalog)
        try parser.parse(node, into: &self)
    }

    /// Applies the file to `configuration`: managed selection, options and limits it sets,
    /// custom identifiers and allow lists appended. A managed `include` keeps the custom
    /// identifiers in use (it adds `CUSTOM_IDENTIFIER`).
    public func apply(to configuration: inout ScanConfiguration) {
        if !include.isEmpty { configuration.include.formUnion(include.union([Category.customIdentifier.rawValue])) }
        configuration.exclude.formUnion(exclude)
        if let keywordDistance { configuration.keywordDistance = keywordDistance }
        if let reportExampleValues { configuration.reportExampleValues = reportExampleValues }
        if let matchLimit { configuration.matchLimit = matchLimit }
        if let customMatchLength { configuration.customMatchLength = customMatchLength }
        configuration.customIdentifiers += customIdentifiers
        configuration.allowLists += allowLists
    }

    package static func directory(of path: String) -> String? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Reads a whole UTF-8 file of at most `limit` bytes.
    package static func readText(_ path: String, item: String, limit: Int, what: String) throws(ConfigurationError) -> String {
        func fail(_ message: String) -> ConfigurationError {
            var error = ConfigurationError(kind: .unreadableFile, item: item, message: message)
            error.file = path
            return error
        }
        let file: FileByteSource
        do {
            file = try FileByteSource(path: path)
        } catch {
            throw fail("cannot read \(what): \(error.message)")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n: Int
            do {
                n = try chunk.withUnsafeMutableBytes { (raw) throws(ReadError) -> Int in try file.read(into: raw) }
            } catch let error as ReadError {
                throw fail("cannot read \(what): \(error.message)")
            } catch {
                throw fail("cannot read \(what)")
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > limit { throw fail("\(what) is larger than \(limit) bytes") }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw fail("\(what) is not valid UTF-8")
        }
        return text
    }
}

extension ScanConfiguration {
    /// A default configuration with the configuration files at `paths` applied in order (see
    /// `ConfigurationFile.apply(to:)`). A custom identifier defined in two files is an error
    /// naming the second.
    public init(configurationFiles paths: [String], catalog: [ManagedIdentifier] = ManagedIdentifiers.all) throws(ConfigurationError) {
        self.init()
        var seen: [String: String] = [:]
        for path in paths {
            let file = try ConfigurationFile(contentsOf: path, catalog: catalog)
            for identifier in file.customIdentifiers {
                if let other = seen[identifier.name] {
                    var error = ConfigurationError(kind: .invalidValue, item: "custom identifier \(identifier.name)",
                                                   message: "name: already defined in \(other)")
                    error.file = path
                    throw error
                }
                seen[identifier.name] = path
            }
            file.apply(to: &self)
        }
        if customIdentifiers.count > CustomIdentifierLimits.maximumCount {
            var error = ConfigurationError(kind: .invalidValue, item: "customIdentifiers",
                                           message: "at most \(CustomIdentifierLimits.maximumCount) custom identifiers in all, got \(customIdentifiers.count)")
            error.file = paths.last
            throw error
        }
    }
}
