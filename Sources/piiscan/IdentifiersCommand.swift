import ArgumentParser
import Detectors

/// `piiscan identifiers`: lists the managed identifiers (and a configuration's custom ones);
/// `piiscan identifiers test` tries custom identifiers on a sample.
struct Identifiers: ParsableCommand {
    enum ListFormat: String, ExpressibleByArgument, CaseIterable {
        case table
        case json
    }

    static let configuration = CommandConfiguration(
        abstract: "List the managed identifiers: ID, category, severity, keyword rule, keywords, format, validation.",
        discussion: """
            IDs and categories are what --include and --exclude take. An identifier that needs a \
            keyword reports a match only when one of its keywords is within --keyword-distance \
            bytes before it, or is the CSV column name, or a name on the JSON path. With \
            --config, the file's custom identifiers are listed too (category CUSTOM_IDENTIFIER).

            Examples:
              piiscan identifiers
              piiscan identifiers --include CREDENTIALS
              piiscan identifiers --format json | jq -r '.[].id'
              piiscan identifiers --format json | jq -r '.[] | [.id, .pattern] | @tsv'
              piiscan identifiers --config examples/piiscan.yaml --include CUSTOM_IDENTIFIER
              piiscan identifiers test --config examples/piiscan.yaml "employee EMP-204518"
            """,
        subcommands: [IdentifiersTest.self]
    )

    @Option(help: "Output format: table (readable) or json (an array of objects, for tools, with each identifier's PCRE2 pattern).")
    var format: ListFormat = .table

    @OptionGroup var selection: SelectionOptions

    @OptionGroup var config: ConfigurationOptions

    func run() throws {
        let engine = try ConfigurationOptions.engine(try config.load(include: selection.include, exclude: selection.exclude))
        let rows = engine.identifiers.map(Row.init) + engine.customIdentifiers.map(Row.init)
        let output = OutputBuffer(fd: 1)
        switch format {
        case .table: writeTable(rows, to: output)
        case .json: writeJSON(rows, to: output)
        }
        output.flush()
    }

    /// One listed identifier, managed or custom.
    struct Row {
        var id: String
        var category: String
        var severity: String
        var keyword: String
        var keywords: [String]
        var summary: String
        var validation: String
        var regex: String?
        /// The PCRE2 pattern that verifies a match: a managed identifier's pattern (matched
        /// anchored at a prefilter candidate) or a custom identifier's regex. JSON output only.
        var pattern: String?

        init(_ identifier: ManagedIdentifier) {
            id = identifier.id
            category = identifier.category.rawValue
            severity = identifier.severity.rawValue
            keyword = Identifiers.keywordNeed(identifier.keywordRule)
            keywords = identifier.keywords
            summary = identifier.summary
            validation = identifier.validation
            pattern = Identifiers.verificationPattern(of: identifier)
        }

        init(_ identifier: CustomIdentifier) {
            id = identifier.name
            category = Category.customIdentifier.rawValue
            severity = identifier.severityLevels.isEmpty ? Severity.medium.rawValue
                : identifier.severityLevels.sorted { $0.occurrencesThreshold < $1.occurrencesThreshold }
                    .map { "\($0.severity.rawValue)>=\($0.occurrencesThreshold)" }.joined(separator: ",")
            keyword = identifier.keywords.isEmpty ? "no" : "required"
            keywords = identifier.keywords
            summary = identifier.description ?? "custom identifier"
            var checks: [String] = []
            if let check = identifier.check { checks.append(check.summary) }
            if !identifier.ignoreWords.isEmpty { checks.append("\(identifier.ignoreWords.count) ignore word(s)") }
            if !identifier.keywords.isEmpty { checks.append("keyword within \(identifier.maximumMatchDistance) bytes of the end") }
            if let group = identifier.captureGroup { checks.append("reports group \(group)") }
            validation = checks.isEmpty ? "pattern only" : checks.joined(separator: "; ")
            regex = identifier.regex
            pattern = identifier.regex
        }
    }

    /// A managed identifier's PCRE2 verification pattern, for tools such as the benchmark that
    /// compares piiscan with ripgrep over the same patterns (`Benchmarks/scripts/compare.py`).
    static func verificationPattern(of identifier: ManagedIdentifier) -> String? {
        identifier.pattern
    }

    /// "required", "conditional" (only some forms, such as a bare nine-digit SSN), "no", "absent"
    /// (reported only when no keyword is near: the no-keyword half of a pair).
    static func keywordNeed(_ rule: KeywordRule) -> String {
        switch rule {
        case .none: return "no"
        case .required: return "required"
        case .whenValidatorAsks: return "conditional"
        case .absent: return "absent"
        }
    }

    private func writeTable(_ identifiers: [Row], to output: OutputBuffer) {
        let idWidth = max(2, identifiers.map(\.id.count).max() ?? 0)
        let categoryWidth = max(8, identifiers.map(\.category.count).max() ?? 0)
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        output.write("\(pad("ID", idWidth))  \(pad("CATEGORY", categoryWidth))  \(pad("SEVERITY", 8))  KEYWORD\n")
        for identifier in identifiers {
            output.write("\(pad(identifier.id, idWidth))  \(pad(identifier.category, categoryWidth))  "
                         + "\(pad(identifier.severity, 8))  \(identifier.keyword)\n")
            output.write("    \(Sanitized.text(identifier.summary))\n")
            if let regex = identifier.regex { output.write("    regex: \(Sanitized.text(regex))\n") }
            output.write("    validation: \(identifier.validation)\n")
            if !identifier.keywords.isEmpty {
                output.write("    keywords: \(Sanitized.text(identifier.keywords.joined(separator: ", ")))\n")
            }
        }
        output.write("\(identifiers.count) identifiers\n")
    }

    private func writeJSON(_ identifiers: [Row], to output: OutputBuffer) {
        output.write("[\n")
        for (i, identifier) in identifiers.enumerated() {
            output.append { out in
                JSONText.appendRaw(#"  {"id":"#, to: &out)
                JSONText.appendString(identifier.id, to: &out)
                JSONText.appendRaw(#","category":"#, to: &out)
                JSONText.appendString(identifier.category, to: &out)
                JSONText.appendRaw(#","severity":"#, to: &out)
                JSONText.appendString(identifier.severity, to: &out)
                JSONText.appendRaw(#","keyword":"#, to: &out)
                JSONText.appendString(identifier.keyword, to: &out)
                JSONText.appendRaw(#","keywords":["#, to: &out)
                for (k, keyword) in identifier.keywords.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    JSONText.appendString(keyword, to: &out)
                }
                JSONText.appendRaw(#"],"summary":"#, to: &out)
                JSONText.appendString(identifier.summary, to: &out)
                JSONText.appendRaw(#","validation":"#, to: &out)
                JSONText.appendString(identifier.validation, to: &out)
                if let regex = identifier.regex {
                    JSONText.appendRaw(#","regex":"#, to: &out)
                    JSONText.appendString(regex, to: &out)
                }
                if let pattern = identifier.pattern {
                    JSONText.appendRaw(#","pattern":"#, to: &out)
                    JSONText.appendString(pattern, to: &out)
                }
                JSONText.appendRaw(i + 1 < identifiers.count ? "},\n" : "}\n", to: &out)
            }
        }
        output.write("]\n")
    }
}
