/// A custom identifier ready to scan with: its patterns, the bytes its matches can start with
/// (from PCRE2's study of the pattern), its keywords and ignore words as bytes, its severity
/// plan. Immutable and shared between threads.
final class CompiledCustomIdentifier: Sendable {
    /// Position among the engine's custom identifiers.
    let index: Int
    let definition: CustomIdentifier
    /// Compiled with `PCRE2_ANCHORED` and hard partial matching: verification at a candidate.
    let anchored: PCRE2Pattern
    /// The unanchored pattern, kept only when `firstBytes` is nil: searched over each window.
    let unanchored: PCRE2Pattern?
    /// The bytes a match can start with; nil when PCRE2 cannot tell (or nearly every byte can).
    let firstBytes: ByteSet?
    let minLength: Int
    let maxLookbehind: Int
    /// For each first byte `b`, the previous bytes after which no match can start at `b` (so a
    /// candidate there is skipped without calling PCRE2); nil when not derived. See
    /// `derivePreviousByteFilter`.
    let notAfter: [ByteSet]?
    /// Lower-cased keyword bytes, in definition order.
    let keywordBytes: [[UInt8]]
    let lowerKeywords: [String]
    let ignoreWordBytes: [[UInt8]]
    /// The group whose range is reported; 0 for the whole match.
    let group: Int
    let distance: Int
    let check: CustomCheck?
    /// Severity thresholds sorted ascending (by threshold, which is also severity order).
    let levels: [SeverityLevel]

    var requiresKeyword: Bool { !keywordBytes.isEmpty }

    /// Checks and compiles `definition`.
    /// - Throws: `ConfigurationError` naming the identifier and the field at fault.
    init(index: Int, definition: CustomIdentifier) throws(ConfigurationError) {
        try definition.validate()
        func fail(_ message: String, kind: ConfigurationError.Kind = .invalidValue) -> ConfigurationError {
            ConfigurationError(kind: kind, item: definition.name, message: message)
        }
        let unanchored: PCRE2Pattern
        do {
            anchored = try PCRE2Pattern(definition.regex, anchored: true, partialMatching: true)
            unanchored = try PCRE2Pattern(definition.regex, anchored: false)
        } catch {
            throw fail("regex: \(error.description)", kind: .invalidPattern)
        }
        if unanchored.canMatchEmpty { throw fail("regex: can match the empty string", kind: .invalidPattern) }
        let groups = anchored.captureCount
        switch definition.captureGroup {
        case nil:
            group = 0
        case .number(let n):
            guard n >= 1 && n <= groups else {
                throw fail("captureGroup: the regex has \(groups) capturing group(s), there is no group \(n)")
            }
            group = n
        case .name(let name):
            guard let n = anchored.groupNumber(named: name) else {
                throw fail("captureGroup: the regex has no group named \(name)")
            }
            group = n
        }
        guard group < 32 else { throw fail("captureGroup: groups after the 31st cannot be reported") }
        self.index = index
        self.definition = definition
        // A start set of nearly every byte saves nothing over PCRE2's own search.
        let first = unanchored.firstBytes
        var size = 0
        if let first { for b in 0...255 where first.contains(UInt8(b)) { size += 1 } }
        self.firstBytes = size > 0 && size <= 192 ? first : nil
        self.unanchored = firstBytes == nil ? unanchored : nil
        self.minLength = max(1, anchored.minLength)
        self.maxLookbehind = unanchored.maxLookbehind
        let anchoredPattern = anchored, lookbehind = unanchored.maxLookbehind, isUTF = unanchored.isUTF
        if let firstBytes {
            self.notAfter = Self.derivePreviousByteFilter(anchoredPattern, regex: definition.regex, firstBytes: firstBytes,
                                                          maxLookbehind: lookbehind, isUTF: isUTF)
        } else {
            self.notAfter = nil
        }
        self.lowerKeywords = definition.keywords.map { $0.lowercased() }
        self.keywordBytes = lowerKeywords.map { Array($0.utf8) }
        self.ignoreWordBytes = definition.ignoreWords.map { Array($0.utf8) }
        self.distance = definition.maximumMatchDistance
        self.check = definition.check
        self.levels = definition.severityLevels.sorted { $0.occurrencesThreshold < $1.occurrencesThreshold }
    }

    /// Asks PCRE2, for every first byte `b` and previous byte `p`, whether a match can start at
    /// `b` after `p`: the anchored pattern is run with hard partial matching on the two bytes
    /// `p b` from offset 1, so its lookbehinds, `\b` and `\B` see `p` and anything needing more
    /// bytes reports partial (possible). No match means no data can match there: a pattern such
    /// as `(?<![0-9])[0-9]{3}` is then never tried inside a run of digits.
    ///
    /// Exact when lookbehinds reach one byte back; longer negative lookbehinds see the subject's
    /// start beyond `p` and succeed, which only keeps more candidates. A longer *positive*
    /// lookbehind would fail there and wrongly rule candidates out, so such patterns (and UTF
    /// patterns) get no filter. Costs 256 short matches per first byte, once.
    static func derivePreviousByteFilter(_ anchored: PCRE2Pattern, regex: String, firstBytes: ByteSet,
                                         maxLookbehind: Int, isUTF: Bool) -> [ByteSet]? {
        if isUTF { return nil }
        if maxLookbehind > 1 {
            let lowered = regex.lowercased()
            if lowered.contains("(?<=") || lowered.contains("(*plb:") || lowered.contains("(*positive_lookbehind:")
                || lowered.contains("(?(<") {
                return nil
            }
        }
        let state = PCRE2MatchState(matchLimit: 100_000)
        var table = [ByteSet](repeating: ByteSet(), count: 256)
        var subject: [UInt8] = [0, 0]
        var any = false
        for b in 0..<256 where firstBytes.contains(UInt8(b)) {
            subject[1] = UInt8(b)
            for p in 0..<256 {
                subject[0] = UInt8(p)
                let outcome = subject.withUnsafeBytes { raw in
                    try? anchored.match(in: raw, length: 2, at: 1, partial: true, state: state)
                }
                if case .noMatch? = outcome {
                    table[b].insert(UInt8(p))
                    any = true
                }
            }
        }
        return any ? table : nil
    }

    /// The severity of this identifier's findings in an object with `count` of them; nil below
    /// the lowest threshold (no finding). Without levels every finding is MEDIUM.
    func severity(forCount count: Int) -> Severity? {
        guard let lowest = levels.first else { return count > 0 ? .medium : nil }
        if count < lowest.occurrencesThreshold { return nil }
        return levels.last { $0.occurrencesThreshold <= count }?.severity
    }

    /// The count from which the severity can no longer change: findings can be delivered as
    /// soon as they are found (1 without levels).
    var settledCount: Int { levels.last?.occurrencesThreshold ?? 1 }

    /// Whether `match` contains one of the ignore words (case-sensitive). O(match × words).
    func containsIgnoreWord(_ match: UnsafeRawBufferPointer) -> Int? {
        guard let base = match.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        for (w, word) in ignoreWordBytes.enumerated() where !word.isEmpty && word.count <= match.count {
            let first = word[0]
            var i = 0
            while i + word.count <= match.count {
                if base[i] == first {
                    var j = 1
                    while j < word.count && base[i + j] == word[j] { j += 1 }
                    if j == word.count { return w }
                }
                i += 1
            }
        }
        return nil
    }
}

extension CustomIdentifier {
    /// Checks the definition's fields against `CustomIdentifierLimits` (the pattern itself is
    /// checked when it is compiled).
    /// - Throws: `ConfigurationError` naming the identifier and the field.
    public func validate() throws(ConfigurationError) {
        let limits = CustomIdentifierLimits.self
        func fail(_ message: String) -> ConfigurationError {
            ConfigurationError(kind: .invalidValue, item: name.isEmpty ? "(unnamed custom identifier)" : name,
                               message: message)
        }
        guard !name.isEmpty, name.count <= limits.maximumNameLength else {
            throw fail("name: must be 1 to \(limits.maximumNameLength) characters")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw fail("name: must not contain control characters")
        }
        if let description, description.count > limits.maximumDescriptionLength {
            throw fail("description: longer than \(limits.maximumDescriptionLength) characters")
        }
        guard !regex.isEmpty, regex.utf8.count <= limits.maximumRegexLength else {
            throw ConfigurationError(kind: .invalidPattern, item: name,
                                     message: "regex: must be 1 to \(limits.maximumRegexLength) bytes long, got \(regex.utf8.count)")
        }
        // \K moves the reported start after the candidate; a capture group says the same thing.
        var backslashes = 0
        for scalar in regex.unicodeScalars {
            if scalar == "K" && backslashes % 2 == 1 {
                throw ConfigurationError(kind: .invalidPattern, item: name,
                                         message: "regex: \\K is not supported; use captureGroup to report part of a match")
            }
            backslashes = scalar == "\\" ? backslashes + 1 : 0
        }
        guard keywords.count <= limits.maximumKeywords else {
            throw fail("keywords: at most \(limits.maximumKeywords), got \(keywords.count)")
        }
        for (k, keyword) in keywords.enumerated() where keyword.isEmpty || keyword.count > limits.maximumWordLength {
            throw fail("keywords[\(k)]: must be 1 to \(limits.maximumWordLength) characters")
        }
        guard ignoreWords.count <= limits.maximumIgnoreWords else {
            throw fail("ignoreWords: at most \(limits.maximumIgnoreWords), got \(ignoreWords.count)")
        }
        for (k, word) in ignoreWords.enumerated() where word.isEmpty || word.count > limits.maximumWordLength {
            throw fail("ignoreWords[\(k)]: must be 1 to \(limits.maximumWordLength) characters")
        }
        guard limits.matchDistance.contains(maximumMatchDistance) else {
            throw fail("maximumMatchDistance: must be between 1 and 300, got \(maximumMatchDistance)")
        }
        guard severityLevels.count <= 3 else {
            throw fail("severityLevels: at most 3 (one per severity), got \(severityLevels.count)")
        }
        for level in severityLevels where !limits.occurrencesThreshold.contains(level.occurrencesThreshold) {
            throw fail("severityLevels: occurrencesThreshold must be between 1 and \(limits.occurrencesThreshold.upperBound), got \(level.occurrencesThreshold)")
        }
        if Set(severityLevels.map(\.severity)).count != severityLevels.count {
            throw fail("severityLevels: each severity may appear once")
        }
        let bySeverity = severityLevels.sorted { $0.severity < $1.severity }
        for (a, b) in zip(bySeverity, bySeverity.dropFirst()) where a.occurrencesThreshold >= b.occurrencesThreshold {
            throw fail("severityLevels: thresholds must ascend from LOW to HIGH (\(a.severity.rawValue) \(a.occurrencesThreshold) is not below \(b.severity.rawValue) \(b.occurrencesThreshold))")
        }
        if case .number(let n) = captureGroup, n < 1 {
            throw fail("captureGroup: must be 1 or more, got \(n)")
        }
    }
}
