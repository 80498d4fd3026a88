package import Yams

/// Walks a configuration file's YAML node tree into a `ConfigurationFile`, checking every field
/// and naming the file, the line and the item in each error. `package`: the masking policy
/// loader (Masking) reads its own sections with the same typed accessors and error format.
package struct ConfigurationParser {
    package let path: String
    package let baseDirectory: String?
    package let catalog: [ManagedIdentifier]

    /// The fields of each section.
    static let topFields = ["managedIdentifiers", "customIdentifiers", "allowLists", "limits", "version"]
    static let managedFields = ["include", "exclude", "keywordDistance", "reportExampleValues"]
    static let customFields = ["name", "description", "regex", "keywords", "ignoreWords", "maximumMatchDistance",
                               "severityLevels", "check", "captureGroup"]
    /// Read-only fields of Macie's `GetCustomDataIdentifier` response and the `clientToken` and
    /// `tags` of its create request: accepted so an export loads unchanged, then ignored.
    static let macieReadOnlyFields = ["arn", "id", "createdAt", "deleted", "tags", "clientToken"]
    static let levelFields = ["occurrencesThreshold", "severity"]
    static let allowListFields = ["name", "description", "file", "regex", "entries"]
    static let limitFields = ["matchLimit", "customMatchLength"]

    package init(path: String, baseDirectory: String?, catalog: [ManagedIdentifier]) {
        self.path = path
        self.baseDirectory = baseDirectory
        self.catalog = catalog
    }

    // MARK: Errors

    package func error(_ item: String, _ message: String, at node: Node?,
               kind: ConfigurationError.Kind = .invalidValue) -> ConfigurationError {
        var error = ConfigurationError(kind: kind, item: item, message: message)
        error.file = path
        error.line = node?.mark?.line
        return error
    }

    /// A YAML/JSON syntax error, with its line and column, without echoing the file's text.
    package func syntaxError(_ error: any Error) -> ConfigurationError {
        var result = ConfigurationError(kind: .unreadableFile, item: "", message: "not valid YAML or JSON")
        result.file = path
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(let context, let problem, let mark, _),
                 .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                result.line = mark.line
                var message = "\(problem) at column \(mark.column)"
                if let context { message += " (\(String(describing: context)))" }
                result.message = "not valid YAML or JSON: " + message
            case .reader(let problem, let offset, _, _):
                result.message = "not valid YAML or JSON: \(problem)" + (offset.map { " at byte \($0)" } ?? "")
            default:
                break
            }
        }
        return result
    }

    // MARK: Typed access

    /// Whether the node's resolved tag is `tag:yaml.org,2002:<name>`.
    package func isTagged(_ node: Node, _ name: String) -> Bool {
        node.tag.description.hasSuffix(":" + name)
    }

    package func isNull(_ node: Node) -> Bool { isTagged(node, "null") }

    /// The mapping's pairs, rejecting duplicate keys and fields not in `known` (`ignored` are
    /// accepted and skipped).
    package func fields(of node: Node, item: String, known: [String], ignored: [String] = []) throws(ConfigurationError) -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else {
            throw error(item.isEmpty ? "(top level)" : item, "must be a mapping (key: value)", at: node)
        }
        var seen: Set<String> = []
        var result: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw error(item, "a key must be a plain name", at: keyNode)
            }
            if ignored.contains(key) { continue }
            guard known.contains(key) else {
                let known = known.joined(separator: ", ")
                throw error(item.isEmpty ? key : item,
                            "unknown field \"\(key)\" (known fields: \(known))", at: keyNode, kind: .unknownField)
            }
            guard seen.insert(key).inserted else {
                throw error(item.isEmpty ? key : item, "field \"\(key)\" given twice", at: keyNode)
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    package func string(_ node: Node, _ item: String, _ field: String) throws(ConfigurationError) -> String {
        guard let scalar = node.scalar, !isNull(node) else {
            throw error(item, "\(field): must be a string", at: node)
        }
        return scalar.string
    }

    package func int(_ node: Node, _ item: String, _ field: String) throws(ConfigurationError) -> Int {
        guard let scalar = node.scalar, isTagged(node, "int") || scalar.style != .plain,
              let value = Int(scalar.string) else {
            throw error(item, "\(field): must be a whole number", at: node)
        }
        return value
    }

    package func bool(_ node: Node, _ item: String, _ field: String) throws(ConfigurationError) -> Bool {
        guard isTagged(node, "bool"), let value = node.scalar?.string.lowercased() else {
            throw error(item, "\(field): must be true or false", at: node)
        }
        return ["true", "yes", "on", "y"].contains(value)
    }

    package func strings(_ node: Node, _ item: String, _ field: String) throws(ConfigurationError) -> [String] {
        if isNull(node) { return [] }
        guard let sequence = node.sequence else { throw error(item, "\(field): must be a list of strings", at: node) }
        var result: [String] = []
        for element in sequence { result.append(try string(element, item, field)) }
        return result
    }

    // MARK: Sections

    package mutating func parse(_ root: Node, into file: inout ConfigurationFile) throws(ConfigurationError) {
        if let sequence = root.sequence {
            // A list of Macie custom data identifiers.
            for (i, element) in sequence.enumerated() {
                file.customIdentifiers.append(try customIdentifier(element, index: i))
            }
            try checkNames(file.customIdentifiers, nodes: Array(sequence))
            return
        }
        guard let mapping = root.mapping else {
            throw error("(top level)", "must be a mapping, a custom identifier or a list of them", at: root)
        }
        if mapping["regex"] != nil {
            // One Macie custom data identifier, as `get-custom-data-identifier` prints it.
            file.customIdentifiers.append(try customIdentifier(root, index: nil))
            return
        }
        for (key, keyNode, value) in try fields(of: root, item: "", known: Self.topFields) {
            switch key {
            case "version":
                guard (try? int(value, "version", "version")) == 1 else {
                    throw error("version", "only version 1 exists", at: value)
                }
            case "managedIdentifiers":
                try managed(value, into: &file)
            case "customIdentifiers":
                if isNull(value) { continue }
                guard let sequence = value.sequence else {
                    throw error("customIdentifiers", "must be a list", at: value)
                }
                guard sequence.count <= CustomIdentifierLimits.maximumCount else {
                    throw error("customIdentifiers", "at most \(CustomIdentifierLimits.maximumCount) custom identifiers, got \(sequence.count)", at: keyNode)
                }
                for (i, element) in sequence.enumerated() {
                    file.customIdentifiers.append(try customIdentifier(element, index: i))
                }
                try checkNames(file.customIdentifiers, nodes: Array(sequence))
            case "allowLists":
                if isNull(value) { continue }
                guard let sequence = value.sequence else { throw error("allowLists", "must be a list", at: value) }
                for (i, element) in sequence.enumerated() {
                    file.allowLists.append(try allowList(element, index: i))
                }
            case "limits":
                try limits(value, into: &file)
            default:
                break
            }
        }
    }

    private func managed(_ node: Node, into file: inout ConfigurationFile) throws(ConfigurationError) {
        let item = "managedIdentifiers"
        let known = Set(catalog.map(\.id)).union(Category.allCases.map(\.rawValue))
        for (key, _, value) in try fields(of: node, item: item, known: Self.managedFields) {
            switch key {
            case "include", "exclude":
                var names: Set<String> = []
                let elements = value.sequence ?? []
                let list = try strings(value, item, key)
                for (i, name) in list.enumerated() {
                    let upper = name.uppercased()
                    guard known.contains(upper) else {
                        throw error("\(item).\(key)",
                                    "no managed identifier or category is named \(name) (see `piiscan identifiers`)",
                                    at: i < elements.count ? elements[i] : value, kind: .unknownIdentifier)
                    }
                    names.insert(upper)
                }
                if key == "include" { file.include = names } else { file.exclude = names }
            case "keywordDistance":
                let n = try int(value, item, key)
                guard (1...300).contains(n) else {
                    throw error(item, "keywordDistance: must be between 1 and 300, got \(n)", at: value)
                }
                file.keywordDistance = n
            case "reportExampleValues":
                file.reportExampleValues = try bool(value, item, key)
            default:
                break
            }
        }
    }

    private func limits(_ node: Node, into file: inout ConfigurationFile) throws(ConfigurationError) {
        for (key, _, value) in try fields(of: node, item: "limits", known: Self.limitFields) {
            let n = try int(value, "limits", key)
            switch key {
            case "matchLimit":
                guard (1_000...100_000_000).contains(n) else {
                    throw error("limits", "matchLimit: must be between 1000 and 100000000, got \(n)", at: value)
                }
                file.matchLimit = UInt32(n)
            case "customMatchLength":
                let range = CustomIdentifierLimits.matchLength
                guard range.contains(n) else {
                    throw error("limits", "customMatchLength: must be between \(range.lowerBound) and \(range.upperBound), got \(n)", at: value)
                }
                file.customMatchLength = n
            default:
                break
            }
        }
    }

    /// One custom identifier: Macie's fields, checked and compiled.
    private func customIdentifier(_ node: Node, index: Int?) throws(ConfigurationError) -> CustomIdentifier {
        var item = index.map { "customIdentifiers[\($0)]" } ?? "custom identifier"
        if let name = node.mapping?["name"]?.scalar?.string { item = "custom identifier \(name)" }
        let pairs = try fields(of: node, item: item, known: Self.customFields, ignored: Self.macieReadOnlyFields)
        var lines: [String: Node] = [:]
        var name: String?
        var regex: String?
        var definition = CustomIdentifier(name: "", regex: "")
        for (key, keyNode, value) in pairs {
            lines[key] = keyNode
            switch key {
            case "name": name = try string(value, item, key)
            case "description": definition.description = isNull(value) ? nil : try string(value, item, key)
            case "regex": regex = try string(value, item, key)
            case "keywords": definition.keywords = try strings(value, item, key)
            case "ignoreWords": definition.ignoreWords = try strings(value, item, key)
            case "maximumMatchDistance": definition.maximumMatchDistance = try int(value, item, key)
            case "severityLevels":
                if isNull(value) { continue }
                guard let sequence = value.sequence else { throw error(item, "severityLevels: must be a list", at: value) }
                for element in sequence { definition.severityLevels.append(try severityLevel(element, item)) }
            case "check":
                let text = try string(value, item, key)
                guard let check = CustomCheck(rawValue: text.lowercased()) else {
                    let known = CustomCheck.allCases.map(\.rawValue).joined(separator: ", ")
                    throw error(item, "check: unknown check \"\(text)\" (known: \(known))", at: value)
                }
                definition.check = check
            case "captureGroup":
                if let n = Int(value.scalar?.string ?? ""), isTagged(value, "int") {
                    definition.captureGroup = .number(n)
                } else {
                    definition.captureGroup = .name(try string(value, item, key))
                }
            default:
                break
            }
        }
        guard let name, !name.isEmpty else { throw error(item, "name: required", at: node) }
        guard let regex else { throw error(item, "regex: required", at: node) }
        definition.name = name
        definition.regex = regex
        do {
            _ = try CompiledCustomIdentifier(index: 0, definition: definition)
        } catch {
            // Messages start with the field at fault ("regex: ...", "keywords[3]: ...").
            let field = error.message.prefix { $0 != ":" && $0 != "[" }
            var located = self.error(item, error.message, at: lines[String(field)] ?? node, kind: error.kind)
            located.kind = error.kind
            throw located
        }
        return definition
    }

    private func severityLevel(_ node: Node, _ item: String) throws(ConfigurationError) -> SeverityLevel {
        var threshold: Int?
        var severity: Severity?
        for (key, _, value) in try fields(of: node, item: item, known: Self.levelFields) {
            if key == "occurrencesThreshold" {
                threshold = try int(value, item, "severityLevels.occurrencesThreshold")
            } else {
                let text = try string(value, item, "severityLevels.severity")
                guard let parsed = Severity(rawValue: text.uppercased()) else {
                    throw error(item, "severityLevels: severity must be LOW, MEDIUM or HIGH, got \(text)", at: value)
                }
                severity = parsed
            }
        }
        guard let threshold, let severity else {
            throw error(item, "severityLevels: each level needs occurrencesThreshold and severity", at: node)
        }
        return SeverityLevel(occurrencesThreshold: threshold, severity: severity)
    }

    /// Names must be unique within the file (across files, `ScanConfiguration(configurationFiles:)`
    /// checks) and must not be a managed ID or a category.
    private func checkNames(_ identifiers: [CustomIdentifier], nodes: [Node]) throws(ConfigurationError) {
        let reserved = Set(catalog.map(\.id)).union(Category.allCases.map(\.rawValue))
        var seen: Set<String> = []
        for (identifier, node) in zip(identifiers, nodes) {
            let item = "custom identifier \(identifier.name)"
            if reserved.contains(identifier.name) {
                throw error(item, "name: a managed identifier or a category already has this name", at: node)
            }
            if !seen.insert(identifier.name).inserted {
                throw error(item, "name: two custom identifiers have this name", at: node)
            }
        }
    }

    private func allowList(_ node: Node, index: Int) throws(ConfigurationError) -> AllowList {
        var item = "allowLists[\(index)]"
        if let name = node.mapping?["name"]?.scalar?.string { item = "allow list \(name)" }
        var name: String?
        var criteria: [(String, Node)] = []
        var file: String?
        var regex: String?
        var entries: [String]?
        for (key, _, value) in try fields(of: node, item: item, known: Self.allowListFields) {
            switch key {
            case "name": name = try string(value, item, key)
            case "description": break
            case "file": file = try string(value, item, key); criteria.append((key, value))
            case "regex": regex = try string(value, item, key); criteria.append((key, value))
            case "entries": entries = try strings(value, item, key); criteria.append((key, value))
            default: break
            }
        }
        guard let name, !name.isEmpty else { throw error(item, "name: required", at: node) }
        guard criteria.count == 1 else {
            throw error(item, "give exactly one of file, regex or entries", at: node)
        }
        let at = criteria[0].1
        let list: AllowList
        if let regex {
            list = AllowList(name: name, criteria: .regex(regex))
        } else if let entries {
            for (i, entry) in entries.enumerated() where entry.isEmpty || entry.count > AllowListLimits.maximumEntryLength {
                throw error(item, "entries[\(i)]: must be 1 to \(AllowListLimits.maximumEntryLength) characters", at: at)
            }
            list = AllowList(name: name, criteria: .literals(entries))
        } else {
            let given = file ?? ""
            let full = given.hasPrefix("/") || baseDirectory == nil ? given : "\(baseDirectory ?? ".")/\(given)"
            let content: String
            do {
                content = try ConfigurationFile.readText(full, item: item, limit: AllowListLimits.maximumFileSize,
                                                         what: "the allow-list file")
            } catch {
                throw self.error(item, "file \(given): \(error.message)", at: at, kind: .unreadableFile)
            }
            do {
                list = try AllowList.literals(fromFileContent: content, name: name)
            } catch {
                throw self.error(item, "file \(given), line \(error.line ?? 0): \(error.message)", at: at)
            }
        }
        // Compile regexes now, so the error can name the line.
        do {
            _ = try CompiledAllowLists([list])
        } catch {
            throw self.error(item, error.message, at: at, kind: error.kind)
        }
        return list
    }
}
