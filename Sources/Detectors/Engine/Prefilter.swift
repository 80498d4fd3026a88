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
        /// For gated checks: `precondition`'s index in `PrefilterTables.preconditionTests`, or -1.
        var preconditionIndex: Int32 = -1
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
        let tables = PrefilterTables(checks: checks, first: first, blockedAfter: blocked, pool: pool,
                                     gatedPreconditions: gated.flatMap { $0.compactMap(\.precondition) })
        for id in gated.indices {
            for k in gated[id].indices {
                if let p = gated[id][k].precondition { gated[id][k].preconditionIndex = Int32(tables.preconditionIndex[p] ?? -1) }
            }
        }
        self.tables = tables
        self.gatedChecks = gated
        self.gatedIdentifiers = gated.indices.filter { !gated[$0].isEmpty }
        self.keywordOwners = owners
        self.keywords = gatedKeywords.isEmpty ? nil : KeywordAutomaton(gatedKeywords)
        self.gatedKeywordWords = gated.indices.map { id in
            gated[id].isEmpty ? [] : identifiers[id].definition.keywords.map { keyword in
                let words = Keywords.words(keyword)
                return (words, words.joined())
            }
        }
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

    /// Each gated identifier's keywords split into words once (`Keywords.words`) and joined,
    /// so that deciding which of them a column name opens splits only the name.
    let gatedKeywordWords: [[(words: [String], joined: String)]]

    /// The gated identifiers that one of `names` carries a keyword of: the same answer as
    /// `Keywords.inNames(names, keywords:) != nil` for each, with every keyword split once per
    /// engine instead of once per call.
    func gatedByNames(_ names: [String]) -> [Int] {
        let nameWords = names.map(Keywords.words)
        let nameJoined = nameWords.map { $0.joined() }
        return gatedIdentifiers.filter { id in
            gatedKeywordWords[id].contains { keyword in
                guard !keyword.words.isEmpty else { return false }
                return nameWords.indices.contains { n in
                    let candidate = nameWords[n]
                    return Self.containsRun(candidate, keyword.words) || candidate.contains(keyword.joined)
                        || nameJoined[n] == keyword.joined
                }
            }
        }
    }

    /// Whether `needle` occurs as consecutive elements of `haystack`.
    static func containsRun(_ haystack: [String], _ needle: [String]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}

/// The prefilter's tables in raw memory, so the per-byte loop does no reference counting and
/// no bounds checks. Immutable after init.
///
/// The checks a byte triggers are merged into *groups*: checks with the same kind, boundary
/// set, literal or walk-back, and precondition are decided once for all their identifiers (ten
/// countries' phone numbers share the literal `01` and one precondition). A precondition is
/// decided from a bitmap of its byte set (see `ByteClassifier`) by one load and a population
/// count.
final class PrefilterTables: @unchecked Sendable {
    /// Bit `(byte << 8) | previous` is set when `byte` at a position preceded by `previous`
    /// triggers no check at all: one load and one bit test per byte for the common case.
    let skip: UnsafeMutablePointer<UInt8>
    let checks: UnsafeMutableBufferPointer<Prefilter.Check>
    let first: UnsafeMutableBufferPointer<Int>
    let pool: UnsafeMutableBufferPointer<UInt8>
    /// Byte `b`'s groups are `groups[groupFirst[b]..<groupFirst[b + 1]]`.
    let groups: UnsafeMutableBufferPointer<CheckGroup>
    let groupFirst: UnsafeMutableBufferPointer<Int>
    /// `groupFrom[b * (needCap + 1) + min(r, needCap)]`: the first of byte `b`'s groups (from
    /// `groupFirst[b]`) that can apply with `r` bytes left in the buffer. Groups are sorted by
    /// the bytes they need, most first.
    let groupFrom: UnsafeMutableBufferPointer<UInt8>
    static let needCap = 63
    /// The identifiers of each group: `groupIDs[group.idStart..<group.idStart + group.idCount]`.
    let groupIDs: UnsafeMutableBufferPointer<Int>
    /// The distinct preconditions, and for each the index of its byte set in `classifiers`
    /// (or -1 when its window is too wide for a bitmap read and it is checked byte by byte).
    let preconditions: [Precondition]
    let preconditionTests: UnsafeMutableBufferPointer<PreconditionTest>
    /// The distinct byte sets of preconditions, at most `maxBitmaps`.
    let classifiers: [ByteClassifier]
    static let maxBitmaps = 64
    /// For each byte value, bit `s` set when the byte is in `classifiers[s]`'s set.
    let classBits: UnsafeMutablePointer<UInt64>

    /// The index of each distinct precondition in `preconditionTests`.
    let preconditionIndex: [Precondition: Int]

    init(checks: [Prefilter.Check], first: [Int], blockedAfter: [ByteSet], pool: [UInt8],
         gatedPreconditions: [Precondition]) {
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

        // Distinct preconditions and byte sets.
        var preconditions: [Precondition] = []
        var preconditionIndex: [Precondition: Int] = [:]
        var classifiers: [ByteClassifier] = []
        var setIndex: [ByteSet: Int] = [:]
        var tests: [PreconditionTest] = []
        func index(of p: Precondition?) -> Int32 {
            guard let p else { return -1 }
            if let k = preconditionIndex[p] { return Int32(k) }
            preconditionIndex[p] = preconditions.count
            preconditions.append(p)
            var set = -1
            if p.within <= 57 {
                if let k = setIndex[p.set] {
                    set = k
                } else if classifiers.count < Self.maxBitmaps {
                    set = classifiers.count
                    setIndex[p.set] = set
                    classifiers.append(ByteClassifier(p.set))
                }
            }
            let mask: UInt64 = p.within >= 64 ? .max : (UInt64(1) << UInt64(p.within)) - 1
            tests.append(PreconditionTest(set: Int32(set), minCount: Int32(p.minCount), mask: mask))
            return Int32(preconditions.count - 1)
        }

        // Groups, per byte, in the order their first check appears.
        struct Key: Hashable {
            var kind: UInt8
            var bytes: ByteSet
            var literal: [UInt8]
            var maxBack: Int
            var precondition: Precondition?
        }
        var groups: [CheckGroup] = []
        var groupFirst: [Int] = []
        var from: [UInt8] = []
        var ids: [Int] = []
        for byte in 0..<256 {
            groupFirst.append(groups.count)
            var order: [Key] = []
            var members: [Key: [Int]] = [:]
            var literalOf: [Key: (Int, Int)] = [:]
            for check in checks[first[byte]..<first[byte + 1]] {
                let literal = check.kind == .literal
                    ? Array(pool[check.literalStart..<(check.literalStart + check.literalCount)]) : []
                let key = Key(kind: check.kind.rawValue, bytes: check.bytes, literal: literal,
                              maxBack: check.kind == .pivot ? check.maxBack : 0, precondition: check.precondition)
                if members[key] == nil {
                    order.append(key)
                    literalOf[key] = (check.literalStart, check.literalCount)
                }
                if members[key, default: []].last != check.id { members[key, default: []].append(check.id) }
            }
            // The bytes a group needs from the trigger on (its literal, its precondition's
            // count; nothing for a pivot, whose start lies behind): groups that need the most
            // come first, so that near the end of a short cell most are passed over at once.
            func need(_ key: Key) -> Int {
                guard key.kind != Prefilter.Kind.pivot.rawValue else { return 0 }
                return min(Self.needCap, max(key.literal.count, key.precondition?.minCount ?? 0))
            }
            let sorted = order.enumerated().sorted { a, b in
                need(a.element) != need(b.element) ? need(a.element) > need(b.element) : a.offset < b.offset
            }.map(\.element)
            for key in sorted {
                let list = members[key] ?? []
                let (literalStart, literalCount) = literalOf[key] ?? (0, 0)
                let p = index(of: key.precondition)
                let test = p >= 0 ? tests[Int(p)] : PreconditionTest(set: -1, minCount: 0, mask: 0)
                groups.append(CheckGroup(kind: Prefilter.Kind(rawValue: key.kind) ?? .start, bytes: key.bytes,
                                         precondition: p, set: test.set, minCount: test.minCount, mask: test.mask,
                                         literalStart: Int32(literalStart), literalCount: Int32(literalCount),
                                         maxBack: Int32(key.maxBack), idStart: Int32(ids.count), idCount: Int32(list.count)))
                ids += list
            }
            for remaining in 0...Self.needCap {
                var g = 0
                while g < sorted.count && need(sorted[g]) > remaining { g += 1 }
                from.append(UInt8(clamping: g))
            }
        }
        groupFirst.append(groups.count)
        self.groups = .allocate(capacity: max(1, groups.count))
        _ = self.groups.initialize(from: groups)
        self.groupFirst = .allocate(capacity: groupFirst.count)
        _ = self.groupFirst.initialize(from: groupFirst)
        self.groupFrom = .allocate(capacity: from.count)
        _ = self.groupFrom.initialize(from: from)
        self.groupIDs = .allocate(capacity: max(1, ids.count))
        _ = self.groupIDs.initialize(from: ids)
        // The gated checks' preconditions are decided the same way.
        for p in gatedPreconditions { _ = index(of: p) }
        self.preconditions = preconditions
        self.preconditionIndex = preconditionIndex
        self.classifiers = classifiers
        self.preconditionTests = .allocate(capacity: max(1, tests.count))
        _ = self.preconditionTests.initialize(from: tests)
        classBits = .allocate(capacity: 256)
        for b in 0..<256 {
            var bits: UInt64 = 0
            for (k, classifier) in classifiers.enumerated() where classifier.set.contains(UInt8(b)) { bits |= 1 << UInt64(k) }
            classBits[b] = bits
        }
    }

    deinit {
        skip.deallocate()
        checks.deallocate()
        first.deallocate()
        pool.deallocate()
        groups.deallocate()
        groupFirst.deallocate()
        groupFrom.deallocate()
        groupIDs.deallocate()
        preconditionTests.deallocate()
        classBits.deallocate()
    }
}

/// Checks of one trigger byte that are decided together (see `PrefilterTables`).
struct CheckGroup {
    var kind: Prefilter.Kind
    /// `notAfter` for start and literal groups; the walk-back set for pivots.
    var bytes: ByteSet
    /// Index into `PrefilterTables.preconditionTests`, or -1; its test copied inline.
    var precondition: Int32
    var set: Int32
    var minCount: Int32
    var mask: UInt64
    var literalStart: Int32
    var literalCount: Int32
    var maxBack: Int32
    var idStart: Int32
    var idCount: Int32
}

/// A precondition in the form the hot loop reads: the bitmap of its set, the count it needs
/// and the mask of its window (`within` low bits).
struct PreconditionTest {
    var set: Int32
    var minCount: Int32
    var mask: UInt64
}

/// The bitmaps of one buffer, filled lazily: a set's bitmap is computed the first time a
/// precondition on it is asked about in this buffer. The storage lives only for one call of
/// `findMatches`.
struct CandidateBits {
    let tables: PrefilterTables
    let tests: UnsafeMutablePointer<PreconditionTest>
    let base: UnsafePointer<UInt8>
    let count: Int
    let firstWord: Int
    let words: UnsafeMutablePointer<UInt64>
    let stride: Int
    /// Per set, the word up to which its bitmap is filled (`Int.max` once complete). A long
    /// buffer's bitmaps are filled 4 KiB at a time as candidates ask, so a buffer with one
    /// candidate does not classify a megabyte.
    let filledTo: UnsafeMutablePointer<Int>
    /// Whether the buffer is long enough for the SIMD classifier and filling by steps; short
    /// ones (a cell) are filled whole the first time, noted in `ready`.
    let isLong: Bool
    var ready: UInt64 = 0

    /// The words of storage `CandidateBits` needs for a buffer of `count` bytes.
    static func storageWords(count: Int, tables: PrefilterTables) -> Int {
        ((count + 63) / 64 + 2) * max(1, tables.classifiers.count)
    }

    /// Bitmaps of `base[0..<count]` for candidates from `firstWord * 64` on, in `storage` of
    /// `storageWords(count:tables:)` words.
    init(tables: PrefilterTables, base: UnsafePointer<UInt8>, count: Int, firstWord: Int,
         storage: UnsafeMutablePointer<UInt64>) {
        self.tables = tables
        self.tests = tables.preconditionTests.baseAddress.unsafelyUnwrapped
        self.base = base
        self.count = count
        self.firstWord = firstWord
        self.words = storage
        self.stride = (count + 63) / 64 + 1
        let sets = max(1, tables.classifiers.count)
        let marks = UnsafeMutableRawPointer(storage + stride * sets).bindMemory(to: Int.self, capacity: sets)
        isLong = count - firstWord * 64 > 128
        if isLong { marks.initialize(repeating: firstWord, count: sets) }
        self.filledTo = marks
    }

    /// Whether precondition `index` holds at `start` (the same answer as `Precondition.holds`).
    @inline(__always)
    mutating func holds(_ index: Int32, at start: Int) -> Bool {
        let test = tests + Int(index)
        return holds(index, set: test.pointee.set, minCount: test.pointee.minCount, mask: test.pointee.mask, at: start)
    }

    /// `holds(index, at:)` with the precondition's test given inline.
    @inline(__always)
    mutating func holds(_ index: Int32, set: Int32, minCount: Int32, mask: UInt64, at start: Int) -> Bool {
        // Too few bytes left: the common case at the end of a short field.
        if count &- start < Int(minCount) { return false }
        let set = Int(set)
        guard set >= 0 else { return holdsByteByByte(index, at: start) }
        if isLong {
            let needed = (start &>> 6) &+ 2
            if filledTo[set] < needed { fill(set, needed) }
        } else if ready & (UInt64(1) << UInt64(set)) == 0 {
            fill(set, 0)
        }
        let window = ByteClassifier.window(words + set &* stride, at: start)
        return (window & mask).nonzeroBitCount >= Int(minCount)
    }

    @inline(never)
    func holdsByteByByte(_ index: Int32, at start: Int) -> Bool {
        tables.preconditions[Int(index)].holds(base, start, count)
    }

    /// Computes set `set`'s bitmap: with the SIMD classifier for long buffers, with the
    /// per-byte class table for short ones (a CSV cell), where setting up vectors costs more
    /// than it saves.
    @inline(never)
    mutating func fill(_ set: Int, _ needed: Int) {
        let bitmap = words + set &* stride
        let wordCount = (count + 63) / 64
        if isLong {
            let from = filledTo[set]
            let to = min(wordCount, max(needed, from + 64))
            tables.classifiers[set].fill(base, count: count, fromWord: from, toWord: to, into: bitmap)
            filledTo[set] = to == wordCount ? .max : to
        } else {
            let classBits = tables.classBits
            let shift = UInt64(set)
            var k = firstWord
            while k < wordCount {
                var word: UInt64 = 0
                let end = min(64, count - k * 64)
                let block = base + k * 64
                var j = 0
                while j < end {
                    word |= ((classBits[Int(block[j])] >> shift) & 1) << UInt64(j)
                    j &+= 1
                }
                bitmap[k] = word
                k &+= 1
            }
            bitmap[wordCount] = 0
            ready |= UInt64(1) << UInt64(set)
        }
    }
}

extension PrefilterTables {
    /// Calls `body(id, start)` for every candidate of the per-byte (not keyword-gated) checks
    /// whose start lies in `owned`, examining trigger bytes in `owned.lowerBound..<scanEnd`.
    /// An identifier may be proposed more than once at one start; verification is idempotent.
    @inline(__always)
    func forEachCandidate(_ base: UnsafePointer<UInt8>, count: Int, owned: Range<Int>, scanEnd: Int,
                          bits: inout CandidateBits, _ body: (_ id: Int, _ start: Int) -> Void) {
        let skip = self.skip, groups = self.groups.baseAddress.unsafelyUnwrapped
        let groupFirst = self.groupFirst.baseAddress.unsafelyUnwrapped, ids = self.groupIDs.baseAddress.unsafelyUnwrapped
        let pool = self.pool.baseAddress.unsafelyUnwrapped
        var i = owned.lowerBound
        // At the start of the buffer the previous byte is taken as 0x00, a boundary.
        var previous: Int = i > 0 ? Int(base[i - 1]) : 0
        while i < scanEnd {
            let byte = Int(base[i])
            let bit = byte << 8 | previous
            previous = byte
            if skip[bit >> 3] & (UInt8(1) << UInt8(bit & 7)) != 0 {
                i &+= 1
                continue
            }
            let hasBefore = i > 0
            let before: UInt8 = hasBefore ? base[i - 1] : 0
            let remaining = min(count &- i, PrefilterTables.needCap)
            var g = groupFirst[byte] &+ Int(groupFrom[byte &* (PrefilterTables.needCap &+ 1) &+ remaining])
            let groupEnd = groupFirst[byte + 1]
            while g < groupEnd {
                let group = groups + g
                g &+= 1
                var start = i
                switch group.pointee.kind {
                case .start:
                    guard i < owned.upperBound else { continue }
                    if hasBefore && group.pointee.bytes.contains(before) { continue }
                case .literal:
                    let n = Int(group.pointee.literalCount)
                    guard i < owned.upperBound, i + n <= count else { continue }
                    if hasBefore && group.pointee.bytes.contains(before) { continue }
                    let literal = pool + Int(group.pointee.literalStart)
                    var j = 1
                    while j < n && base[i + j] == literal[j] { j &+= 1 }
                    if j < n { continue }
                case .pivot:
                    let back = group.pointee.bytes
                    var s = i
                    let limit = max(0, i - Int(group.pointee.maxBack))
                    while s > limit && back.contains(base[s - 1]) { s -= 1 }
                    // A start not at a boundary (the walk hit its limit) is no start.
                    if s > 0 && back.contains(base[s - 1]) { continue }
                    guard owned.contains(s), s < i else { continue }
                    start = s
                }
                let p = group.pointee.precondition
                if p >= 0 && !bits.holds(p, set: group.pointee.set, minCount: group.pointee.minCount,
                                          mask: group.pointee.mask, at: start) { continue }
                let idStart = Int(group.pointee.idStart)
                for k in idStart..<(idStart + Int(group.pointee.idCount)) {
                    body(ids[k], start)
                }
            }
            i &+= 1
        }
    }
}

extension ScanScratch {
    /// Finds every validated match whose start lies in `owned` (indices into `buffer`) and
    /// appends it to `pending` with stream offsets (`streamOffset` is the stream offset of
    /// `buffer[0]`). `names` are the field's names that count as keywords (column name, path).
    ///
    /// Complexity: O(`buffer.count`) for the skip loop plus the cost of each candidate's
    /// anchored verification, which the match limit bounds.
    /// `openedByName`, when given, is `gatedByName(names)` worked out by the caller (which can
    /// cache it per field path more cheaply than by name list).
    func findMatches(in buffer: UnsafeRawBufferPointer, owned: Range<Int>, streamOffset: Int, names: FieldNames,
                     openedByName: [Int]? = nil) {
        let scanEnd = min(buffer.count, owned.upperBound + engine.prefilter.maxPivotBack)
        guard owned.lowerBound < scanEnd, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = buffer.count
        let tables = self.tables
        let words = CandidateBits.storageWords(count: count, tables: tables)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { storage in
            var bits = CandidateBits(tables: tables, base: base, count: count, firstWord: owned.lowerBound / 64,
                                     storage: storage.baseAddress.unsafelyUnwrapped)
            tables.forEachCandidate(base, count: count, owned: owned, scanEnd: scanEnd, bits: &bits) { id, start in
                verify(id, at: start, in: buffer, streamOffset: streamOffset, names: names)
            }
            if hasGatedIdentifiers {
                findGatedMatches(in: buffer, base: base, owned: owned, streamOffset: streamOffset, names: names,
                                 named: openedByName ?? gatedByName(names), bits: &bits)
            }
        }
        if engine.custom != nil {
            findCustomMatches(in: buffer, owned: owned, streamOffset: streamOffset, names: names)
        }
    }

    /// Tries the keyword-gated identifiers where a keyword lets them match: over the whole owned
    /// region when the field's name carries one of their keywords, otherwise at the starts within
    /// `keywordDistance` bytes after each occurrence of one of their keywords.
    private func findGatedMatches(in buffer: UnsafeRawBufferPointer, base: UnsafePointer<UInt8>, owned: Range<Int>,
                                  streamOffset: Int, names: FieldNames, named: [Int], bits: inout CandidateBits) {
        for id in named {
            tryGated(id, owned, in: buffer, base: base, streamOffset: streamOffset, names: names, bits: &bits)
        }
        guard let automaton = keywordAutomaton else { return }
        let distance = engine.configuration.keywordDistance
        let from = max(0, owned.lowerBound - distance - automaton.longest)
        automaton.forEachOccurrence(in: base, count: buffer.count, range: from..<owned.upperBound) { occurrence in
            for id in engine.prefilter.keywordOwners[occurrence.keyword] where !named.contains(id) {
                let lower = max(occurrence.end, owned.lowerBound, gatedScannedTo[id] - streamOffset)
                let upper = min(owned.upperBound, occurrence.end + distance + 1)
                guard lower < upper else { continue }
                tryGated(id, lower..<upper, in: buffer, base: base, streamOffset: streamOffset, names: names, bits: &bits)
                gatedScannedTo[id] = streamOffset + upper
            }
        }
    }

    /// Runs one gated identifier's checks at every position of `range`, in order.
    private func tryGated(_ id: Int, _ range: Range<Int>, in buffer: UnsafeRawBufferPointer, base: UnsafePointer<UInt8>,
                          streamOffset: Int, names: FieldNames, bits: inout CandidateBits) {
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
                if check.preconditionIndex >= 0 && !bits.holds(check.preconditionIndex, at: i) { continue }
                verify(id, at: i, in: buffer, streamOffset: streamOffset, names: names)
                break
            }
        }
    }

    /// The gated identifiers that one of the field's names carries a keyword of, cached per
    /// name list.
    func gatedByName(_ source: FieldNames) -> [Int] {
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
        let ids = engine.prefilter.gatedByNames(names)
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
