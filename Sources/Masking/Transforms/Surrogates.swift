/// A surrogate annotation found in text: `NAME(n):` followed by exactly n characters of
/// ciphertext, as `Transform.encrypt` writes it with `FormatPreservingEncryption.surrogate`.
public struct SurrogateMatch: Sendable, Hashable {
    /// The whole annotation and ciphertext, `NAME(n):ciphertext`.
    public var range: Range<String.Index>
    /// The surrogate name (`NAME`).
    public var name: String
    /// The n characters after the colon: what `ValueTransformer.decrypt` takes.
    public var ciphertext: Substring

    public init(range: Range<String.Index>, name: String, ciphertext: Substring) {
        self.range = range
        self.name = name
        self.ciphertext = ciphertext
    }
}

/// Finds surrogate annotations with one of `names` in `text`, left to right and not
/// overlapping, for `piiscan unmask`.
///
/// A match is a whole identifier (`[A-Za-z0-9_]+` not preceded by another identifier
/// character, so `XSSN(9):` does not match `SSN`), `(`, a count of 1–7 decimal digits, `):`, and
/// then that many characters (grapheme clusters, as `String.count` counts them). An annotation
/// whose text ends before n characters is skipped. O(n) in the text's length plus the
/// characters counted for each candidate. A count of 0 never matches.
public func findSurrogates(in text: String, names: Set<String>) -> [SurrogateMatch] {
    guard !names.isEmpty else { return [] }
    let utf8 = text.utf8
    var matches: [SurrogateMatch] = []
    var searchStart = utf8.startIndex
    while let open = utf8[searchStart...].firstIndex(of: UInt8(ascii: "(")) {
        searchStart = utf8.index(after: open)
        // The identifier just before "(".
        var nameStart = open
        while nameStart > utf8.startIndex {
            let previous = utf8.index(before: nameStart)
            guard isIdentifierByte(utf8[previous]) else { break }
            nameStart = previous
        }
        guard nameStart < open, names.contains(String(decoding: utf8[nameStart..<open], as: UTF8.self)) else {
            continue
        }
        // "(" digits "):"
        var cursor = utf8.index(after: open)
        var count = 0
        var digits = 0
        while cursor < utf8.endIndex, isASCIIDigit(utf8[cursor]), digits < 7 {
            count = count * 10 + Int(utf8[cursor] - 0x30)
            digits += 1
            cursor = utf8.index(after: cursor)
        }
        guard count > 0, cursor < utf8.endIndex, utf8[cursor] == UInt8(ascii: ")") else { continue }
        cursor = utf8.index(after: cursor)
        guard cursor < utf8.endIndex, utf8[cursor] == UInt8(ascii: ":") else { continue }
        cursor = utf8.index(after: cursor)
        // The ciphertext must start on a character boundary and have `count` characters.
        guard let cipherStart = cursor.samePosition(in: text),
              let cipherEnd = text.index(cipherStart, offsetBy: count, limitedBy: text.endIndex),
              let matchStart = nameStart.samePosition(in: text)
        else { continue }
        matches.append(SurrogateMatch(
            range: matchStart..<cipherEnd,
            name: String(decoding: utf8[nameStart..<open], as: UTF8.self),
            ciphertext: text[cipherStart..<cipherEnd]
        ))
        searchStart = cipherEnd
    }
    return matches
}
