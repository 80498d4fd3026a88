/// Finding and verifying custom identifiers' matches in a window or a field.
///
/// Exactness across windows: a candidate at `s` is matched against at most
/// `customMatchLength` bytes from `s` (`s + L`), with hard partial matching whenever that is not
/// the real end of the data. A match attempt that reaches `s + L` is therefore *partial* in
/// every window, whatever the chunk size, and is not reported (the search resumes at `s + L`).
/// Since the forward context is at least `L` and the back context covers the longest keyword
/// reach and lookbehind, the outcome at `s` depends only on the data, never on where the
/// window boundaries fall.
extension ScanScratch {
    /// Finds the custom identifiers' matches that start in `owned` and appends them to
    /// `pending` (stream offsets; identifiers numbered after the managed ones).
    ///
    /// Complexity: O(`owned.count`) for the first-byte pass and the keyword pass, plus one
    /// anchored verification per candidate (bounded by the match limit and the match length),
    /// plus one unanchored search per window for patterns without a first-byte set.
    func findCustomMatches(in buffer: UnsafeRawBufferPointer, owned: Range<Int>, streamOffset: Int, names: FieldNames) {
        guard let set = engine.custom, !owned.isEmpty,
              let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let endIsReal = owned.upperBound == buffer.count
        let context = CustomWindow(buffer: buffer, base: base, streamOffset: streamOffset, names: names, endIsReal: endIsReal,
                                   hot: set.hot, matchLength: set.matchLength)
        if custom.trace != nil {
            for identifier in set.identifiers where !custom.disabled[identifier.index] {
                tryCustom(identifier.index, in: owned, context)
            }
            return
        }
        if set.hasTriggers {
            let skip = set.skip, first = set.first, ids = set.ids, notAfter = set.notAfter
            var i = owned.lowerBound
            // At the buffer's start there is no previous byte: nothing is skipped there.
            var previous = i > 0 ? Int(base[i - 1]) : -1
            while i < owned.upperBound {
                let byte = Int(base[i])
                if previous >= 0 {
                    let bit = byte << 8 | previous
                    if skip[bit >> 3] & (UInt8(1) << UInt8(bit & 7)) != 0 {
                        previous = byte
                        i += 1
                        continue
                    }
                }
                for k in first[byte]..<first[byte + 1] {
                    let id = ids[k]
                    if previous >= 0 && notAfter[id << 8 | byte].contains(UInt8(previous)) { continue }
                    if !custom.disabled[id] { _ = verifyCustom(id, at: i, context) }
                }
                previous = byte
                i += 1
            }
        }
        for id in set.searched where !custom.disabled[id] {
            searchCustom(id, in: owned, context)
        }
        if !set.gated.isEmpty {
            findGatedCustomMatches(set, owned: owned, context)
        }
    }

    /// Tries the identifiers with keywords: over the whole field when its name carries one of
    /// their keywords, otherwise only where a match could end within their distance of a keyword.
    private func findGatedCustomMatches(_ set: CustomIdentifierSet, owned: Range<Int>, _ context: CustomWindow) {
        let named = customGatedByName(set, context.names)
        for id in named where !custom.disabled[id] {
            tryCustom(id, in: owned, context)
        }
        guard let automaton = set.automaton else { return }
        let from = max(0, owned.lowerBound - set.keywordReach)
        let offset = context.streamOffset
        automaton.forEachOccurrence(in: context.base, count: context.buffer.count, range: from..<owned.upperBound) { occurrence in
            for id in set.keywordOwners[occurrence.keyword] where !custom.disabled[id] && !named.contains(id) {
                let identifier = set.identifiers[id]
                let lower = max(occurrence.end, owned.lowerBound, custom.scannedTo[id] - offset)
                // The match must end within `distance` bytes of the keyword's end.
                let upper = min(owned.upperBound, occurrence.end + identifier.distance - identifier.minLength + 1)
                guard lower < upper else { continue }
                tryCustom(id, in: lower..<upper, context)
                custom.scannedTo[id] = offset + upper
            }
        }
    }

    /// Tries one identifier at every position of `range` that can start its match.
    private func tryCustom(_ id: Int, in range: Range<Int>, _ context: CustomWindow) {
        guard let firstBytes = context.hot[id].firstBytes else {
            searchCustom(id, in: range, context)
            return
        }
        let notAfter = engine.custom.unsafelyUnwrapped.notAfter
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = context.base[i]
            if firstBytes.contains(byte) && (i == 0 || !notAfter[id << 8 | Int(byte)].contains(context.base[i - 1])) {
                if custom.disabled[id] { return }
                _ = verifyCustom(id, at: i, context)
            }
            i += 1
        }
    }

    /// Searches `range` with the identifier's unanchored pattern; each match start found is
    /// verified as a candidate would be (same subject bound, same rules), so the outcome is the
    /// same as trying every position. The search's subject ends `matchLength` bytes after the
    /// range: a match that counts fits in it, and a start it finds only because the subject was
    /// cut is then rejected by the verification.
    private func searchCustom(_ id: Int, in range: Range<Int>, _ context: CustomWindow) {
        guard let pattern = context.hot[id].unanchored else {
            tryCustom(id, in: range, context)
            return
        }
        let length = min(context.buffer.count, range.upperBound + context.matchLength)
        var position = range.lowerBound
        while position < range.upperBound && !custom.disabled[id] {
            position = max(position, custom.nextStart[id] - context.streamOffset)
            guard position < range.upperBound else { return }
            let outcome: PCRE2Outcome
            do {
                outcome = try pattern.search(in: context.base, length: length, from: position, state: match)
            } catch {
                disableCustom(id)
                return
            }
            guard case .match = outcome, let found = match.range(ofGroup: 0) else { return }
            let start = found.lowerBound
            guard start < range.upperBound else { return }
            let end = verifyCustom(id, at: start, context)
            position = max(start + 1, end ?? 0)
        }
    }

    /// Verifies a candidate of custom identifier `id` at `start`: anchored match within the
    /// match-length bound, then the rules (`acceptCustom`). Returns the end of the buffer range
    /// the match consumed (nil when it consumed nothing: no match, or no keyword).
    @inline(__always)
    @discardableResult
    private func verifyCustom(_ id: Int, at start: Int, _ context: CustomWindow) -> Int? {
        let offset = context.streamOffset
        if offset + start < custom.nextStart[id] { return nil }
        let check = context.hot[id]
        let count = context.buffer.count
        if start + check.minLength > count { return nil }
        let limit = start + context.matchLength
        let length = min(count, limit)
        let partial = !(length == count && context.endIsReal)
        let outcome: PCRE2Outcome
        do {
            outcome = try check.anchored.match(in: context.base, length: length, at: start, partial: partial, state: match)
        } catch {
            disableCustom(id)
            return nil
        }
        switch outcome {
        case .noMatch:
            return nil
        case .partial:
            custom.overlong[id] += 1
            custom.nextStart[id] = offset + limit
            return limit
        case .match:
            return acceptCustom(id, context)
        }
    }

    /// Applies the rules to the match PCRE2 just found (its ovector is in `match`): keywords,
    /// ignore words, capture group, check, allow lists; records it in `pending` if it passes.
    @inline(never)
    private func acceptCustom(_ id: Int, _ context: CustomWindow) -> Int? {
        let offset = context.streamOffset
        let identifier = engine.custom.unsafelyUnwrapped.identifiers[id]
        let buffer = context.buffer
        guard let whole = match.range(ofGroup: 0), whole.upperBound > whole.lowerBound else { return nil }
        let reported = identifier.group == 0 ? whole : match.range(ofGroup: identifier.group)

        // Keywords: one must end before the match and within `distance` bytes of its end.
        var keyword: String? = nil
        var keywordInName = false
        if identifier.requiresKeyword {
            let reach = identifier.distance - whole.count
            if reach >= 0, let k = Keywords.before(whole.lowerBound, in: buffer, keywords: identifier.keywordBytes,
                                                   distance: reach) {
                keyword = identifier.lowerKeywords[k]
            } else if let k = customNameKeyword(identifier, context.names) {
                keyword = k
                keywordInName = true
            } else {
                traceCustom(id, whole, context, .noKeyword)
                return nil
            }
        }
        // From here the match consumes its bytes, reported or not.
        custom.nextStart[id] = offset + whole.upperBound
        let matched = UnsafeRawBufferPointer(rebasing: buffer[whole])
        if let w = identifier.containsIgnoreWord(matched) {
            traceCustom(id, whole, context, .ignoreWord(identifier.definition.ignoreWords[w]))
            return whole.upperBound
        }
        guard let reported, !reported.isEmpty else {
            traceCustom(id, whole, context, .captureGroupDidNotMatch)
            return whole.upperBound
        }
        let text = UnsafeRawBufferPointer(rebasing: buffer[reported])
        if let check = identifier.check, !check.passes(text) {
            traceCustom(id, reported, context, .checkFailed(check))
            return whole.upperBound
        }
        if let allowLists = engine.allowLists,
           let list = allowLists.list(allowing: text, state: match, limitHits: &custom.allowListLimitHits) {
            traceCustom(id, reported, context, .allowed(list: list))
            return whole.upperBound
        }
        traceCustom(id, reported, context, .reported(keyword: keyword, keywordInName: keywordInName, check: identifier.check))
        let value = engine.configuration.includeValues || custom.trace != nil
            ? String(decoding: text, as: UTF8.self) : nil
        pending.append(PendingMatch(start: offset + reported.lowerBound, end: offset + reported.upperBound,
                                    identifier: engine.compiled.count + id, keyword: keyword, value: value))
        return whole.upperBound
    }

    /// Switches identifier `id` off for the rest of the object after it hit the match limit.
    private func disableCustom(_ id: Int) {
        custom.disabled[id] = true
    }

    private func traceCustom(_ id: Int, _ range: Range<Int>, _ context: CustomWindow, _ outcome: CustomIdentifierTest.Outcome) {
        guard custom.trace != nil else { return }
        let start = context.streamOffset + range.lowerBound, end = context.streamOffset + range.upperBound
        // Matches dropped for want of a keyword are recorded once per overlapping run.
        if case .noKeyword = outcome, let last = custom.trace?.last(where: { $0.identifier == id }),
           case .noKeyword = last.outcome, last.streamRange.upperBound > start {
            return
        }
        let value = String(decoding: UnsafeRawBufferPointer(rebasing: context.buffer[range]), as: UTF8.self)
        custom.trace?.append(CustomTraceEvent(identifier: id, streamRange: start..<end, value: value,
                                              field: context.names.label, outcome: outcome))
    }

    /// The gated identifiers that one of the field's names carries a keyword of, cached per
    /// column number or path.
    private func customGatedByName(_ set: CustomIdentifierSet, _ source: FieldNames) -> [Int] {
        let names: [String]
        switch source {
        case .none:
            return []
        case .column(let name, let column):
            if column < custom.columnCache.count, let cached = custom.columnCache[column], cached.name == name {
                return cached.ids
            }
            names = [name]
        case .path:
            names = source.names
            if names.isEmpty { return [] }
            if let cached = custom.pathCache[names] { return cached }
        }
        let ids = set.gated.filter { Keywords.inNames(names, keywords: set.identifiers[$0].lowerKeywords) != nil }
        if case .column(let name, let column) = source {
            if column >= 0 && column < 4096 {
                if column >= custom.columnCache.count {
                    custom.columnCache += Array(repeating: nil, count: column + 1 - custom.columnCache.count)
                }
                custom.columnCache[column] = (name, ids)
            }
        } else {
            if custom.pathCache.count > 10_000 { custom.pathCache.removeAll(keepingCapacity: true) }
            custom.pathCache[names] = ids
        }
        return ids
    }

    /// The first of the identifier's keywords that one of the field's names carries.
    private func customNameKeyword(_ identifier: CompiledCustomIdentifier, _ source: FieldNames) -> String? {
        let names = source.names
        if names.isEmpty { return nil }
        let key = NameKey(identifier: -1 - identifier.index, names: names)
        if let cached = custom.nameKeywordCache[key] { return cached }
        let found = Keywords.inNames(names, keywords: identifier.lowerKeywords)
        if custom.nameKeywordCache.count > 10_000 { custom.nameKeywordCache.removeAll(keepingCapacity: true) }
        custom.nameKeywordCache[key] = .some(found)
        return found
    }
}

/// What a custom identifier's verification needs to know about the window or field.
struct CustomWindow {
    let buffer: UnsafeRawBufferPointer
    let base: UnsafePointer<UInt8>
    let streamOffset: Int
    let names: FieldNames
    /// Whether the buffer's end is the end of the data (the field, or the stream's last window).
    let endIsReal: Bool
    let hot: UnsafeMutableBufferPointer<CustomCandidateCheck>
    let matchLength: Int
}

extension FieldNames {
    /// The column name or JSONPath, for `piiscan identifiers test`.
    var label: String? {
        switch self {
        case .none: return nil
        case .column(let name, _): return "column \(name)"
        case .path(let path, _): return path.description
        }
    }
}
