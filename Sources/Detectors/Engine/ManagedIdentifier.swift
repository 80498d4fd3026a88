/// How the prefilter finds the positions where an identifier's match can start.
///
/// The engine never runs a pattern over the whole input: the prefilter proposes candidate
/// start positions from these declarations and the pattern is then matched anchored there.
public enum Trigger: Sendable {
    /// The match starts at a byte in `first` whose preceding byte is not in `notAfter`
    /// (use `notAfter` to start only at a token boundary, for example `.word`).
    case start(first: ByteSet, notAfter: ByteSet)
    /// The match starts with one of these ASCII literals (case-sensitive), at a position whose
    /// preceding byte is not in `notAfter`.
    case literal([String], notAfter: ByteSet)
    /// The match contains the byte `pivot` (such as `@`); the start is found by walking back from
    /// each pivot over bytes in `back`, at most `maxBack` bytes, and is not preceded by a byte in
    /// `back`.
    case pivot(UInt8, back: ByteSet, maxBack: Int)
}

/// When an identifier needs a keyword nearby (or as the field name) to report a match.
public enum KeywordRule: Sendable, Hashable {
    /// Never needs one.
    case none
    /// Always needs one.
    case required
    /// Needs one only when the validator says so (for example a bare nine-digit SSN).
    case whenValidatorAsks
    /// Reported only when none of its keywords is near (nor the field name): the no-keyword half
    /// of a pair such as Macie's `CREDIT_CARD_NUMBER` / `CREDIT_CARD_NUMBER_(NO_KEYWORD)`, so a
    /// match is reported under exactly one of the two.
    case absent
}

/// What a validator concluded about a verified match.
public enum Verdict: Sendable, Hashable {
    case reject
    case accept
    /// Report only if a keyword is near (or is the field name).
    case acceptWithKeyword
    /// A well-known example or test value recognised by rule (Stripe's `sk_test_` keys, AWS's
    /// `...EXAMPLE` placeholders): reported only with `ScanConfiguration.reportExampleValues`.
    case exampleValue
}

/// A cheap necessary condition checked at a candidate before its pattern runs: at least
/// `minCount` bytes in `set` among the first `within` bytes from the candidate start.
///
/// It costs a few byte tests and saves a PCRE2 call at most candidates: a 40-character secret
/// cannot start at a 6-letter word, a card number needs 13 digits within 23 bytes.
public struct Precondition: Sendable, Hashable {
    public let set: ByteSet
    public let minCount: Int
    public let within: Int

    public init(_ set: ByteSet, atLeast minCount: Int, within: Int) {
        self.set = set
        self.minCount = minCount
        self.within = max(within, minCount)
    }

    /// `count` bytes in `set` right from the start.
    public static func run(of set: ByteSet, _ count: Int) -> Precondition {
        Precondition(set, atLeast: count, within: count)
    }

    /// Whether the bytes from `start` can hold a match. O(`within`).
    @inline(__always)
    func holds(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let limit = min(end, start + within)
        if limit - start < minCount { return false }
        var count = 0
        var i = start
        while i < limit {
            if set.contains(base[i]) {
                count += 1
                if count >= minCount { return true }
            } else if count + (limit - i - 1) < minCount {
                return false
            }
            i += 1
        }
        return false
    }
}

/// A match handed to a validator: the matched bytes and the bytes around them.
public struct MatchContext {
    /// The buffer being scanned (valid only during the call).
    public let buffer: UnsafeRawBufferPointer
    /// The match's range in `buffer`.
    public let range: Range<Int>

    /// The matched bytes.
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: buffer[range]) }
    /// The byte before the match, if any.
    public var before: UInt8? { range.lowerBound > 0 ? buffer[range.lowerBound - 1] : nil }
    /// The byte after the match, if any.
    public var after: UInt8? { range.upperBound < buffer.count ? buffer[range.upperBound] : nil }

    public init(buffer: UnsafeRawBufferPointer, range: Range<Int>) {
        self.buffer = buffer
        self.range = range
    }

    /// The digits of the match, as values 0...9, in order (other bytes skipped).
    public var digits: [Int] {
        var out: [Int] = []
        out.reserveCapacity(range.count)
        for b in bytes where b >= 0x30 && b <= 0x39 { out.append(Int(b - 0x30)) }
        return out
    }

    /// The match's bytes with every byte not in `keep` removed, as a String (ASCII).
    public func compacted(keeping keep: ByteSet = .alphanumerics) -> String {
        var s = ""
        s.reserveCapacity(range.count)
        for b in bytes where keep.contains(b) { s.unicodeScalars.append(Unicode.Scalar(b)) }
        return s
    }
}

/// A managed data identifier: what it is called, what triggers it, the pattern that verifies a
/// candidate, the check that validates a match, and the keywords that make it eligible.
///
/// Identifiers are data: adding one is one definition in `Identifiers/` plus its tests.
public struct ManagedIdentifier: Sendable {
    /// Macie's managed data identifier ID where Macie has one.
    public let id: String
    public let category: Category
    public let severity: Severity
    /// Lower-case keywords (a keyword matches case-insensitively, at word edges).
    public let keywords: [String]
    public let keywordRule: KeywordRule
    /// A one-line description for `piiscan identifiers` (the format).
    public let summary: String
    /// How a match is validated beyond its pattern, in a few words ("Luhn", "ISO 7064 mod 97-10",
    /// "structure only"), for `piiscan identifiers`.
    public let validation: String
    let trigger: Trigger
    /// A PCRE2 pattern compiled with `PCRE2_ANCHORED`; it must not match the empty string.
    /// Lookbehind may look before the candidate start. Public so tools can compare piiscan with
    /// a regex engine given the same patterns (`identifiers --format json`).
    public let pattern: String
    /// The longest match the pattern can produce, in bytes (bounds the chunk overlap).
    let maxLength: Int
    /// Checksums and structural rules beyond the pattern.
    let validate: @Sendable (MatchContext) -> Verdict
    /// Well-known example values (issuers' test numbers, documented examples) compared with the
    /// match's alphanumeric characters; such matches are not reported unless asked.
    let examples: Set<String>
    /// Checked before the pattern; nil for none.
    let precondition: Precondition?

    public init(id: String, category: Category, severity: Severity, summary: String,
                validation: String = "",
                keywords: [String] = [], keywordRule: KeywordRule = .none,
                trigger: Trigger, pattern: String, maxLength: Int,
                examples: Set<String> = [],
                precondition: Precondition? = nil,
                validate: @escaping @Sendable (MatchContext) -> Verdict = { _ in .accept }) {
        self.id = id
        self.category = category
        self.severity = severity
        self.summary = summary
        self.validation = validation
        self.keywords = keywords.map { $0.lowercased() }
        self.keywordRule = keywordRule
        self.trigger = trigger
        self.pattern = pattern
        self.maxLength = maxLength
        self.examples = examples
        self.precondition = precondition
        self.validate = validate
    }
}
