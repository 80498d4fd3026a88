extension FileFormat {
    /// The format to read a file with, from its name and the first bytes of its content.
    ///
    /// The extension decides (`.csv`; `.tsv`/`.tab`; `.json`; `.jsonl`/`.ndjson`/`.jsonlines`;
    /// anything else is text) unless the content says otherwise: a `.json` file that is really
    /// JSON Lines is `.jsonl`, a `.csv`/`.tsv` file that is clearly JSON is read as JSON. With no
    /// extension or a vague one (`.txt`, `.log`, `.dat`...) the content is sniffed: JSON,
    /// JSON Lines, then lines with a consistent count of tabs (TSV) or commas outside quotes (CSV).
    ///
    /// Content starting with Parquet's magic `PAR1` (or `PARE`, encrypted) is `.parquet`, whatever
    /// the extension. Returns nil for binary containers this version does not read (gzip, zip,
    /// PNG, JPEG, PDF). Other content, even with NUL bytes, is text. O(prefix.count).
    ///
    /// - Parameters:
    ///   - path: the file's path (only its last component's extension is used).
    ///   - prefix: the first bytes of the file, up to 64 KiB (all of it if shorter).
    public static func detect(path: String, prefix: UnsafeRawBufferPointer) -> FileFormat? {
        if prefix.starts(with: "PAR1".utf8) || prefix.starts(with: "PARE".utf8) { return .parquet }
        if isUnsupportedContainer(prefix) { return nil }
        let sniffer = FormatSniffer(prefix)
        switch fileExtension(of: path) {
        case "csv":
            return sniffer.jsonKind() ?? .csv
        case "tsv", "tab":
            return sniffer.jsonKind() ?? .tsv
        case "json":
            return sniffer.jsonKind() == .jsonl ? .jsonl : .json
        case "jsonl", "ndjson", "jsonlines":
            // Only a whole value spanning several lines says "not JSON Lines".
            return sniffer.jsonShape()?.isMultiLineDocument == true ? .json : .jsonl
        case "", "txt", "text", "log", "dat", "data", "out":
            return sniffer.jsonKind() ?? sniffer.delimitedKind() ?? .text
        default:
            return .text
        }
    }

    /// The lower-cased extension of the last path component ("" when there is none).
    static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// True for the magic bytes of gzip, zip, PNG, JPEG and PDF files (and Parquet's, which
    /// `detect` checks first).
    static func isUnsupportedContainer(_ prefix: UnsafeRawBufferPointer) -> Bool {
        func starts(_ magic: [UInt8]) -> Bool {
            prefix.count >= magic.count && zip(prefix, magic).allSatisfy { $0 == $1 }
        }
        return starts(Array("PAR1".utf8))
            || starts([0x1F, 0x8B])
            || starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06])
            || starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            || starts([0xFF, 0xD8, 0xFF])
            || starts(Array("%PDF".utf8))
    }
}

/// Looks at the first bytes of a file to tell JSON, JSON Lines, CSV and TSV apart.
struct FormatSniffer {
    let bytes: UnsafeRawBufferPointer
    /// Where the content starts (after a UTF-8 BOM).
    let start: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 } else { start = 0 }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// `.jsonl` when the first line is a whole JSON value and the next non-blank line starts
    /// with `{` or `[`; `.json` when the content starts with a JSON object or array that is
    /// valid as far as the prefix goes; nil otherwise.
    func jsonKind() -> FileFormat? { jsonShape()?.format }

    /// What the start of the content says about JSON: the format, and whether the first value
    /// is complete in the prefix and spans several lines.
    func jsonShape() -> (format: FileFormat, isMultiLineDocument: Bool)? {
        var i = start
        while i < bytes.count && Self.isSpace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "[") else { return nil }
        let valueStart = i
        var checker = JSONSyntaxCheck(bytes: bytes, position: i)
        switch checker.value(depth: 0) {
        case .invalid:
            return nil
        case .truncated:
            return (.json, false)
        case .valid:
            break
        }
        let valueEnd = checker.position
        let oneLine = !bytes[valueStart..<valueEnd].contains(0x0A) && !bytes[valueStart..<valueEnd].contains(0x0D)
        // The next non-blank content.
        var j = valueEnd
        var sawNewline = false
        while j < bytes.count && Self.isSpace(bytes[j]) {
            if bytes[j] == 0x0A || bytes[j] == 0x0D { sawNewline = true }
            j += 1
        }
        if oneLine && sawNewline && j < bytes.count && (bytes[j] == UInt8(ascii: "{") || bytes[j] == UInt8(ascii: "[")) {
            return (.jsonl, false)
        }
        return (.json, !oneLine)
    }

    /// `.tsv` or `.csv` when at least two lines have the same count (at least one) of tabs or of
    /// commas outside quotes; nil otherwise.
    func delimitedKind() -> FileFormat? {
        if consistentCount(of: 0x09) { return .tsv }
        if consistentCount(of: UInt8(ascii: ",")) { return .csv }
        return nil
    }

    /// Counts `separator` outside quotes on each of the first lines (up to 20), ignoring a last
    /// line cut by the end of the prefix when there are others.
    private func consistentCount(of separator: UInt8) -> Bool {
        var counts: [Int] = []
        var count = 0
        var inQuotes = false
        var lineHasContent = false
        var i = start
        while i < bytes.count && counts.count < 20 {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
                lineHasContent = true
            } else if !inQuotes && (b == 0x0A || b == 0x0D) {
                if lineHasContent { counts.append(count) }
                count = 0
                lineHasContent = false
            } else {
                if b == separator && !inQuotes { count += 1 }
                lineHasContent = true
            }
            i += 1
        }
        if lineHasContent && !inQuotes && counts.count < 2 { counts.append(count) }
        guard counts.count >= 2, let first = counts.first, first >= 1 else { return false }
        return counts.allSatisfy { $0 == first }
    }
}

/// A strict JSON syntax check over a byte buffer that may stop before the value ends.
struct JSONSyntaxCheck {
    enum Outcome { case valid, invalid, truncated }

    let bytes: UnsafeRawBufferPointer
    var position: Int
    static let maxDepth = 512

    private mutating func skipSpace() {
        while position < bytes.count {
            let b = bytes[position]
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
            position += 1
        }
    }

    mutating func value(depth: Int) -> Outcome {
        skipSpace()
        guard position < bytes.count else { return .truncated }
        guard depth < Self.maxDepth else { return .invalid }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            skipSpace()
            guard position < bytes.count else { return .truncated }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .valid }
            while true {
                skipSpace()
                guard position < bytes.count else { return .truncated }
                guard bytes[position] == UInt8(ascii: "\"") else { return .invalid }
                let key = string()
                guard key == .valid else { return key }
                skipSpace()
                guard position < bytes.count else { return .truncated }
                guard bytes[position] == UInt8(ascii: ":") else { return .invalid }
                position += 1
                let member = value(depth: depth + 1)
                guard member == .valid else { return member }
                skipSpace()
                guard position < bytes.count else { return .truncated }
                let b = bytes[position]
                position += 1
                if b == UInt8(ascii: "}") { return .valid }
                guard b == UInt8(ascii: ",") else { return .invalid }
            }
        case UInt8(ascii: "["):
            position += 1
            skipSpace()
            guard position < bytes.count else { return .truncated }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .valid }
            while true {
                let element = value(depth: depth + 1)
                guard element == .valid else { return element }
                skipSpace()
                guard position < bytes.count else { return .truncated }
                let b = bytes[position]
                position += 1
                if b == UInt8(ascii: "]") { return .valid }
                guard b == UInt8(ascii: ",") else { return .invalid }
            }
        case UInt8(ascii: "\""):
            return string()
        case UInt8(ascii: "t"):
            return literal("true")
        case UInt8(ascii: "f"):
            return literal("false")
        case UInt8(ascii: "n"):
            return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return number()
        default:
            return .invalid
        }
    }

    private mutating func string() -> Outcome {
        position += 1
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            if b == UInt8(ascii: "\"") { return .valid }
            if b < 0x20 { return .invalid }
            if b == UInt8(ascii: "\\") {
                guard position < bytes.count else { return .truncated }
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        guard position < bytes.count else { return .truncated }
                        guard hexValue(bytes[position]) != nil else { return .invalid }
                        position += 1
                    }
                default:
                    return .invalid
                }
            }
        }
        return .truncated
    }

    private mutating func literal(_ word: StaticString) -> Outcome {
        let text = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expected in text {
            guard position < bytes.count else { return .truncated }
            guard bytes[position] == expected else { return .invalid }
            position += 1
        }
        return .valid
    }

    private mutating func number() -> Outcome {
        let begin = position
        while position < bytes.count, isNumberByte(bytes[position]) { position += 1 }
        if position == bytes.count { return .truncated }
        return isValidJSONNumber(UnsafeRawBufferPointer(rebasing: bytes[begin..<position])) ? .valid : .invalid
    }
}

/// True for the bytes a JSON number can hold.
func isNumberByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
        || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
}

/// The value of a hexadecimal digit.
func hexValue(_ b: UInt8) -> UInt32? {
    switch b {
    case 0x30...0x39: return UInt32(b - 0x30)
    case 0x41...0x46: return UInt32(b - 0x41 + 10)
    case 0x61...0x66: return UInt32(b - 0x61 + 10)
    default: return nil
    }
}

/// True when `text` follows the JSON number grammar `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
func isValidJSONNumber<Bytes: Collection>(_ text: Bytes) -> Bool where Bytes.Element == UInt8 {
    var it = text.makeIterator()
    var b = it.next()
    func isDigit(_ c: UInt8?) -> Bool { c.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
    if b == UInt8(ascii: "-") { b = it.next() }
    guard isDigit(b) else { return false }
    if b == UInt8(ascii: "0") {
        b = it.next()
    } else {
        while isDigit(b) { b = it.next() }
    }
    if b == UInt8(ascii: ".") {
        b = it.next()
        guard isDigit(b) else { return false }
        while isDigit(b) { b = it.next() }
    }
    if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
        b = it.next()
        if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") { b = it.next() }
        guard isDigit(b) else { return false }
        while isDigit(b) { b = it.next() }
    }
    return b == nil
}
