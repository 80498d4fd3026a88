import Crypto
import Detectors
import Records
internal import Yams

extension MaskingPolicy {
    /// The largest policy file read, in bytes.
    public static let maximumFileSize = 16 << 20

    /// Reads and checks the policy file at `path` (YAML or JSON). Relative paths inside it (key
    /// file, allow-list files) are read relative to its folder.
    /// - Throws: `ConfigurationError` naming the file, the line and the item at fault.
    public init(contentsOf path: String, catalog: [ManagedIdentifier] = ManagedIdentifiers.all) throws(ConfigurationError) {
        let text = try ConfigurationFile.readText(path, item: "", limit: Self.maximumFileSize, what: "the policy")
        try self.init(text: text, path: path, baseDirectory: ConfigurationFile.directory(of: path), catalog: catalog)
    }

    /// Parses and checks policy `text`; `path` names it in errors and the manifest.
    public init(text: String, path: String, baseDirectory: String? = nil,
                catalog: [ManagedIdentifier] = ManagedIdentifiers.all) throws(ConfigurationError) {
        self.init()
        self.path = path
        self.sha256 = SHA256.hash(data: Array(text.utf8)).map { hexDigit($0) }.joined()
        let parser = ConfigurationParser(path: path, baseDirectory: baseDirectory, catalog: catalog)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw parser.syntaxError(error)
        }
        guard let root else {
            throw parser.error("(top level)", "the policy is empty", at: nil)
        }
        var loader = PolicyLoader(parser: parser, baseDirectory: baseDirectory, catalog: catalog)
        try loader.load(root, into: &self)
        resolve()
    }
}

/// Walks a policy's YAML tree with the configuration parser's typed accessors.
struct PolicyLoader {
    let parser: ConfigurationParser
    let baseDirectory: String?
    let catalog: [ManagedIdentifier]

    static let topFields = ["version", "key", "onError", "default", "rules", "limits", "scan"]
    static let ruleFields = ["identifiers", "categories", "columns", "paths", "transform"]

    mutating func load(_ root: Node, into policy: inout MaskingPolicy) throws(ConfigurationError) {
        let fields = try parser.fields(of: root, item: "", known: Self.topFields)
        // The scan section first: rules may name its custom identifiers.
        if let scan = fields.first(where: { $0.key == "scan" }) {
            policy.scan = try ConfigurationFile(node: scan.value, path: parser.path, baseDirectory: baseDirectory,
                                                catalog: catalog)
        }
        var known = Set(catalog.map(\.id))
        for custom in policy.scan?.customIdentifiers ?? [] { known.insert(custom.name) }
        for (key, _, value) in fields {
            switch key {
            case "version":
                guard (try? parser.int(value, "version", "version")) == 1 else {
                    throw parser.error("version", "only version 1 exists", at: value)
                }
            case "key":
                policy.key = try keySource(value)
            case "onError":
                let text = try parser.string(value, "onError", "onError")
                guard let handling = MaskingPolicy.ErrorHandling(rawValue: text) else {
                    throw parser.error("onError", "must be pass, drop or fail, got \"\(text)\"", at: value)
                }
                policy.onError = handling
            case "default":
                policy.defaultAction = try action(value, item: "default")
            case "rules":
                if parser.isNull(value) { continue }
                guard let sequence = value.sequence else { throw parser.error("rules", "must be a list", at: value) }
                for (i, element) in sequence.enumerated() {
                    policy.rules.append(try rule(element, index: i, known: known))
                }
                try checkOverlaps(policy.rules, nodes: Array(sequence))
            case "limits":
                for (field, _, limit) in try parser.fields(of: value, item: "limits", known: ["recordBytes"]) {
                    let n = try parser.int(limit, "limits", field)
                    guard (1024...(1 << 30)).contains(n) else {
                        throw parser.error("limits", "recordBytes must be between 1024 and 1073741824, got \(n)", at: limit)
                    }
                    policy.maxRecordBytes = n
                }
            default:
                break
            }
        }
    }

    private func keySource(_ node: Node) throws(ConfigurationError) -> MaskingPolicy.KeySource {
        let fields = try parser.fields(of: node, item: "key", known: ["file", "env"])
        guard fields.count == 1, let (field, _, value) = fields.first else {
            throw parser.error("key", "give exactly one of file or env", at: node)
        }
        let text = try parser.string(value, "key", field)
        guard !text.isEmpty else { throw parser.error("key", "\(field) must not be empty", at: value) }
        if field == "env" { return .environment(text) }
        if text.hasPrefix("/") || baseDirectory == nil { return .file(text) }
        return .file((baseDirectory ?? ".") + "/" + text)
    }

    private func rule(_ node: Node, index: Int, known: Set<String>) throws(ConfigurationError) -> MaskingPolicy.Rule {
        let item = "rules[\(index)]"
        var rule = MaskingPolicy.Rule(action: .keep, line: node.mark?.line)
        var sawAction = false
        for (key, _, value) in try parser.fields(of: node, item: item, known: Self.ruleFields) {
            switch key {
            case "identifiers":
                for id in try parser.strings(value, item, key) {
                    guard known.contains(id) else {
                        throw parser.error(item, "identifiers: no managed or custom identifier is named \(id) (see `piiscan identifiers`)",
                                           at: value, kind: .unknownIdentifier)
                    }
                    rule.identifiers.insert(id)
                }
            case "categories":
                for name in try parser.strings(value, item, key) {
                    guard let category = Category(rawValue: name) else {
                        let names = Category.allCases.map(\.rawValue).joined(separator: ", ")
                        throw parser.error(item, "categories: \(name) is not one of \(names)", at: value, kind: .unknownIdentifier)
                    }
                    rule.categories.insert(category)
                }
            case "columns":
                rule.columns.formUnion(try parser.strings(value, item, key))
            case "paths":
                for text in try parser.strings(value, item, key) {
                    guard let pattern = PathPattern(text) else {
                        throw parser.error(item, "paths: \"\(text)\" is not a path like $.customer.email, $.items[*].card or $['first name']", at: value)
                    }
                    rule.paths.append(pattern)
                }
            case "transform":
                rule.action = try action(value, item: item)
                sawAction = true
            default:
                break
            }
        }
        guard sawAction else { throw parser.error(item, "a rule needs a transform (or `transform: keep`)", at: node) }
        let findsValues = !rule.identifiers.isEmpty || !rule.categories.isEmpty
        if findsValues == rule.selectsFields {
            throw parser.error(item, findsValues
                               ? "a rule selects either findings (identifiers, categories) or fields (columns, paths), not both"
                               : "a rule needs identifiers, categories, columns or paths", at: node)
        }
        return rule
    }

    /// An identifier, category or column named by two rules is an error: which one wins would
    /// depend on the order.
    private func checkOverlaps(_ rules: [MaskingPolicy.Rule], nodes: [Node]) throws(ConfigurationError) {
        var identifiers: [String: Int] = [:], categories: [Category: Int] = [:], columns: [String: Int] = [:]
        for (i, rule) in rules.enumerated() {
            for id in rule.identifiers {
                if let first = identifiers.updateValue(i, forKey: id) {
                    throw parser.error("rules[\(i)]", "\(id) is already named by rules[\(first)]", at: nodes[i])
                }
            }
            for category in rule.categories {
                if let first = categories.updateValue(i, forKey: category) {
                    throw parser.error("rules[\(i)]", "\(category.rawValue) is already named by rules[\(first)]", at: nodes[i])
                }
            }
            for column in rule.columns {
                if let first = columns.updateValue(i, forKey: column) {
                    throw parser.error("rules[\(i)]", "column \(column) is already named by rules[\(first)]", at: nodes[i])
                }
            }
        }
    }

    // MARK: Transforms

    static let transformNames = ["keep", "remove", "redact", "mask", "hash", "token", "encrypt", "shiftDate", "generalize"]

    /// `keep`, a transform's name (its defaults), or `{name: options}`.
    func action(_ node: Node, item: String) throws(ConfigurationError) -> MaskingPolicy.Action {
        let name: String
        let options: Node?
        if let scalar = node.scalar, !parser.isNull(node) {
            name = scalar.string
            options = nil
        } else if let mapping = node.mapping, mapping.count == 1, let (keyNode, value) = mapping.first,
                  let key = keyNode.scalar?.string {
            name = key
            options = parser.isNull(value) ? nil : value
        } else {
            throw parser.error(item, "a transform is a name (\(Self.transformNames.joined(separator: ", "))) or {name: options}", at: node)
        }
        let transform: Transform
        switch name {
        case "keep":
            guard options == nil else { throw parser.error(item, "keep takes no options", at: node) }
            return .keep
        case "remove": transform = .remove(try removal(options, item: item))
        case "redact": transform = .redact(try redaction(options, item: item))
        case "mask": transform = .mask(try characterMask(options, item: item))
        case "hash": transform = .hash(try keyedHash(options, item: item))
        case "token": transform = .token(try token(options, item: item))
        case "encrypt": transform = .encrypt(try encryption(options, item: item))
        case "shiftDate": transform = .shiftDate(try dateShift(options, item: item))
        case "generalize": transform = .generalize(try generalization(options, item: item, at: node))
        default:
            throw parser.error(item, "unknown transform \"\(name)\" (known: \(Self.transformNames.joined(separator: ", ")))",
                               at: node, kind: .unknownField)
        }
        do {
            try ValueTransformer.validate(transform)
        } catch {
            throw parser.error(item, "\(name): \(error.description)", at: node)
        }
        return .transform(transform)
    }

    private func removal(_ node: Node?, item: String) throws(ConfigurationError) -> RemovalScope {
        guard let node else { return .value }
        let text = try parser.string(node, item, "remove")
        guard let scope = RemovalScope(rawValue: text) else {
            throw parser.error(item, "remove: must be value, field or record, got \"\(text)\"", at: node)
        }
        return scope
    }

    private func redaction(_ node: Node?, item: String) throws(ConfigurationError) -> Redaction {
        guard let node else { return .label }
        if let scalar = node.scalar { return scalar.string == "label" ? .label : .fixed(scalar.string) }
        for (key, _, value) in try parser.fields(of: node, item: item, known: ["text"]) {
            return .fixed(try parser.string(value, item, "redact.\(key)"))
        }
        return .label
    }

    private func scalarCharacter(_ node: Node, item: String, field: String) throws(ConfigurationError) -> Unicode.Scalar {
        let text = try parser.string(node, item, field)
        guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else {
            throw parser.error(item, "\(field): must be one character", at: node)
        }
        return scalar
    }

    private func characterMask(_ node: Node?, item: String) throws(ConfigurationError) -> CharacterMask {
        var mask = CharacterMask()
        guard let node else { return mask }
        for (key, _, value) in try parser.fields(of: node, item: item, known: ["character", "keepFirst", "keepLast", "keepSeparators"]) {
            switch key {
            case "character": mask.character = try scalarCharacter(value, item: item, field: "mask.character")
            case "keepFirst": mask.keepFirst = try parser.int(value, item, "mask.keepFirst")
            case "keepLast": mask.keepLast = try parser.int(value, item, "mask.keepLast")
            default: mask.keepSeparators = try parser.bool(value, item, "mask.keepSeparators")
            }
        }
        return mask
    }

    private func keyedHash(_ node: Node?, item: String) throws(ConfigurationError) -> KeyedHash {
        var hash = KeyedHash()
        guard let node else { return hash }
        for (key, _, value) in try parser.fields(of: node, item: item, known: ["encoding", "length"]) {
            if key == "length" {
                hash.length = try parser.int(value, item, "hash.length")
            } else {
                let text = try parser.string(value, item, "hash.encoding")
                guard let encoding = HashEncoding(rawValue: text) else {
                    throw parser.error(item, "hash.encoding: must be hex or base32, got \"\(text)\"", at: value)
                }
                hash.encoding = encoding
            }
        }
        return hash
    }

    private func token(_ node: Node?, item: String) throws(ConfigurationError) -> DeterministicToken {
        var token = DeterministicToken()
        guard let node else { return token }
        for (key, _, value) in try parser.fields(of: node, item: item, known: ["prefix", "length"]) {
            if key == "length" {
                token.length = try parser.int(value, item, "token.length")
            } else if parser.isNull(value) {
                token.prefix = .none
            } else {
                let text = try parser.string(value, item, "token.prefix")
                token.prefix = text == "type" ? .type : text == "none" || text.isEmpty ? .none : .fixed(text)
            }
        }
        return token
    }

    private func encryption(_ node: Node?, item: String) throws(ConfigurationError) -> FormatPreservingEncryption {
        var options = FormatPreservingEncryption()
        guard let node else { return options }
        for (key, _, value) in try parser.fields(of: node, item: item, known: ["keepLuhnValid", "tweak", "surrogate"]) {
            switch key {
            case "keepLuhnValid": options.keepLuhnValid = try parser.bool(value, item, "encrypt.keepLuhnValid")
            case "tweak": options.tweak = try parser.string(value, item, "encrypt.tweak")
            default:
                let name = try parser.string(value, item, "encrypt.surrogate")
                guard !name.isEmpty, name.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) else {
                    throw parser.error(item, "encrypt.surrogate: use upper-case letters, digits and _", at: value)
                }
                options.surrogate = name
            }
        }
        return options
    }

    private func dateShift(_ node: Node?, item: String) throws(ConfigurationError) -> DateShift {
        var shift = DateShift()
        guard let node else { return shift }
        for (key, _, value) in try parser.fields(of: node, item: item, known: ["maxDays", "subject", "dayFirst"]) {
            switch key {
            case "maxDays": shift.maxDays = try parser.int(value, item, "shiftDate.maxDays")
            case "subject": shift.subject = try parser.string(value, item, "shiftDate.subject")
            default: shift.dayFirst = try parser.bool(value, item, "shiftDate.dayFirst")
            }
        }
        if let subject = shift.subject, subject.hasPrefix("$"), PathPattern(subject) == nil {
            throw parser.error(item, "shiftDate.subject: \"\(subject)\" is not a path like $.patient.id", at: node)
        }
        return shift
    }

    private func generalization(_ node: Node?, item: String, at parent: Node) throws(ConfigurationError) -> Generalization {
        guard let node else {
            throw parser.error(item, "generalize needs `year` or {prefix: N, fill: '*'}", at: parent)
        }
        if let scalar = node.scalar {
            guard scalar.string == "year" else {
                throw parser.error(item, "generalize: `year` or {prefix: N, fill: '*'}, got \"\(scalar.string)\"", at: node)
            }
            return .year
        }
        var count: Int?
        var fill: Unicode.Scalar?
        for (key, _, value) in try parser.fields(of: node, item: item, known: ["prefix", "fill"]) {
            if key == "prefix" {
                count = try parser.int(value, item, "generalize.prefix")
            } else {
                fill = try scalarCharacter(value, item: item, field: "generalize.fill")
            }
        }
        guard let count else { throw parser.error(item, "generalize: prefix is required", at: node) }
        return .prefix(count: count, fill: fill)
    }
}
