/// Candidate generation: from each identifier's `Trigger`, a table from byte value to the
/// checks that byte can start. Built once per engine.
///
/// Prefilter hits are *candidates*; a candidate becomes a *match* only when the identifier's
/// anchored pattern matches there.
struct Prefilter: Sendable {
    enum Kind: UInt8, Sendable {
        /// The identifier may start here if the previous byte is not in `notAfter`.
        case start
        /// The identifier may start here if the literal follows and the previous byte is not in
        /// `notAfter`.
        case literal
        /// This byte is inside a match, whose start is found by walking back over `back`.
        case pivot
    }

    /// One check a trigger byte asks for. Plain data, so the hot loop does no reference counting.
    struct Check: Sendable {
        var kind: Kind
        var id: Int
        /// `notAfter` for start and literal checks; the walk-back set for pivots.
        var bytes: ByteSet
        /// For literals: the range of the literal in `literalPool`.
        var literalStart = 0
        var literalCount = 0
        /// For pivots: the longest walk back.
        var maxBack = 0
        /// For the checks of keyword-gated identifiers: the bytes the match can start with.
        var firstBytes = ByteSet()
        var precondition: Precondition?
    }

    /// All checks, grouped by trigger byte: byte `b`'s checks are `checks[first[b]..<first[b + 1]]`.
    let checks: [Check]
    let first: [Int]
    /// For each byte, the previous bytes after which none of its checks can apply (the
    /// intersection of its checks' `notAfter`; empty when a pivot or an unconditional literal is
    /// among them). Inside a word most trigger bytes are rejected by this one test.
    let blockedAfter: [ByteSet]
    let literalPool: [UInt8]
    /// The longest walk back of any pivot trigger: how far past a window's owned region pivots
    /// must still be examined.
    let maxPivotBack: Int

    init(_ identifiers: [CompiledIdentifier]) {
        var perByte = [[Check]](repeating: [], count: 256)
        var pool: [UInt8] = []
        var maxBack = 0
        var gated = [[Check]](repeating: [], count: identifiers.count)
        var gatedKeywords: [[UInt8]] = []
        var keywordIndex: [[UInt8]: Int] = [:]
        var owners: [[Int]] = []
        for identifier in identifiers {
            let precondition = identifier.definition.precondition
            // An identifier that always needs a keyword is tried only after one (see
            // KeywordAutomaton); pivot triggers, whose start lies behind the trigger byte, stay
            // in the per-byte loop.
            var isGated = false
            if identifier.needsKeywordAlways, !identifier.keywordBytes.isEmpty {
                if case .pivot = identifier.definition.trigger {} else { isGated = true }
            }
            if isGated {
                for keyword in identifier.keywordBytes where !keyword.isEmpty {
                    let k = keywordIndex[keyword] ?? {
                        keywordIndex[keyword] = gatedKeywords.count
                        gatedKeywords.append(keyword)
                        owners.append([])
                        return gatedKeywords.count - 1
                    }()
                    if owners[k].last != identifier.index { owners[k].append(identifier.index) }
                }
            }
            switch identifier.definition.trigger {
            case .start(let firstBytes, let notAfter):
                if isGated {
                    gated[identifier.index].append(Check(kind: .start, id: identifier.index, bytes: notAfter,
                                                         firstBytes: firstBytes, precondition: precondition))
                    continue
                }
                for b in 0...255 where firstBytes.contains(UInt8(b)) {
                    perByte[b].append(Check(kind: .start, id: identifier.index, bytes: notAfter, precondition: precondition))
                }
            case .literal(let literals, let notAfter):
                for literal in literals {
                    let bytes = Array(literal.utf8)
                    guard let head = bytes.first else { continue }
                    let check = Check(kind: .literal, id: identifier.index, bytes: notAfter,
                                      literalStart: pool.count, literalCount: bytes.count,
                                      firstBytes: ByteSet(bytes: [head]), precondition: precondition)
                    if isGated { gated[identifier.index].append(check) } else { perByte[Int(head)].append(check) }
                    pool += bytes
                }
            case .pivot(let pivot, let back, let limit):
                perByte[Int(pivot)].append(Check(kind: .pivot, id: identifier.index, bytes: back, maxBack: limit,
                                                 precondition: precondition))
                maxBack = max(maxBack, limit)
            }
        }
        var checks: [Check] = []
        var first: [Int] = []
        var blocked: [ByteSet] = []
        for list in perByte {
            first.append(checks.count)
            checks += list
            var all = ByteSet.everything
            for check in list {
                all = check.kind == .pivot ? .empty : all.intersection(check.bytes)
            }
            blocked.append(list.isEmpty ? .everything : all)
        }
        first.append(checks.count)
        self.checks = checks
        self.first = first
        self.blockedAfter = blocked
        self.literalPool = pool
        self.maxPivotBack = maxBack
        self.tables = PrefilterTables(checks: checks, first: first, blockedAfter: blocked, pool: pool)
        self.gatedChecks = gated
        self.gatedIdentifiers = gated.indices.filter { !gated[$0].isEmpty }
        self.keywordOwners = owners
        self.keywords = gatedKeywords.isEmpty ? nil : KeywordAutomaton(gatedKeywords)
    }

    /// The checks of keyword-gated identifiers, by identifier index (empty for the others).
    let gatedChecks: [[Check]]
    /// The indices of the keyword-gated identifiers.
    let gatedIdentifiers: [Int]
    /// The gated identifiers' keywords (nil when there are none) and, per keyword, the gated
    /// identifiers that own it.
    let keywords: KeywordAutomaton?
    let keywordOwners: [[Int]]

    /// The same tables in raw memory, for the hot loop.
    let tables: PrefilterTables
}

/// The prefilter's tables in raw memory, so the per-byte loop does no reference counting and
/// no bounds checks. Immutable after init.
final class PrefilterTables: @unchecked Sendable {
    /// Bit `(byte << 8) | previous` is set when `byte` at a position preceded by `previous`
    /// triggers no check at all: one load and one bit test per byte for the common case.
    let skip: UnsafeMutablePointer<UInt8>
    let checks: UnsafeMutableBufferPointer<Prefilter.Check>
    let first: UnsafeMutableBufferPointer<Int>
    let pool: UnsafeMutableBufferPointer<UInt8>

    init(checks: [Prefilter.Check], first: [Int], blockedAfter: [ByteSet], pool: [UInt8]) {
        skip = .allocate(capacity: 8192)
        skip.initialize(repeating: 0, count: 8192)
        for byte in 0..<256 {
            for previous in 0..<256 where blockedAfter[byte].contains(UInt8(previous)) {
                let bit = byte << 8 | previous
                skip[bit >> 3] |= UInt8(1) << UInt8(bit & 7)
            }
        }
        self.checks = .allocate(capacity: max(1, checks.count))
        _ = self.checks.initialize(from: checks)
        self.first = .allocate(capacity: first.count)
        _ = self.first.initialize(from: first)
        self.pool = .allocate(capacity: max(1, pool.count))
        _ = self.pool.initialize(from: pool)
    }

    deinit {
        skip.deallocate()
        checks.deallocate()
        first.deallocate()
        pool.deallocate()
    }
}

extension ScanScratch {
    /// Finds every validated match whose start lies in `owned` (indices into `buffer`) and
    /// appends it to `pending` with stream offsets (`streamOffset` is the stream offset of
    /// `buffer[0]`). `names` are the field's names that count as keywords (column name, path).
    ///
    /// Complexity: O(`buffer.count`) for the skip loop plus the cost of each candidate's
    /// anchored verification, which the match limit bounds.
    func findMatches(in buffer: UnsafeRawBufferPointer, owned: Range<Int>, streamOffset: Int, names: FieldNames) {
        let scanEnd = min(buffer.count, owned.upperBound + engine.prefilter.maxPivotBack)
        guard owned.lowerBound < scanEnd, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = buffer.count
        let tables = self.tables
        let skip = tables.skip, checks = tables.checks, first = tables.first, pool = tables.pool
        var i = owned.lowerBound
        // At the start of the buffer the previous byte is taken as 0x00, a boundary.
        var previous: Int = i > 0 ? Int(base[i - 1]) : 0
        while i < scanEnd {
            let byte = Int(base[i])
            let bit = byte << 8 | previous
            previous = byte
            if skip[bit >> 3] & (UInt8(1) << UInt8(bit & 7)) != 0 {
                i += 1
                continue
            }
            let before: UInt8? = i > 0 ? base[i - 1] : nil
            for k in first[byte]..<first[byte + 1] {
                let check = checks[k]
                switch check.kind {
                case .start:
                    guard i < owned.upperBound else { continue }
                    if let before, check.bytes.contains(before) { continue }
                    if let p = check.precondition, !p.holds(base, i, count) { continue }
                    verify(check.id, at: i, in: buffer, streamOffset: streamOffset, names: names)
                case .literal:
                    guard i < owned.upperBound, i + check.literalCount <= count else { continue }
                    if let before, check.bytes.contains(before) { continue }
                    var same = true
                    var j = 1
                    while j < check.literalCount {
                        if base[i + j] != pool[check.literalStart + j] { same = false; break }
                        j += 1
                    }
                    if !same { continue }
                    if let p = check.precondition, !p.holds(base, i, count) { continue }
                    verify(check.id, at: i, in: buffer, streamOffset: streamOffset, names: names)
                case .pivot:
                    var s = i
                    let limit = max(0, i - check.maxBack)
                    while s > limit && check.bytes.contains(base[s - 1]) { s -= 1 }
                    // A start not at a boundary (the walk hit its limit) is no start.
                    if s > 0 && check.bytes.contains(base[s - 1]) { continue }
                    guard owned.contains(s), s < i else { continue }
                    if let p = check.precondition, !p.holds(base, s, count) { continue }
                    verify(check.id, at: s, in: buffer, streamOffset: streamOffset, names: names)
                }
            }
            i += 1
        }
        if hasGatedIdentifiers {
            findGatedMatches(in: buffer, base: base, owned: owned, streamOffset: streamOffset, names: names)
        }
        if engine.custom != nil {
            findCustomMatches(in: buffer, owned: owned, streamOffset: streamOffset, names: names)
        }
    }

    /// Tries the keyword-gated identifiers where a keyword lets them match: over the whole owned
    /// region when the field's name carries one of their keywords, otherwise at the starts within
    /// `keywordDistance` bytes after each occurrence of one of their keywords.
    private func findGatedMatches(in buffer: UnsafeRawBufferPointer, base: UnsafePointer<UInt8>, owned: Range<Int>,
                                  streamOffset: Int, names: FieldNames) {
        let named = gatedByName(names)
        for id in named {
            tryGated(id, owned, in: buffer, base: base, streamOffset: streamOffset, names: names)
        }
        guard let automaton = keywordAutomaton else { return }
        let distance = engine.configuration.keywordDistance
        let from = max(0, owned.lowerBound - distance - automaton.longest)
        automaton.forEachOccurrence(in: base, count: buffer.count, range: from..<owned.upperBound) { occurrence in
            for id in engine.prefilter.keywordOwners[occurrence.keyword] where !named.contains(id) {
                let lower = max(occurrence.end, owned.lowerBound, gatedScannedTo[id] - streamOffset)
                let upper = min(owned.upperBound, occurrence.end + distance + 1)
                guard lower < upper else { continue }
                tryGated(id, lower..<upper, in: buffer, base: base, streamOffset: streamOffset, names: names)
                gatedScannedTo[id] = streamOffset + upper
            }
        }
    }

    /// Runs one gated identifier's checks at every position of `range`, in order.
    private func tryGated(_ id: Int, _ range: Range<Int>, in buffer: UnsafeRawBufferPointer, base: UnsafePointer<UInt8>,
                          streamOffset: Int, names: FieldNames) {
        let checks = engine.prefilter.gatedChecks[id]
        let pool = tables.pool
        let count = buffer.count
        for i in range {
            let byte = base[i]
            for check in checks where check.firstBytes.contains(byte) {
                if i > 0, check.bytes.contains(base[i - 1]) { continue }
                if check.kind == .literal {
                    guard i + check.literalCount <= count else { continue }
                    var same = true
                    for j in 1..<max(1, check.literalCount) where base[i + j] != pool[check.literalStart + j] {
                        same = false
                        break
                    }
                    if !same { continue }
                }
                if let p = check.precondition, !p.holds(base, i, count) { continue }
                verify(id, at: i, in: buffer, streamOffset: streamOffset, names: names)
                break
            }
        }
    }

    /// The gated identifiers that one of the field's names carries a keyword of, cached per
    /// name list.
    private func gatedByName(_ source: FieldNames) -> [Int] {
        let names: [String]
        switch source {
        case .none:
            return []
        case .column(let name, let column):
            if column < gatedColumnCache.count, let cached = gatedColumnCache[column], cached.name == name {
                return cached.ids
            }
            names = [name]
        case .path:
            names = source.names
            if names.isEmpty { return [] }
            if let cached = gatedPathCache[names] { return cached }
        }
        let ids = engine.prefilter.gatedIdentifiers.filter {
            Keywords.inNames(names, keywords: engine.compiled[$0].definition.keywords) != nil
        }
        if case .column(let name, let column) = source {
            if column >= 0 && column < 4096 {
                if column >= gatedColumnCache.count {
                    gatedColumnCache += Array(repeating: nil, count: column + 1 - gatedColumnCache.count)
                }
                gatedColumnCache[column] = (name, ids)
            }
        } else {
            if gatedPathCache.count > 10_000 { gatedPathCache.removeAll(keepingCapacity: true) }
            gatedPathCache[names] = ids
        }
        return ids
    }

    /// Verifies a candidate: anchored pattern, validator, example values, keywords.
    private func verify(_ id: Int, at start: Int, in buffer: UnsafeRawBufferPointer, streamOffset: Int, names: FieldNames) {
        guard streamOffset + start >= nextStart[id] else { return }
        let identifier = engine.compiled[id]
        let end: Int
        do {
            guard let e = try identifier.pattern.matchEnd(in: buffer, at: start, state: match), e > start else { return }
            end = e
        } catch {
            matchLimitHits += 1
            return
        }
        let context = MatchContext(buffer: buffer, range: start..<end)
        let verdict = identifier.validate(context)
        if verdict == .reject { return }
        if !engine.configuration.reportExampleValues {
            if verdict == .exampleValue { return }
            if identifier.hasExamples && identifier.examples.contains(context.compacted()) { return }
        }
        var keyword: String? = nil
        if identifier.needsKeywordAlways || (identifier.mayNeedKeyword && verdict == .acceptWithKeyword) {
            if let k = Keywords.before(start, in: buffer, keywords: identifier.keywordBytes,
                                       distance: engine.configuration.keywordDistance) {
                keyword = identifier.definition.keywords[k]
            } else if let k = nameKeyword(identifier, names: names) {
                keyword = k
            } else {
                return
            }
        } else if identifier.forbidsKeyword {
            if Keywords.before(start, in: buffer, keywords: identifier.keywordBytes,
                               distance: engine.configuration.keywordDistance) != nil
                || nameKeyword(identifier, names: names) != nil {
                return
            }
        }
        nextStart[id] = streamOffset + end
        if let allowLists = engine.allowLists,
           allowLists.list(allowing: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), state: match,
                           limitHits: &custom.allowListLimitHits) != nil {
            return
        }
        let value = engine.configuration.includeValues
            ? String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self) : nil
        pending.append(PendingMatch(start: streamOffset + start, end: streamOffset + end,
                                    identifier: id, keyword: keyword, value: value))
    }

    /// The first of the identifier's keywords that one of `names` carries, cached per name list.
    private func nameKeyword(_ identifier: CompiledIdentifier, names source: FieldNames) -> String? {
        let names = source.names
        if names.isEmpty { return nil }
        let key = NameKey(identifier: identifier.index, names: names)
        if let cached = nameKeywordCache[key] { return cached }
        let found = Keywords.inNames(names, keywords: identifier.definition.keywords)
        if nameKeywordCache.count > 10_000 { nameKeywordCache.removeAll(keepingCapacity: true) }
        nameKeywordCache[key] = .some(found)
        return found
    }

    /// Orders the pending matches of a window and hands them to `sink` as findings located by
    /// `locate`. Returns `.stop` if the sink asked to stop.
    func flush<S: FindingSink>(into sink: inout S, delivered: inout Int,
                               locate: (_ start: Int, _ end: Int) -> Location) -> ScanControl {
        if pending.isEmpty { return .continue }
        if pending.count > 1 {
            pending.sort { $0.start != $1.start ? $0.start < $1.start : $0.identifier < $1.identifier }
        }
        defer { pending.removeAll(keepingCapacity: true) }
        let managedCount = engine.compiled.count
        for match in pending {
            if match.identifier >= managedCount, let custom = engine.custom {
                let definition = custom.identifiers[match.identifier - managedCount].definition
                let finding = Finding(type: definition.name, category: .customIdentifier, severity: .medium,
                                      location: locate(match.start, match.end), value: match.value, keyword: match.keyword)
                if deliverCustom(finding, identifier: match.identifier - managedCount, into: &sink,
                                 delivered: &delivered) == .stop { return .stop }
                continue
            }
            let definition = engine.compiled[match.identifier].definition
            let finding = Finding(type: definition.id, category: definition.category, severity: definition.severity,
                                  location: locate(match.start, match.end), value: match.value, keyword: match.keyword)
            delivered += 1
            if sink.receive(finding) == .stop { return .stop }
        }
        return .continue
    }
}
