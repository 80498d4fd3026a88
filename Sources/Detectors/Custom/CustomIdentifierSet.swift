/// An engine's custom identifiers, arranged for one pass over each window.
///
/// PCRE2 tells which bytes each pattern's matches can start with (its first code unit or its
/// start bitmap). Identifiers without keywords and with such a set share one table from byte to
/// identifiers, so the owned region of a window is walked once for all of them and each pattern
/// runs anchored only where its first byte is. Identifiers with keywords are tried only within
/// `maximumMatchDistance` bytes after one of their keywords (found by one `KeywordAutomaton` pass
/// for all of them), or over the whole field when its name carries one. A pattern whose first
/// bytes PCRE2 cannot tell is searched unanchored, once per window or field.
final class CustomIdentifierSet: @unchecked Sendable {
    let identifiers: [CompiledCustomIdentifier]
    /// For the per-byte pass: bit `(b << 8) | p` is set when byte `b` after byte `p` can start
    /// no ungated identifier's match; otherwise `b`'s identifiers are `ids[first[b]..<first[b + 1]]`.
    let skip: UnsafeMutablePointer<UInt8>
    /// Per identifier and first byte, `CompiledCustomIdentifier.notAfter` (empty when none):
    /// entry `id << 8 | b`.
    let notAfter: UnsafeMutableBufferPointer<ByteSet>
    let first: UnsafeMutableBufferPointer<Int>
    let ids: UnsafeMutableBufferPointer<Int>
    let hasTriggers: Bool
    /// Ungated identifiers without a first-byte set: searched unanchored.
    let searched: [Int]
    /// Identifiers with keywords.
    let gated: [Int]
    /// The gated identifiers' keywords and, per keyword, their owners.
    let automaton: KeywordAutomaton?
    let keywordOwners: [[Int]]
    /// The longest `maximumMatchDistance` plus the longest keyword among gated identifiers.
    let keywordReach: Int
    /// The most bytes a match may span from its start (`ScanConfiguration.customMatchLength`).
    let matchLength: Int
    /// Bytes needed before a window's owned region: keyword reach and lookbehind.
    let backContext: Int
    /// Per identifier, what a candidate's verification reads before a match is found.
    let hot: UnsafeMutableBufferPointer<CustomCandidateCheck>

    init(_ identifiers: [CompiledCustomIdentifier], matchLength: Int) {
        self.identifiers = identifiers
        self.matchLength = matchLength
        var perByte = [[Int]](repeating: [], count: 256)
        var searched: [Int] = []
        var gated: [Int] = []
        var keywords: [[UInt8]] = []
        var keywordIndex: [[UInt8]: Int] = [:]
        var owners: [[Int]] = []
        var reach = 0
        var lookbehind = 0
        for identifier in identifiers {
            lookbehind = max(lookbehind, identifier.maxLookbehind)
            if identifier.requiresKeyword {
                gated.append(identifier.index)
                reach = max(reach, identifier.distance + (identifier.keywordBytes.map(\.count).max() ?? 0))
                for keyword in identifier.keywordBytes {
                    let k = keywordIndex[keyword] ?? {
                        keywordIndex[keyword] = keywords.count
                        keywords.append(keyword)
                        owners.append([])
                        return keywords.count - 1
                    }()
                    if owners[k].last != identifier.index { owners[k].append(identifier.index) }
                }
            } else if let firstBytes = identifier.firstBytes {
                for b in 0..<256 where firstBytes.contains(UInt8(b)) { perByte[b].append(identifier.index) }
            } else {
                searched.append(identifier.index)
            }
        }
        skip = .allocate(capacity: 8192)
        skip.initialize(repeating: 0, count: 8192)
        notAfter = .allocate(capacity: max(1, identifiers.count) * 256)
        notAfter.initialize(repeating: ByteSet())
        for identifier in identifiers {
            guard let table = identifier.notAfter else { continue }
            for b in 0..<256 { notAfter[identifier.index << 8 | b] = table[b] }
        }
        first = .allocate(capacity: 257)
        var flat: [Int] = []
        for b in 0..<256 {
            var blocked = ByteSet.everything
            for id in perByte[b] { blocked = blocked.intersection(notAfter[id << 8 | b]) }
            for p in 0..<256 where blocked.contains(UInt8(p)) {
                let bit = b << 8 | p
                skip[bit >> 3] |= UInt8(1) << UInt8(bit & 7)
            }
            first[b] = flat.count
            flat += perByte[b]
        }
        first[256] = flat.count
        ids = .allocate(capacity: max(1, flat.count))
        _ = ids.initialize(from: flat)
        hasTriggers = !flat.isEmpty
        self.searched = searched
        self.gated = gated
        self.automaton = keywords.isEmpty ? nil : KeywordAutomaton(keywords)
        self.keywordOwners = owners
        self.keywordReach = reach
        self.backContext = max(reach, lookbehind) + 64
        hot = .allocate(capacity: max(1, identifiers.count))
        _ = hot.initialize(from: identifiers.map {
            CustomCandidateCheck(anchored: $0.anchored.reference, unanchored: $0.unanchored?.reference,
                                 firstBytes: $0.firstBytes, minLength: $0.minLength)
        })
    }

    deinit {
        hot.deallocate()
        skip.deallocate()
        notAfter.deallocate()
        first.deallocate()
        ids.deallocate()
    }
}

/// One thread's state for custom identifiers, kept in its `ScanScratch`: where each identifier
/// may match next, the per-object counts that decide severities, the findings held until their
/// severity is known, the identifiers switched off in this object by the match limit.
///
/// The per-identifier state read at every candidate is raw memory, so the hot loop does no
/// exclusivity checks and no reference counting.
final class CustomScratch {
    /// Per identifier: the stream offset before which it may not start another match.
    let nextStart: UnsafeMutableBufferPointer<Int>
    /// Per gated identifier: the stream offset up to which positions were tried after a keyword.
    let scannedTo: UnsafeMutableBufferPointer<Int>
    /// Per identifier: findings counted in the current object.
    let counts: UnsafeMutableBufferPointer<Int>
    /// Per identifier: switched off for the rest of the object after hitting the match limit.
    let disabled: UnsafeMutableBufferPointer<Bool>
    /// Per identifier: matches not reported because they would be longer than `matchLength`.
    let overlong: UnsafeMutableBufferPointer<Int>
    /// Per identifier: findings waiting for the object's count to settle their severity.
    var held: [[Finding]]
    /// Allow-list regexes that hit the match limit in this object.
    var allowListLimitHits = 0
    /// The gated identifiers a column name opens, by column number.
    var columnCache: [(name: String, ids: [Int])?] = []
    var pathCache: [[String]: [Int]] = [:]
    /// Keyword found in field names, per identifier and name list.
    var nameKeywordCache: [ScanScratch.NameKey: String?] = [:]
    /// When set, every match is recorded with its outcome (`piiscan identifiers test`), and
    /// keyword gating is off so that matches without a keyword are seen too.
    var trace: [CustomTraceEvent]?

    init(count: Int) {
        let n = max(1, count)
        nextStart = .allocate(capacity: n)
        scannedTo = .allocate(capacity: n)
        counts = .allocate(capacity: n)
        disabled = .allocate(capacity: n)
        overlong = .allocate(capacity: n)
        nextStart.initialize(repeating: 0)
        scannedTo.initialize(repeating: 0)
        counts.initialize(repeating: 0)
        disabled.initialize(repeating: false)
        overlong.initialize(repeating: 0)
        held = Array(repeating: [], count: count)
    }

    deinit {
        nextStart.deallocate()
        scannedTo.deallocate()
        counts.deallocate()
        disabled.deallocate()
        overlong.deallocate()
    }

    func resetForObject() {
        for i in nextStart.indices {
            nextStart[i] = 0
            scannedTo[i] = 0
            counts[i] = 0
            disabled[i] = false
            overlong[i] = 0
        }
        for i in held.indices where !held[i].isEmpty { held[i].removeAll() }
        allowListLimitHits = 0
        columnCache.removeAll(keepingCapacity: true)
    }
}

/// The part of a custom identifier a candidate needs before PCRE2 says it matches: plain data
/// (the pattern is kept alive by its `CompiledCustomIdentifier`).
struct CustomCandidateCheck {
    let anchored: PCRE2CodeReference
    let unanchored: PCRE2CodeReference?
    let firstBytes: ByteSet?
    let minLength: Int
}
