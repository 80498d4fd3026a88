/// Finds every occurrence of many keywords in one pass over a buffer: an Aho–Corasick automaton
/// compiled to a DFA over byte classes.
///
/// Keyword-gated identifiers (those that always need a keyword) are not proposed by the
/// per-byte prefilter at all. Instead this automaton finds their keywords, and each occurrence
/// opens a short range after it (`keywordDistance` bytes) where only the identifiers owning that
/// keyword are tried. Data with no keyword nearby costs one table step per byte, however many
/// gated identifiers the catalog has (about a hundred driver's licence, passport, health and
/// national identifiers would otherwise each test every digit or letter).
///
/// Matching follows `Keywords.before` exactly (ASCII case folded, word edges for keywords that
/// begin or end with a letter or digit), so the gate never hides a match the keyword rule would accept;
/// the rule itself is still applied when a match is verified.
final class KeywordAutomaton: @unchecked Sendable {
    /// An occurrence: the keyword's index and the buffer index just past its last byte.
    struct Occurrence {
        var keyword: Int
        var end: Int
    }

    /// Byte to class (ASCII letters folded); class 0 is every byte no keyword contains.
    private let classOf: UnsafeMutablePointer<UInt16>
    private let classCount: Int
    /// The transition table, `classCount` entries per state. An entry is the target state's
    /// row offset (state × classCount), negated minus one when keywords end at that state, so
    /// the per-byte step is two loads and a sign test.
    private let next: UnsafeMutableBufferPointer<Int32>
    /// For each state, the keywords ending there (its own and its suffixes'), as a range into
    /// `outputList`.
    private let outputStart: UnsafeMutableBufferPointer<Int32>
    private let outputList: UnsafeMutableBufferPointer<Int32>
    /// Per keyword: length, whether it must start and end at a word edge (bit 0, bit 1).
    private let lengths: UnsafeMutableBufferPointer<Int>
    private let edges: UnsafeMutableBufferPointer<UInt8>
    /// The longest keyword, in bytes.
    let longest: Int

    /// Builds the automaton over `keywords` (lower-case bytes; empty ones never match).
    init(_ keywords: [[UInt8]]) {
        // Byte classes.
        var classes = [UInt16](repeating: 0, count: 256)
        var count = 1
        for keyword in keywords {
            for b in keyword where classes[Int(b)] == 0 {
                classes[Int(b)] = UInt16(count)
                count += 1
            }
        }
        for b in 0x41...0x5A { classes[b] = classes[b | 0x20] }  // input is folded: A-Z as a-z
        classCount = count

        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: count)]
        var out: [[Int32]] = [[]]
        for (k, keyword) in keywords.enumerated() where !keyword.isEmpty {
            var state = 0
            for b in keyword {
                let c = Int(classes[Int(b)])
                if goto[state][c] < 0 {
                    goto[state][c] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: count))
                    out.append([])
                }
                state = Int(goto[state][c])
            }
            out[state].append(Int32(k))
        }

        // Failure links, breadth first, folding into a full transition table.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for c in 0..<count {
            if goto[0][c] < 0 {
                goto[0][c] = 0
            } else {
                fail[Int(goto[0][c])] = 0
                queue.append(Int(goto[0][c]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state] += out[Int(fail[state])]
            for c in 0..<count {
                let target = goto[state][c]
                if target < 0 {
                    goto[state][c] = goto[Int(fail[state])][c]
                } else {
                    fail[Int(target)] = goto[Int(fail[state])][c]
                    queue.append(Int(target))
                }
            }
        }

        classOf = .allocate(capacity: 256)
        classOf.initialize(from: classes, count: 256)
        next = .allocate(capacity: goto.count * count)
        var outputStarts: [Int32] = []
        var outputs: [Int32] = []
        for (state, row) in goto.enumerated() {
            for c in 0..<count {
                let target = Int(row[c])
                let offset = Int32(target * count)
                next[state * count + c] = out[target].isEmpty ? offset : -offset - 1
            }
            outputStarts.append(Int32(outputs.count))
            outputs += out[state]
        }
        outputStarts.append(Int32(outputs.count))
        outputStart = .allocate(capacity: outputStarts.count)
        _ = outputStart.initialize(from: outputStarts)
        outputList = .allocate(capacity: max(1, outputs.count))
        _ = outputList.initialize(from: outputs)

        func isLetter(_ b: UInt8?) -> Bool { b.map(Keywords.isAlphanumeric) ?? false }
        lengths = .allocate(capacity: max(1, keywords.count))
        _ = lengths.initialize(from: keywords.map(\.count))
        edges = .allocate(capacity: max(1, keywords.count))
        _ = edges.initialize(from: keywords.map { (isLetter($0.first) ? 1 : 0) | (isLetter($0.last) ? 2 : 0) })
        longest = keywords.map(\.count).max() ?? 0
    }

    deinit {
        classOf.deallocate()
        next.deallocate()
        outputStart.deallocate()
        outputList.deallocate()
        lengths.deallocate()
        edges.deallocate()
    }

    /// Calls `body` for every keyword occurrence in `base[range]` that stands at word edges
    /// (judged on `base[0..<count]`), in order of end position.
    @inline(__always)
    func forEachOccurrence(in base: UnsafePointer<UInt8>, count: Int, range: Range<Int>,
                           _ body: (Occurrence) -> Void) {
        let classOf = self.classOf, next = self.next.baseAddress.unsafelyUnwrapped
        var row = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let entry = Int(next[row &+ Int(classOf[Int(base[i])])])
            i += 1
            if entry >= 0 {
                row = entry
                continue
            }
            row = -entry - 1
            let state = row / classCount
            for o in Int(outputStart[state])..<Int(outputStart[state + 1]) {
                let k = Int(outputList[o])
                let start = i - lengths[k]
                if edges[k] & 1 != 0, start > 0, Keywords.isAlphanumeric(base[start - 1]) { continue }
                if edges[k] & 2 != 0, i < count, Keywords.isAlphanumeric(base[i]) { continue }
                body(Occurrence(keyword: k, end: i))
            }
        }
    }

}
