/// An allow list, as Amazon Macie defines them: text that is never reported, even when a managed
/// or custom identifier matches it. Applied after matching, to the text a finding would report.
///
/// - `.literals`: Macie's "predefined text" list (a line-delimited file). The detected text is
///   allowed when it equals an entry, compared case-insensitively (Unicode lower case) and as a
///   whole: `jo@example.org` in the list does not allow `mail jo@example.org`.
/// - `.regex`: the detected text is allowed when the pattern matches all of it (it is compiled
///   with `PCRE2_ANCHORED` and `PCRE2_ENDANCHORED` and matched against that text alone).
public struct AllowList: Sendable, Hashable {
    public enum Criteria: Sendable, Hashable {
        case literals([String])
        case regex(String)
    }

    /// A name for messages and `piiscan identifiers test`.
    public var name: String
    public var criteria: Criteria

    public init(name: String, criteria: Criteria) {
        self.name = name
        self.criteria = criteria
    }

    /// Parses a predefined-text file's content: one entry per line (LF or CRLF), blank lines
    /// ignored, leading and trailing spaces and tabs trimmed.
    /// - Throws: `ConfigurationError` for an entry longer than `AllowListLimits.maximumEntryLength`
    ///   characters, naming its line (never its content).
    public static func literals(fromFileContent content: String, name: String) throws(ConfigurationError) -> AllowList {
        var entries: [String] = []
        var lineNumber = 0
        for line in content.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let entry = line.trimmingSpaces()
            if entry.isEmpty { continue }
            if entry.count > AllowListLimits.maximumEntryLength {
                var error = ConfigurationError(kind: .invalidValue, item: "allowLists \(name)",
                                               message: "entry longer than \(AllowListLimits.maximumEntryLength) characters")
                error.line = lineNumber
                throw error
            }
            entries.append(entry)
        }
        return AllowList(name: name, criteria: .literals(entries))
    }
}

/// The limits an allow list must respect (README documents them).
public enum AllowListLimits {
    /// Characters per literal entry (Macie: 1-90).
    public static let maximumEntryLength = 90
    /// Size of a literal list file (Macie: 35 MB).
    public static let maximumFileSize = 35_000_000
    /// Regex length in bytes (Macie: 512 characters).
    public static let maximumRegexLength = 2048
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    fileprivate func trimmingSpaces() -> String {
        var view = self[...]
        while let first = view.first, first == " " || first == "\t" || first == "\r" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" || last == "\r" { view = view.dropLast() }
        return String(view)
    }
}

/// The allow lists of an engine, compiled: every literal entry lower-cased in one set, each
/// regex compiled once.
final class CompiledAllowLists: Sendable {
    /// Lower-cased literal → the name of the first list holding it.
    let literals: [String: String]
    /// The longest literal entry in UTF-8 bytes, times 3 (lower-casing can change a character's
    /// length): longer text is never looked up.
    let longestLiteral: Int
    let patterns: [(name: String, pattern: PCRE2Pattern)]

    init(_ lists: [AllowList]) throws(ConfigurationError) {
        var literals: [String: String] = [:]
        var longest = 0
        var patterns: [(String, PCRE2Pattern)] = []
        for list in lists {
            switch list.criteria {
            case .literals(let entries):
                for entry in entries where !entry.isEmpty {
                    let key = entry.lowercased()
                    if literals[key] == nil { literals[key] = list.name }
                    longest = max(longest, key.utf8.count * 3)
                }
            case .regex(let regex):
                guard !regex.isEmpty, regex.utf8.count <= AllowListLimits.maximumRegexLength else {
                    throw ConfigurationError(kind: .invalidValue, item: "allowLists \(list.name)",
                                             message: "regex: must be 1 to \(AllowListLimits.maximumRegexLength) bytes long")
                }
                do {
                    patterns.append((list.name, try PCRE2Pattern(regex, anchored: true, endAnchored: true)))
                } catch {
                    throw ConfigurationError(kind: .invalidPattern, item: "allowLists \(list.name)",
                                             message: "regex: \(error.description)")
                }
            }
        }
        self.literals = literals
        self.longestLiteral = longest
        self.patterns = patterns
    }

    var isEmpty: Bool { literals.isEmpty && patterns.isEmpty }

    /// The name of the list that allows `text`, or nil. A regex that hits the match limit does
    /// not allow (the finding is reported) and counts in `limitHits`.
    /// Complexity: O(text) for the literal lookup plus one anchored match per regex list.
    func list(allowing text: UnsafeRawBufferPointer, state: PCRE2MatchState, limitHits: inout Int) -> String? {
        if !literals.isEmpty && text.count <= longestLiteral {
            let key = String(decoding: text, as: UTF8.self).lowercased()
            if let name = literals[key] { return name }
        }
        for (name, pattern) in patterns {
            do {
                if case .match = try pattern.match(in: text, length: text.count, at: 0, partial: false, state: state) {
                    return name
                }
            } catch {
                limitHits += 1
            }
        }
        return nil
    }
}
