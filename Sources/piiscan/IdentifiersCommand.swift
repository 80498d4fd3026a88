import ArgumentParser
import Detectors

/// `piiscan identifiers`: lists the managed identifiers.
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
            bytes before it, or is the CSV column name, or a name on the JSON path.

            Examples:
              piiscan identifiers
              piiscan identifiers --include CREDENTIALS
              piiscan identifiers --format json | jq -r '.[].id'
            """
    )

    @Option(help: "Output format: table (readable) or json (an array of objects, for tools).")
    var format: ListFormat = .table

    @OptionGroup var selection: SelectionOptions

    func run() throws {
        var configuration = ScanConfiguration()
        configuration.include = selection.include
        configuration.exclude = selection.exclude
        let identifiers: [ManagedIdentifier]
        do {
            identifiers = try ScanEngine(configuration: configuration).identifiers
        } catch {
            StandardError.report(error.item, error.message)
            throw ExitCode(ExitStatus.error)
        }
        let output = OutputBuffer(fd: 1)
        switch format {
        case .table: writeTable(identifiers, to: output)
        case .json: writeJSON(identifiers, to: output)
        }
        output.flush()
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

    private func writeTable(_ identifiers: [ManagedIdentifier], to output: OutputBuffer) {
        let idWidth = max(2, identifiers.map(\.id.count).max() ?? 0)
        let categoryWidth = max(8, identifiers.map(\.category.rawValue.count).max() ?? 0)
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        output.write("\(pad("ID", idWidth))  \(pad("CATEGORY", categoryWidth))  \(pad("SEVERITY", 8))  KEYWORD\n")
        for identifier in identifiers {
            output.write("\(pad(identifier.id, idWidth))  \(pad(identifier.category.rawValue, categoryWidth))  "
                         + "\(pad(identifier.severity.rawValue, 8))  \(Self.keywordNeed(identifier.keywordRule))\n")
            output.write("    \(identifier.summary)\n")
            output.write("    validation: \(identifier.validation)\n")
            if !identifier.keywords.isEmpty {
                output.write("    keywords: \(identifier.keywords.joined(separator: ", "))\n")
            }
        }
        output.write("\(identifiers.count) identifiers\n")
    }

    private func writeJSON(_ identifiers: [ManagedIdentifier], to output: OutputBuffer) {
        output.write("[\n")
        for (i, identifier) in identifiers.enumerated() {
            output.append { out in
                JSONText.appendRaw(#"  {"id":"#, to: &out)
                JSONText.appendString(identifier.id, to: &out)
                JSONText.appendRaw(#","category":"#, to: &out)
                JSONText.appendString(identifier.category.rawValue, to: &out)
                JSONText.appendRaw(#","severity":"#, to: &out)
                JSONText.appendString(identifier.severity.rawValue, to: &out)
                JSONText.appendRaw(#","keyword":"#, to: &out)
                JSONText.appendString(Self.keywordNeed(identifier.keywordRule), to: &out)
                JSONText.appendRaw(#","keywords":["#, to: &out)
                for (k, keyword) in identifier.keywords.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    JSONText.appendString(keyword, to: &out)
                }
                JSONText.appendRaw(#"],"summary":"#, to: &out)
                JSONText.appendString(identifier.summary, to: &out)
                JSONText.appendRaw(#","validation":"#, to: &out)
                JSONText.appendString(identifier.validation, to: &out)
                JSONText.appendRaw(i + 1 < identifiers.count ? "},\n" : "}\n", to: &out)
            }
        }
        output.write("]\n")
    }
}
