#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a JSON document file and hands every string, number and object key to a
/// `FieldVisitor`, with its path (`$.user.emails[2]`) and exact file offsets.
///
/// - Strings are decoded (all escapes; `\uXXXX` and surrogate pairs become UTF-8, a lone
///   surrogate becomes U+FFFD); the offset map has an anchor after each escape. Invalid UTF-8
///   is passed through as it is.
/// - Numbers are delivered as their text; `true`, `false` and `null` are not delivered.
/// - Object keys are delivered with `isName`, at the path of the member they name.
/// - Several top-level values in one file are allowed; the record index counts them from 0.
/// - After a syntax error the issue is noted and the rest of the file is delivered as raw
///   pieces at path `$` with the same record index. Nesting deeper than `maxDepth` is noted and
///   the rest of that value is delivered raw the same way.
///
/// Memory is bounded by the read buffer (1 MiB), `pieceSize` and `maxDepth`. O(n) in the file size.
public struct JSONReader: Sendable {
    /// The largest piece handed to the visitor; longer strings come in several pieces.
    public var pieceSize: Int
    /// The deepest nesting of objects and arrays that is parsed.
    public var maxDepth: Int
    /// The size of the read buffer (smaller in tests).
    var bufferSize: Int = 1 << 20

    /// A reader with the given piece size and nesting limit.
    public init(pieceSize: Int = 1 << 20, maxDepth: Int = 512) {
        self.pieceSize = max(1, pieceSize)
        self.maxDepth = max(1, maxDepth)
    }

    /// Reads `source` to its end (or until the visitor returns false) and reports what it saw.
    ///
    /// - Throws: the source's `ReadError`; problems in the content are issues in the report.
    public func read<Source: ByteSource, Visitor: FieldVisitor>(
        from source: inout Source, into visitor: inout Visitor
    ) throws(ReadError) -> ReadReport {
        var core = JSONCore(source: source, bufferSize: bufferSize, pieceSize: pieceSize, maxDepth: maxDepth)
        defer {
            if let used = core.source as? Source { source = used }
            core.deallocate()
        }
        try core.readDocument(visitor: &visitor)
        return core.report
    }
}

/// Reads a JSON Lines file: one JSON value per line, the record index is the line number from 0.
///
/// Values are delivered as by `JSONReader`. Blank lines are counted and deliver nothing. A line
/// that is not valid JSON is noted as a `.malformed` issue and delivered whole, as one raw value
/// at path `$` (so nothing is dropped), then reading goes on with the next line. A line nested
/// deeper than `maxDepth` is noted and delivered raw from the place where it got too deep.
///
/// Lines that fit in the read buffer (1 MiB) are checked before anything of them is delivered;
/// a longer line is parsed as it streams by, so when it turns out malformed, what was parsed
/// before the error has been delivered already and only the rest of the line comes raw.
public struct JSONLinesReader: Sendable {
    /// The largest piece handed to the visitor; longer strings come in several pieces.
    public var pieceSize: Int
    /// The deepest nesting of objects and arrays that is parsed.
    public var maxDepth: Int
    /// The size of the read buffer (smaller in tests).
    var bufferSize: Int = 1 << 20

    /// A reader with the given piece size and nesting limit.
    public init(pieceSize: Int = 1 << 20, maxDepth: Int = 512) {
        self.pieceSize = max(1, pieceSize)
        self.maxDepth = max(1, maxDepth)
    }

    /// Reads `source` to its end (or until the visitor returns false) and reports what it saw.
    ///
    /// - Throws: the source's `ReadError`; problems in the content are issues in the report.
    public func read<Source: ByteSource, Visitor: FieldVisitor>(
        from source: inout Source, into visitor: inout Visitor
    ) throws(ReadError) -> ReadReport {
        var core = JSONCore(source: source, bufferSize: bufferSize, pieceSize: pieceSize, maxDepth: maxDepth)
        defer {
            if let used = core.source as? Source { source = used }
            core.deallocate()
        }
        try core.readLines(visitor: &visitor)
        return core.report
    }
}

/// A place in the input where parsing failed.
struct JSONProblem {
    var offset: Int
    var line: Int
    var column: Int
    var message: String
    /// Where raw delivery resumes (a file offset at or before the parse position).
    var resume: Int
}

/// How parsing one value ended.
enum JSONOutcome {
    case done
    case stopped
    case malformed(JSONProblem)
    case tooDeep(JSONProblem)
}

/// The streaming tokenizer and parser shared by `JSONReader` and `JSONLinesReader`.
///
/// It pulls bytes from the source through one buffer; a value's bytes are handed to the
/// `PieceAssembler` before the buffer is refilled, so nothing but the current piece is kept.
///
/// The core is not generic over the source (it holds it as `any ByteSource`, called once per
/// buffer) so that its fields have a fixed layout even when the reader is not specialized.
struct JSONCore {
    private struct Container {
        var isObject: Bool
        var count: Int
    }

    private enum RawEnd {
        /// The end of the input.
        case input
        /// The next line feed (not included).
        case line
        /// The bracket that closes the value, `depth` levels up.
        case value(depth: Int)
    }

    private enum Step { case value, key, afterValue }

    var source: any ByteSource
    private let buffer: UnsafeMutableRawBufferPointer
    /// Next byte to read, end of the valid bytes, file offset of `buffer[0]`.
    private var pos = 0
    private var end = 0
    private var base = 0
    private var sourceDone = false
    /// While set, the bytes from this buffer index on are kept when the buffer is refilled (the
    /// start of a literal or an escape, where raw delivery resumes if it turns out broken).
    private var mark: Int? = nil
    /// A JSON Lines line is parsed in the buffer: no refill past `end`.
    private var limitActive = false
    /// JSON Lines: a line feed ends the record rather than being white space.
    private var newlineEnds = false
    private var line = 1
    private var lineStart = 0
    var report = ReadReport()
    private var assembler: PieceAssembler
    private let maxDepth: Int
    private let pieceSize: Int
    /// False while checking a JSON Lines line before delivering it.
    private var deliver = true
    private var recordIndex = 0
    private var path: [FieldPath.Element] = []
    private var containers: [Container] = []

    private static var quote: UInt8 { 0x22 }
    private static var backslash: UInt8 { 0x5C }
    private static var lf: UInt8 { 0x0A }
    private static var cr: UInt8 { 0x0D }

    init(source: any ByteSource, bufferSize: Int, pieceSize: Int, maxDepth: Int) {
        self.source = source
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 8), alignment: 16)
        self.assembler = PieceAssembler(pieceSize: pieceSize)
        self.maxDepth = maxDepth
        self.pieceSize = pieceSize
    }

    func deallocate() { buffer.deallocate() }

    // MARK: Input

    /// Makes `count` bytes available from `pos`, moving the unread bytes to the front of the
    /// buffer and reading more. False at the end of input (or of the line), or when the
    /// buffer is full.
    private mutating func ensure(_ count: Int) throws(ReadError) -> Bool {
        if end - pos >= count { return true }
        if limitActive { return false }
        let keep = min(pos, mark ?? pos)
        if keep > 0 {
            let unread = end - keep
            if unread > 0, let to = buffer.baseAddress {
                to.copyMemory(from: to + keep, byteCount: unread)
            }
            base += keep
            end = unread
            pos -= keep
            mark = mark.map { $0 - keep }
        }
        while end - pos < count && end < buffer.count && !sourceDone {
            let n = try readBytes(from: &source, into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            if n == 0 {
                sourceDone = true
                break
            }
            end += n
            report.bytesRead += n
        }
        return end - pos >= count
    }

    /// True when a byte is available at `pos`.
    @inline(__always)
    private mutating func available() throws(ReadError) -> Bool {
        if pos < end { return true }
        return try ensure(1)
    }

    private mutating func skipSpace() throws(ReadError) {
        while true {
            while pos < end {
                let b = buffer[pos]
                if b == 0x20 || b == 0x09 || b == Self.cr {
                    pos += 1
                } else if b == Self.lf && !newlineEnds {
                    pos += 1
                    line += 1
                    lineStart = base + pos
                } else {
                    return
                }
            }
            guard try ensure(1) else { return }
        }
    }

    private mutating func skipBOM() throws(ReadError) {
        if try ensure(3), buffer[pos] == 0xEF, buffer[pos + 1] == 0xBB, buffer[pos + 2] == 0xBF {
            pos += 3
            lineStart = base + pos
        }
    }

    private func problem(at offset: Int, _ message: String, resume: Int? = nil) -> JSONProblem {
        JSONProblem(offset: offset, line: line, column: max(1, offset - lineStart + 1), message: message,
                    resume: resume ?? base + pos)
    }

    private mutating func note(_ p: JSONProblem, kind: ReadIssue.Kind) {
        report.note(ReadIssue(kind: kind, line: p.line, column: p.column, offset: p.offset, message: p.message))
    }

    // MARK: Readers

    mutating func readDocument<Visitor: FieldVisitor>(visitor: inout Visitor) throws(ReadError) {
        try skipBOM()
        while true {
            try skipSpace()
            guard try available() else { return }
            let outcome = try parseValue(visitor: &visitor)
            report.records += 1
            switch outcome {
            case .done:
                break
            case .stopped:
                report.stopped = true
                return
            case .malformed(let p):
                note(p, kind: .malformed)
                if try !deliverRaw(from: p.resume, until: .input, visitor: &visitor) { report.stopped = true }
                return
            case .tooDeep(let p):
                note(p, kind: .nestingTooDeep)
                if try !deliverRaw(from: p.resume, until: .value(depth: containers.count), visitor: &visitor) {
                    report.stopped = true
                    return
                }
            }
            recordIndex += 1
        }
    }

    mutating func readLines<Visitor: FieldVisitor>(visitor: inout Visitor) throws(ReadError) {
        newlineEnds = true
        try skipBOM()
        while try ensure(1) {
            // Find the end of the line, reading more until it is in the buffer.
            var scanned = 0
            var lineEnd: Int? = nil
            while true {
                let from = pos + scanned
                if from < end, let start = buffer.baseAddress, let hit = memchr(start + from, Int32(Self.lf), end - from) {
                    lineEnd = start.distance(to: hit)
                    break
                }
                scanned = end - pos
                if sourceDone {
                    lineEnd = end
                    break
                }
                // A line longer than the buffer.
                if pos == 0 && end == buffer.count { break }
                _ = try ensure(scanned + 1)
            }
            report.records += 1
            let outcome: Bool
            if let lineEnd {
                outcome = try readLineInBuffer(endingAt: lineEnd, visitor: &visitor)
            } else {
                outcome = try readLongLine(visitor: &visitor)
            }
            guard outcome else {
                report.stopped = true
                return
            }
            // Past the line feed.
            if try available(), buffer[pos] == Self.lf { pos += 1 }
            line += 1
            lineStart = base + pos
            recordIndex += 1
        }
    }

    /// A line held whole in the buffer: checked first, then delivered (or delivered raw).
    private mutating func readLineInBuffer<Visitor: FieldVisitor>(endingAt lineEnd: Int, visitor: inout Visitor) throws(ReadError) -> Bool {
        let lineBegin = pos
        var contentEnd = lineEnd
        if contentEnd > lineBegin && buffer[contentEnd - 1] == Self.cr { contentEnd -= 1 }
        let savedEnd = end
        end = lineEnd
        limitActive = true
        defer {
            end = savedEnd
            limitActive = false
            pos = lineEnd
        }
        try skipSpace()
        if pos == end { return true }
        let valueStart = pos
        deliver = false
        var check = try parseValue(visitor: &visitor)
        if case .done = check {
            try skipSpace()
            if pos < end { check = .malformed(problem(at: base + pos, "expected the end of the line after a value")) }
        }
        deliver = true
        pos = valueStart
        switch check {
        case .done, .stopped:
            let outcome = try parseValue(visitor: &visitor)
            if case .stopped = outcome { return false }
            return true
        case .malformed(let p):
            note(p, kind: .malformed)
            assembler.begin(FieldContext(position: .record(index: recordIndex, path: FieldPath()), columnName: nil, isName: false))
            return assembler.deliverWhole(UnsafeRawBufferPointer(rebasing: buffer[lineBegin..<contentEnd]),
                                          raw: base + lineBegin, to: &visitor)
        case .tooDeep(let p):
            note(p, kind: .nestingTooDeep)
            let outcome = try parseValue(visitor: &visitor)
            if case .stopped = outcome { return false }
            end = contentEnd
            return try deliverRaw(from: p.resume, until: .input, visitor: &visitor)
        }
    }

    /// A line longer than the buffer: parsed as it streams by.
    private mutating func readLongLine<Visitor: FieldVisitor>(visitor: inout Visitor) throws(ReadError) -> Bool {
        try skipSpace()
        guard try available(), buffer[pos] != Self.lf else { return true }
        var outcome = try parseValue(visitor: &visitor)
        if case .done = outcome {
            try skipSpace()
            if try available(), buffer[pos] != Self.lf {
                outcome = .malformed(problem(at: base + pos, "expected the end of the line after a value"))
            }
        }
        switch outcome {
        case .done:
            return true
        case .stopped:
            return false
        case .malformed(let p):
            note(p, kind: .malformed)
            return try deliverRaw(from: p.resume, until: .line, visitor: &visitor)
        case .tooDeep(let p):
            note(p, kind: .nestingTooDeep)
            return try deliverRaw(from: p.resume, until: .line, visitor: &visitor)
        }
    }

    /// Delivers the input from `resume` as one raw value at `$` until `until`.
    private mutating func deliverRaw<Visitor: FieldVisitor>(from resume: Int, until: RawEnd, visitor: inout Visitor) throws(ReadError) -> Bool {
        if resume >= base && resume - base <= pos { pos = resume - base }
        assembler.begin(FieldContext(position: .record(index: recordIndex, path: FieldPath()), columnName: nil, isName: false))
        var depth = 0
        if case .value(let d) = until { depth = d }
        var inString = false
        var escaped = false
        var finished = false
        while !finished {
            guard try available() else { break }
            let start = pos
            switch until {
            case .input:
                pos = end
            case .line:
                while pos < end && buffer[pos] != Self.lf { pos += 1 }
                finished = pos < end
            case .value:
                while pos < end {
                    let b = buffer[pos]
                    pos += 1
                    if inString {
                        if escaped {
                            escaped = false
                        } else if b == Self.backslash {
                            escaped = true
                        } else if b == Self.quote {
                            inString = false
                        }
                    } else if b == Self.quote {
                        inString = true
                    } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                        depth += 1
                    } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                        depth -= 1
                        if depth <= 0 {
                            finished = true
                            break
                        }
                    }
                    if b == Self.lf {
                        line += 1
                        lineStart = base + pos
                    }
                }
            }
            guard assembler.append(UnsafeRawBufferPointer(rebasing: buffer[start..<pos]), raw: base + start, to: &visitor)
            else { return false }
        }
        return assembler.finish(to: &visitor)
    }

    // MARK: Values

    private var currentPosition: FieldPosition { .record(index: recordIndex, path: FieldPath(path)) }

    /// Parses one value (with everything inside it), delivering as it goes when `deliver`.
    private mutating func parseValue<Visitor: FieldVisitor>(visitor: inout Visitor) throws(ReadError) -> JSONOutcome {
        path.removeAll(keepingCapacity: true)
        containers.removeAll(keepingCapacity: true)
        var step = Step.value
        while true {
            switch step {
            case .value:
                try skipSpace()
                guard try available() else {
                    return .malformed(problem(at: base + pos, containers.isEmpty ? "expected a value" : "expected a value before the end"))
                }
                let b = buffer[pos]
                switch b {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if containers.count >= maxDepth {
                        return .tooDeep(problem(at: base + pos, "nesting deeper than \(maxDepth) levels"))
                    }
                    pos += 1
                    let isObject = b == UInt8(ascii: "{")
                    try skipSpace()
                    if try available(), buffer[pos] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        pos += 1
                        step = .afterValue
                        continue
                    }
                    containers.append(Container(isObject: isObject, count: 0))
                    if isObject {
                        step = .key
                    } else {
                        path.append(.index(0))
                    }
                case Self.quote:
                    if let failure = try parseString(isKey: false, visitor: &visitor) { return failure }
                    step = .afterValue
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if let failure = try parseNumber(visitor: &visitor) { return failure }
                    step = .afterValue
                case UInt8(ascii: "t"):
                    if let failure = try parseLiteral("true") { return failure }
                    step = .afterValue
                case UInt8(ascii: "f"):
                    if let failure = try parseLiteral("false") { return failure }
                    step = .afterValue
                case UInt8(ascii: "n"):
                    if let failure = try parseLiteral("null") { return failure }
                    step = .afterValue
                default:
                    return .malformed(problem(at: base + pos, "expected a value"))
                }

            case .key:
                try skipSpace()
                guard try available(), buffer[pos] == Self.quote else {
                    return .malformed(problem(at: base + pos, "expected a string key"))
                }
                if let failure = try parseString(isKey: true, visitor: &visitor) { return failure }
                path.append(.name(deliver ? (assembler.resolvedName ?? "") : ""))
                try skipSpace()
                guard try available(), buffer[pos] == UInt8(ascii: ":") else {
                    return .malformed(problem(at: base + pos, "expected ':' after a key"))
                }
                pos += 1
                step = .value

            case .afterValue:
                guard let top = containers.last else { return .done }
                try skipSpace()
                let close = top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard try available() else {
                    return .malformed(problem(at: base + pos, top.isObject ? "expected ',' or '}' before the end" : "expected ',' or ']' before the end"))
                }
                let b = buffer[pos]
                if b == UInt8(ascii: ",") {
                    pos += 1
                    if top.isObject {
                        path.removeLast()
                        step = .key
                    } else {
                        let count = top.count + 1
                        containers[containers.count - 1].count = count
                        path[path.count - 1] = .index(count)
                        step = .value
                    }
                } else if b == close {
                    pos += 1
                    path.removeLast()
                    containers.removeLast()
                } else {
                    return .malformed(problem(at: base + pos, top.isObject ? "expected ',' or '}'" : "expected ',' or ']'"))
                }
            }
        }
    }

    private mutating func parseLiteral(_ word: StaticString) throws(ReadError) -> JSONOutcome? {
        let start = base + pos
        let text = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        mark = pos
        defer { mark = nil }
        for expected in text {
            guard try available() else {
                return .malformed(problem(at: start, "incomplete literal", resume: start))
            }
            guard buffer[pos] == expected else {
                return .malformed(problem(at: start, "invalid literal", resume: start))
            }
            pos += 1
        }
        return nil
    }

    private mutating func parseNumber<Visitor: FieldVisitor>(visitor: inout Visitor) throws(ReadError) -> JSONOutcome? {
        let start = base + pos
        if deliver { assembler.begin(FieldContext(position: currentPosition, columnName: nil, isName: false)) }
        var grammar = NumberGrammar()
        while true {
            let runStart = pos
            while pos < end {
                let b = buffer[pos]
                guard isNumberByte(b) else { break }
                grammar.feed(b)
                pos += 1
            }
            if deliver && pos > runStart {
                guard assembler.append(UnsafeRawBufferPointer(rebasing: buffer[runStart..<pos]), raw: base + runStart, to: &visitor)
                else { return .stopped }
            }
            if pos < end { break }
            guard try ensure(1) else { break }
        }
        if deliver { guard assembler.finish(to: &visitor) else { return .stopped } }
        if !grammar.isComplete {
            return .malformed(problem(at: start, "invalid number"))
        }
        return nil
    }

    /// Parses a string at its opening quote; nil when it ended well.
    private mutating func parseString<Visitor: FieldVisitor>(isKey: Bool, visitor: inout Visitor) throws(ReadError) -> JSONOutcome? {
        let open = base + pos
        pos += 1
        if deliver {
            if isKey {
                assembler.beginKey(index: recordIndex, parent: path, capture: min(pieceSize, 1 << 16))
            } else {
                assembler.begin(FieldContext(position: currentPosition, columnName: nil, isName: false))
            }
        }
        // A high surrogate waiting for its low half: its value and file offset.
        var high: (value: UInt32, raw: Int)? = nil
        while true {
            let start = pos
            while pos < end {
                let b = buffer[pos]
                if b == Self.quote || b == Self.backslash || b < 0x20 { break }
                pos += 1
            }
            if pos > start {
                if let h = high {
                    high = nil
                    guard emit(0xFFFD, raw: h.raw, visitor: &visitor) else { return .stopped }
                }
                if deliver {
                    guard assembler.append(UnsafeRawBufferPointer(rebasing: buffer[start..<pos]), raw: base + start, to: &visitor)
                    else { return .stopped }
                }
            }
            guard try available() else {
                return fail(problem(at: open, "unterminated string"), high: high, visitor: &visitor)
            }
            let b = buffer[pos]
            if b != Self.quote && b != Self.backslash && b >= 0x20 { continue }
            if b == Self.quote {
                pos += 1
                if let h = high {
                    guard emit(0xFFFD, raw: h.raw, visitor: &visitor) else { return .stopped }
                }
                if deliver { guard assembler.finish(to: &visitor) else { return .stopped } }
                return nil
            }
            if b < 0x20 {
                return fail(problem(at: base + pos, "control character in a string"), high: high, visitor: &visitor)
            }
            // An escape.
            let escape = base + pos
            mark = pos
            defer { mark = nil }
            pos += 1
            guard try available() else {
                return fail(problem(at: open, "unterminated string", resume: escape), high: high, visitor: &visitor)
            }
            let e = buffer[pos]
            var decoded: UInt32
            switch e {
            case UInt8(ascii: "\""): decoded = 0x22
            case UInt8(ascii: "\\"): decoded = 0x5C
            case UInt8(ascii: "/"): decoded = 0x2F
            case UInt8(ascii: "b"): decoded = 0x08
            case UInt8(ascii: "f"): decoded = 0x0C
            case UInt8(ascii: "n"): decoded = 0x0A
            case UInt8(ascii: "r"): decoded = 0x0D
            case UInt8(ascii: "t"): decoded = 0x09
            case UInt8(ascii: "u"):
                pos += 1
                var value: UInt32 = 0
                for _ in 0..<4 {
                    guard try available() else {
                        return fail(problem(at: escape, "unterminated string", resume: escape), high: high, visitor: &visitor)
                    }
                    guard let digit = hexValue(buffer[pos]) else {
                        return fail(problem(at: escape, "invalid \\u escape", resume: escape), high: high, visitor: &visitor)
                    }
                    value = value << 4 | digit
                    pos += 1
                }
                if let h = high {
                    high = nil
                    if value >= 0xDC00 && value <= 0xDFFF {
                        let scalar = 0x10000 + ((h.value - 0xD800) << 10) + (value - 0xDC00)
                        guard emit(scalar, raw: h.raw, visitor: &visitor) else { return .stopped }
                        continue
                    }
                    guard emit(0xFFFD, raw: h.raw, visitor: &visitor) else { return .stopped }
                }
                if value >= 0xD800 && value <= 0xDBFF {
                    high = (value, escape)
                } else if value >= 0xDC00 && value <= 0xDFFF {
                    guard emit(0xFFFD, raw: escape, visitor: &visitor) else { return .stopped }
                } else {
                    guard emit(value, raw: escape, visitor: &visitor) else { return .stopped }
                }
                continue
            default:
                return fail(problem(at: escape, "invalid escape in a string", resume: escape), high: high, visitor: &visitor)
            }
            pos += 1
            if let h = high {
                high = nil
                guard emit(0xFFFD, raw: h.raw, visitor: &visitor) else { return .stopped }
            }
            guard emit(decoded, raw: escape, visitor: &visitor) else { return .stopped }
        }
    }

    /// Ends a broken string: what was decoded is delivered, then the problem is returned.
    private mutating func fail<Visitor: FieldVisitor>(_ p: JSONProblem, high: (value: UInt32, raw: Int)?,
                                                      visitor: inout Visitor) -> JSONOutcome {
        if let h = high {
            guard emit(0xFFFD, raw: h.raw, visitor: &visitor) else { return .stopped }
        }
        if deliver { guard assembler.finish(to: &visitor) else { return .stopped } }
        return .malformed(p)
    }

    /// Appends the UTF-8 encoding of `scalar`, mapped from the escape at `raw`.
    private mutating func emit<Visitor: FieldVisitor>(_ scalar: UInt32, raw: Int, visitor: inout Visitor) -> Bool {
        guard deliver else { return true }
        var bytes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let count: Int
        switch scalar {
        case 0..<0x80:
            bytes.0 = UInt8(scalar)
            count = 1
        case 0x80..<0x800:
            bytes.0 = UInt8(0xC0 | (scalar >> 6))
            bytes.1 = UInt8(0x80 | (scalar & 0x3F))
            count = 2
        case 0x800..<0x10000:
            bytes.0 = UInt8(0xE0 | (scalar >> 12))
            bytes.1 = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            bytes.2 = UInt8(0x80 | (scalar & 0x3F))
            count = 3
        default:
            bytes.0 = UInt8(0xF0 | ((scalar >> 18) & 0x07))
            bytes.1 = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            bytes.2 = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            bytes.3 = UInt8(0x80 | (scalar & 0x3F))
            count = 4
        }
        return withUnsafeBytes(of: &bytes) { all in
            assembler.append(UnsafeRawBufferPointer(rebasing: all[..<count]), raw: raw, to: &visitor)
        }
    }
}

/// Checks the JSON number grammar one byte at a time.
struct NumberGrammar {
    private enum State { case start, minus, zero, integer, dot, fraction, exponent, exponentSign, exponentDigits, invalid }
    private var state = State.start

    mutating func feed(_ b: UInt8) {
        let digit = b >= 0x30 && b <= 0x39
        switch state {
        case .start:
            state = b == UInt8(ascii: "-") ? .minus : b == 0x30 ? .zero : digit ? .integer : .invalid
        case .minus:
            state = b == 0x30 ? .zero : digit ? .integer : .invalid
        case .zero:
            state = b == UInt8(ascii: ".") ? .dot : (b == UInt8(ascii: "e") || b == UInt8(ascii: "E")) ? .exponent : .invalid
        case .integer:
            state = digit ? .integer : b == UInt8(ascii: ".") ? .dot
                : (b == UInt8(ascii: "e") || b == UInt8(ascii: "E")) ? .exponent : .invalid
        case .dot:
            state = digit ? .fraction : .invalid
        case .fraction:
            state = digit ? .fraction : (b == UInt8(ascii: "e") || b == UInt8(ascii: "E")) ? .exponent : .invalid
        case .exponent:
            state = (b == UInt8(ascii: "+") || b == UInt8(ascii: "-")) ? .exponentSign : digit ? .exponentDigits : .invalid
        case .exponentSign, .exponentDigits:
            state = digit ? .exponentDigits : .invalid
        case .invalid:
            break
        }
    }

    var isComplete: Bool {
        switch state {
        case .zero, .integer, .fraction, .exponentDigits: return true
        default: return false
        }
    }
}
