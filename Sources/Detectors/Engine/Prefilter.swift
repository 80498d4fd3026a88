/// Candidate generation: from each identifier's `Trigger`, a table from byte value to the
/// checks that byte can start. Built once per engine.
///
/// Prefilter hits are *candidates*; a candidate becomes a *match* only when the identifier's
/// anchored pattern matches there.
struct Prefilter: Sendable {
    enum Entry: Sendable {
        /// Identifier `id` may start here if the previous byte is not in `notAfter`.
        case start(id: Int, notAfter: ByteSet)
        /// Identifier `id` may start here if `literal` follows and the previous byte is not in
        /// `notAfter`.
        case literal(id: Int, literal: [UInt8], notAfter: ByteSet)
        /// This byte is inside a match of `id`, whose start is found by walking back over `back`.
        case pivot(id: Int, back: ByteSet, maxBack: Int)
    }

    /// For each byte value, the entries it triggers (empty for most bytes).
    let entries: [[Entry]]
    /// Non-zero for bytes that trigger anything: the skip loop's table.
    let isTrigger: [UInt8]
    /// The longest walk back of any pivot trigger: how far past a window's owned region pivots
    /// must still be examined.
    let maxPivotBack: Int

    init(_ identifiers: [CompiledIdentifier]) {
        var entries = [[Entry]](repeating: [], count: 256)
        var maxBack = 0
        for identifier in identifiers {
            switch identifier.definition.trigger {
            case .start(let first, let notAfter):
                for b in 0...255 where first.contains(UInt8(b)) {
                    entries[b].append(.start(id: identifier.index, notAfter: notAfter))
                }
            case .literal(let literals, let notAfter):
                for literal in literals {
                    let bytes = Array(literal.utf8)
                    guard let first = bytes.first else { continue }
                    entries[Int(first)].append(.literal(id: identifier.index, literal: bytes, notAfter: notAfter))
                }
            case .pivot(let pivot, let back, let limit):
                entries[Int(pivot)].append(.pivot(id: identifier.index, back: back, maxBack: limit))
                maxBack = max(maxBack, limit)
            }
        }
        self.entries = entries
        self.isTrigger = entries.map { $0.isEmpty ? 0 : 1 }
        self.maxPivotBack = maxBack
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
        let prefilter = engine.prefilter
        let scanEnd = min(buffer.count, owned.upperBound + prefilter.maxPivotBack)
        guard owned.lowerBound < scanEnd, let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        prefilter.isTrigger.withUnsafeBufferPointer { isTrigger in
            var i = owned.lowerBound
            while i < scanEnd {
                // Skip loop: most bytes trigger nothing.
                while i < scanEnd && isTrigger[Int(base[i])] == 0 { i += 1 }
                if i >= scanEnd { break }
                let byte = base[i]
                let previous: UInt8? = i > 0 ? base[i - 1] : nil
                for entry in prefilter.entries[Int(byte)] {
                    switch entry {
                    case .start(let id, let notAfter):
                        guard i < owned.upperBound else { continue }
                        if let previous, notAfter.contains(previous) { continue }
                        verify(id, at: i, in: buffer, streamOffset: streamOffset, names: names)
                    case .literal(let id, let literal, let notAfter):
                        guard i < owned.upperBound, i + literal.count <= buffer.count else { continue }
                        if let previous, notAfter.contains(previous) { continue }
                        var same = true
                        for k in 1..<literal.count where base[i + k] != literal[k] { same = false; break }
                        if same { verify(id, at: i, in: buffer, streamOffset: streamOffset, names: names) }
                    case .pivot(let id, let back, let maxBack):
                        var s = i
                        let limit = max(0, i - maxBack)
                        while s > limit && back.contains(base[s - 1]) { s -= 1 }
                        // A start not at a boundary (the walk hit its limit) is no start.
                        if s > 0 && back.contains(base[s - 1]) { continue }
                        guard owned.contains(s), s < i else { continue }
                        verify(id, at: s, in: buffer, streamOffset: streamOffset, names: names)
                    }
                }
                i += 1
            }
        }
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
        let definition = identifier.definition
        let verdict = definition.validate(context)
        if verdict == .reject { return }
        if !engine.configuration.reportExampleValues && !definition.examples.isEmpty
            && definition.examples.contains(context.compacted()) {
            return
        }
        var keyword: String? = nil
        if identifier.needsKeywordAlways || (identifier.mayNeedKeyword && verdict == .acceptWithKeyword) {
            if let k = Keywords.before(start, in: buffer, keywords: identifier.keywordBytes,
                                       distance: engine.configuration.keywordDistance) {
                keyword = definition.keywords[k]
            } else if let k = nameKeyword(identifier, names: names) {
                keyword = k
            } else {
                return
            }
        }
        nextStart[id] = streamOffset + end
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
        for match in pending {
            let definition = engine.compiled[match.identifier].definition
            let finding = Finding(type: definition.id, category: definition.category, severity: definition.severity,
                                  location: locate(match.start, match.end), value: match.value, keyword: match.keyword)
            delivered += 1
            if sink.receive(finding) == .stop { return .stop }
        }
        return .continue
    }
}
