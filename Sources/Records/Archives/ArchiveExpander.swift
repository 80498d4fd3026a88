/// A file inside an archive, handed to an `ArchiveVisitor` to scan.
public struct ArchiveMember: Sendable, Hashable {
    /// The path as shown: the archive's path and each member's name joined with `!`
    /// (`exports.zip!2024/users.csv`, nested `a.zip!b.tar.gz!c.csv`). A gzip-compressed file
    /// that is not an archive is one object under its own path (`logs/app.log.gz`).
    public var path: String
    /// The name to detect the format from: the member's name inside its archive, or for a
    /// gzip file the name stored in its header (else its name without `.gz`).
    public var name: String
    /// Container layers above the member.
    public var depth: Int
}

/// What an archive (a container: zip, tar, or a gzip'd tar or zip) held and what went wrong,
/// delivered after its members.
public struct ArchiveReport: Sendable, Hashable {
    /// The archive's path as shown.
    public var path: String
    /// The layers from the outside in: `[.gzip, .tar]` for a `.tar.gz`.
    public var kinds: [ArchiveKind]
    /// Members handed to the visitor to scan, and members reported skipped.
    public var membersScanned = 0
    public var membersSkipped = 0
    /// Problems of the container itself (damage, limits), each with a message naming the place.
    public var problems: [ArchiveProblem] = []
    /// The kinds of problems its members had (already reported with each member).
    public var memberProblemKinds: Set<ArchiveProblem.Kind> = []
    /// True when not one member could be listed (the archive is unreadable or over the size
    /// limit).
    public var isUnreadable = false

    /// A short name for the layers: `zip`, `tar`, `tar.gz`, `zip.gz`.
    public var kindDescription: String {
        kinds.reversed().map { $0 == .gzip ? "gz" : $0.rawValue }.joined(separator: ".")
    }
}

/// Receives what an archive holds, member by member, depth first.
public protocol ArchiveVisitor {
    /// Scans one member (a file that is not itself an archive). `source` gives its
    /// decompressed bytes; after the scan `source.problem` tells whether a limit or damage
    /// cut it short. Returns false to stop the whole expansion.
    mutating func scanMember(_ member: ArchiveMember, from source: ArchiveMemberSource) -> Bool
    /// A member that was not scanned (encrypted, unsupported compression, nested too deep).
    mutating func skipMember(_ member: ArchiveMember, problem: ArchiveProblem)
    /// An archive is finished: all its members have been delivered.
    mutating func finishArchive(_ report: ArchiveReport)
}

/// The decompressed bytes of one member, front to back. A read error names the member (and
/// the place in the compressed data) and never content.
public final class ArchiveMemberSource: ByteSource {
    /// The member's first bytes (up to 64 KiB, fewer if it is shorter or damaged early), read
    /// ahead for format detection; `read` returns them first.
    public private(set) var prefix: [UInt8]
    private var replayed = 0
    private var base: any ByteSource
    private var pendingError: ReadError?
    private let path: String
    private let layerProblem: () -> ArchiveProblem?
    /// Why the member's bytes ended early (a limit) or could not be read (damage); nil when
    /// they were read to their end or not read at all.
    public private(set) var problem: ArchiveProblem?
    /// Decompressed bytes delivered.
    public private(set) var bytesRead = 0

    init(prefix: [UInt8], pendingError: ReadError?, base: any ByteSource, path: String,
         layerProblem: @escaping () -> ArchiveProblem?) {
        self.prefix = prefix
        self.pendingError = pendingError
        self.base = base
        self.path = path
        self.layerProblem = layerProblem
        if pendingError == nil, prefix.count < Self.prefixLength {
            let (more, error) = Expansion<NeverVisitor>.readPrefix(SourceBox(base), Self.prefixLength - prefix.count)
            self.prefix += more
            self.pendingError = error
        }
    }

    static let prefixLength = 64 * 1024

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard let destination = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if replayed < prefix.count {
            let n = min(buffer.count, prefix.count - replayed)
            prefix.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress! + replayed, byteCount: n) }
            replayed += n
            bytesRead += n
            return n
        }
        if let error = pendingError {
            pendingError = nil
            throw note(error)
        }
        do {
            let n = try base.read(into: buffer)
            bytesRead += n
            if n == 0, problem == nil { problem = layerProblem() }
            return n
        } catch {
            throw note(error)
        }
    }

    private func note(_ error: ReadError) -> ReadError {
        if problem == nil {
            problem = layerProblem() ?? ArchiveProblem(kind: .malformed, path: path, message: error.message)
        }
        return ReadError(kind: .read, path: nil, code: error.code, message: problem?.message ?? error.message)
    }
}

/// A reference to a source, so a prefix read through one holder advances it for all.
final class SourceBox: ByteSource {
    var base: any ByteSource
    init(_ base: any ByteSource) { self.base = base }
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        try base.read(into: buffer)
    }
}

/// A visitor type for calling `Expansion`'s static helpers.
struct NeverVisitor: ArchiveVisitor {
    mutating func scanMember(_ member: ArchiveMember, from source: ArchiveMemberSource) -> Bool { false }
    mutating func skipMember(_ member: ArchiveMember, problem: ArchiveProblem) {}
    mutating func finishArchive(_ report: ArchiveReport) {}
}

/// A source that replays bytes already read, then goes on with its base.
struct ReplaySource: ByteSource {
    var prefix: [UInt8]
    var replayed = 0
    var base: any ByteSource

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard let destination = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if replayed < prefix.count {
            let n = min(buffer.count, prefix.count - replayed)
            prefix.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress! + replayed, byteCount: n) }
            replayed += n
            return n
        }
        return try base.read(into: buffer)
    }
}

/// Opens archives and hands their members, depth first, to a visitor, within `ArchiveLimits`.
///
/// gzip and tar are streamed (no temporary files; memory is a few 64 KiB buffers per layer);
/// a zip on disk is read in place through its central directory; a zip inside a stream is
/// buffered in memory up to `maxBufferedArchiveBytes`. Damage in one member or one archive is
/// reported and the rest goes on; nothing traps on any input.
///
/// ```swift
/// let expander = ArchiveExpander(limits: ArchiveLimits())
/// expander.expandFile(atPath: "exports.zip", displayPath: "exports.zip", kind: .zip, visitor: &visitor)
/// ```
public struct ArchiveExpander: Sendable {
    public let limits: ArchiveLimits

    public init(limits: ArchiveLimits = ArchiveLimits()) {
        self.limits = limits
    }

    /// Expands the archive file at `path` (a `kind` the caller detected with
    /// `ArchiveKind.detect`). Every member and every archive (this one last) reaches `visitor`.
    public func expandFile<V: ArchiveVisitor>(atPath path: String, displayPath: String, kind: ArchiveKind,
                                              visitor: inout V) {
        var expansion = Expansion(visitor: visitor, budget: ArchiveBudget(limits: limits))
        expansion.expandFile(path: path, display: displayPath, kind: kind)
        visitor = expansion.visitor
    }

    /// Expands an archive read from a stream (standard input): a zip is buffered in memory up
    /// to `maxBufferedArchiveBytes`.
    public func expand<V: ArchiveVisitor>(stream: any ByteSource, displayPath: String, kind: ArchiveKind,
                                          visitor: inout V) {
        var expansion = Expansion(visitor: visitor, budget: ArchiveBudget(limits: limits))
        _ = expansion.expand(stream: stream, kind: kind, display: displayPath, name: displayPath, layers: 0,
                             outer: [], layerProblem: { nil })
        visitor = expansion.visitor
    }
}

/// One top-level expansion in progress.
struct Expansion<V: ArchiveVisitor> {
    var visitor: V
    let budget: ArchiveBudget
    var stopped = false
    var limits: ArchiveLimits { budget.limits }

    mutating func expandFile(path: String, display: String, kind: ArchiveKind) {
        if kind == .zip {
            let bytes: FileRandomAccess
            do { bytes = try FileRandomAccess(path: path) } catch {
                unreadable(display, [.zip], ArchiveProblem(kind: .readFailed, path: display, message: error.message))
                return
            }
            guard bytes.size <= limits.maxArchiveBytes else {
                tooLarge(display, [.zip], bytes.size)
                return
            }
            expandZip(bytes, display: display, layers: 1, outer: [])
            return
        }
        let file: FileByteSource
        do { file = try FileByteSource(path: path) } catch {
            unreadable(display, [kind], ArchiveProblem(kind: .readFailed, path: display, message: error.message))
            return
        }
        if let size = file.size, size > limits.maxArchiveBytes {
            tooLarge(display, [kind], size)
            return
        }
        _ = expand(stream: file, kind: kind, display: display, name: display, layers: 0, outer: [],
                   layerProblem: { nil })
    }

    private mutating func tooLarge(_ display: String, _ kinds: [ArchiveKind], _ size: Int) {
        unreadable(display, kinds, ArchiveProblem(
            kind: .archiveTooLarge, path: display,
            message: "archive of \(size) bytes is over the \(limits.maxArchiveBytes)-byte limit; not opened"))
    }

    private mutating func unreadable(_ display: String, _ kinds: [ArchiveKind], _ problem: ArchiveProblem) {
        var report = ArchiveReport(path: display, kinds: kinds)
        report.problems = [problem]
        report.isUnreadable = true
        visitor.finishArchive(report)
    }

    /// Expands a container read from `stream`, `layers` layers below the file. Returns false
    /// when the expansion must stop.
    mutating func expand(stream: any ByteSource, kind: ArchiveKind, display: String, name: String, layers: Int,
                         outer: [ArchiveKind], layerProblem: @escaping () -> ArchiveProblem?) -> Bool {
        switch kind {
        case .gzip:
            let inflater = InflateSource(stream, mode: .gzip, path: display, budget: budget)
            let problem = { inflater.problem ?? layerProblem() }
            let (prefix, error) = Self.readPrefix(inflater, 512)
            let innerName = inflater.storedName.map { Self.sibling(of: name, named: $0) } ?? Self.strippingGzip(name)
            let inner = prefix.withUnsafeBytes { ArchiveKind.detect(name: innerName, prefix: $0) }
            let rest = ReplaySource(prefix: prefix, base: inflater)
            guard let inner, error == nil else {
                // Compressed content that is not an archive: one object under the .gz path.
                let member = ArchiveMember(path: display, name: innerName, depth: layers + 1)
                return scanLeaf(member, prefix: prefix, error: error, base: inflater, layerProblem: problem)
            }
            if layers + 2 > limits.maxNestingDepth {
                visitor.skipMember(ArchiveMember(path: display, name: innerName, depth: layers + 1),
                                   problem: nestingProblem(display))
                return true
            }
            return expand(stream: rest, kind: inner, display: display, name: innerName, layers: layers + 1,
                          outer: outer + [.gzip], layerProblem: problem)
        case .tar:
            return expandTar(stream, display: display, layers: layers + 1, outer: outer, layerProblem: layerProblem)
        case .zip:
            var report = ArchiveReport(path: display, kinds: outer + [.zip])
            guard let bytes = buffer(stream, display: display, report: &report, layerProblem: layerProblem) else {
                report.isUnreadable = true
                visitor.finishArchive(report)
                return !stopped
            }
            expandZip(MemoryRandomAccess(bytes), display: display, layers: layers + 1, outer: outer)
            return !stopped
        }
    }

    /// Reads a nested zip into memory, within `maxBufferedArchiveBytes`.
    private mutating func buffer(_ stream: any ByteSource, display: String, report: inout ArchiveReport,
                                 layerProblem: () -> ArchiveProblem?) -> [UInt8]? {
        var source = stream
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { chunk.deallocate() }
        do {
            while true {
                let n = try source.read(into: chunk)
                if n == 0 { break }
                guard bytes.count + n <= limits.maxBufferedArchiveBytes else {
                    report.problems.append(ArchiveProblem(
                        kind: .unprocessedMember, path: display,
                        message: "nested zip over the \(limits.maxBufferedArchiveBytes)-byte buffer limit; not opened"))
                    return nil
                }
                bytes.append(contentsOf: chunk[0..<n])
            }
        } catch {
            report.problems.append(layerProblem() ?? ArchiveProblem(kind: .malformed, path: display, message: error.message))
            return nil
        }
        if let problem = layerProblem() {
            report.problems.append(problem)
            return nil
        }
        return bytes
    }

    private mutating func expandTar(_ stream: any ByteSource, display: String, layers: Int, outer: [ArchiveKind],
                                    layerProblem: @escaping () -> ArchiveProblem?) -> Bool {
        var report = ArchiveReport(path: display, kinds: outer + [.tar])
        let tar = TarReader(stream, path: display)
        defer { visitor.finishArchive(report) }
        while !stopped {
            let step: TarStep
            do {
                step = try tar.next()
            } catch let problem as ArchiveProblem {
                report.problems.append(layerProblem() ?? problem)
                break
            } catch {
                report.problems.append(layerProblem() ?? ArchiveProblem(
                    kind: .malformed, path: display, message: (error as? ReadError)?.message ?? "unreadable tar"))
                break
            }
            guard case .member(let name, _) = step else {
                if let problem = layerProblem() { report.problems.append(problem) }
                break
            }
            if name.hasSuffix("/") { continue }
            let member = TarMemberSource(tar: tar)
            handleMember(name: name, display: display + "!" + name, layers: layers, source: member,
                         report: &report, layerProblem: layerProblem)
            if let exhausted = budget.exhausted {
                    if !report.problems.contains(exhausted) { report.problems.append(exhausted) }
                    stopped = true
                }
        }
        if report.membersScanned + report.membersSkipped == 0 && !report.problems.isEmpty { report.isUnreadable = true }
        return !stopped
    }

    private mutating func expandZip(_ bytes: any RandomAccessBytes, display: String, layers: Int, outer: [ArchiveKind]) {
        var report = ArchiveReport(path: display, kinds: outer + [.zip])
        defer { visitor.finishArchive(report) }
        let zip: ZipReader
        do {
            zip = try ZipReader(bytes, path: display)
        } catch {
            report.problems.append(error as? ArchiveProblem
                                   ?? ArchiveProblem(kind: .readFailed, path: display, message: "\(error)"))
            report.isUnreadable = true
            return
        }
        do {
            try zip.forEachEntry { entry in
                if entry.isDirectory { return true }
                let memberPath = display + "!" + entry.name
                if let reason = entry.unsupportedReason {
                    guard countMember(&report, display) else { return false }
                    let problem = ArchiveProblem(kind: .unprocessedMember, path: memberPath, message: reason)
                    visitor.skipMember(ArchiveMember(path: memberPath, name: entry.name, depth: layers), problem: problem)
                    report.membersSkipped += 1
                    report.memberProblemKinds.insert(.unprocessedMember)
                    return true
                }
                let data = try zip.data(of: entry)
                if entry.method == 8 {
                    let inflater = InflateSource(data, mode: .rawDeflate, path: memberPath, budget: budget)
                    handleMember(name: entry.name, display: memberPath, layers: layers, source: inflater,
                                 report: &report, layerProblem: { inflater.problem })
                } else {
                    handleMember(name: entry.name, display: memberPath, layers: layers, source: data,
                                 report: &report, layerProblem: { nil })
                }
                if let exhausted = budget.exhausted {
                    if !report.problems.contains(exhausted) { report.problems.append(exhausted) }
                    stopped = true
                }
                return !stopped
            }
        } catch {
            report.problems.append(error as? ArchiveProblem
                                   ?? ArchiveProblem(kind: .malformed, path: display, message: "\(error)"))
        }
        if report.membersScanned + report.membersSkipped == 0 && !report.problems.isEmpty { report.isUnreadable = true }
    }

    /// Counts a member against `maxMembers`; false (and the problem recorded) past the limit.
    private mutating func countMember(_ report: inout ArchiveReport, _ display: String) -> Bool {
        budget.members += 1
        guard budget.members <= limits.maxMembers else {
            let problem = ArchiveProblem(kind: .tooManyMembers, path: display,
                                         message: "stopped: more than \(limits.maxMembers) members (limit)")
            if budget.exhausted == nil { budget.exhausted = problem }
            if !report.problems.contains(problem) { report.problems.append(problem) }
            stopped = true
            return false
        }
        return true
    }

    /// A member of a tar or zip: a nested archive is opened (within the depth limit), any
    /// other file is scanned.
    private mutating func handleMember(name: String, display: String, layers: Int, source: any ByteSource,
                                       report: inout ArchiveReport, layerProblem: @escaping () -> ArchiveProblem?) {
        guard countMember(&report, display) else { return }
        let source = SourceBox(source)
        let (prefix, error) = Self.readPrefix(source, 512)
        let nested = error == nil ? prefix.withUnsafeBytes { ArchiveKind.detect(name: name, prefix: $0) } : nil
        let member = ArchiveMember(path: display, name: name, depth: layers)
        guard let nested else {
            report.membersScanned += 1
            let sourceProblem = scanLeafReturningProblem(member, prefix: prefix, error: error, base: source,
                                                         layerProblem: layerProblem)
            if let sourceProblem { report.memberProblemKinds.insert(sourceProblem.kind) }
            return
        }
        if layers + 1 > limits.maxNestingDepth {
            let problem = nestingProblem(display)
            visitor.skipMember(member, problem: problem)
            report.membersSkipped += 1
            report.memberProblemKinds.insert(.nestingOverLimit)
            return
        }
        report.membersScanned += 1
        if !expand(stream: ReplaySource(prefix: prefix, base: source), kind: nested, display: display, name: name,
                   layers: layers, outer: [], layerProblem: layerProblem) {
            stopped = true
        }
    }

    private func nestingProblem(_ display: String) -> ArchiveProblem {
        ArchiveProblem(kind: .nestingOverLimit, path: display,
                       message: "archive nested more than \(limits.maxNestingDepth) levels deep; not opened")
    }

    private mutating func scanLeaf(_ member: ArchiveMember, prefix: [UInt8], error: ReadError?, base: any ByteSource,
                                   layerProblem: @escaping () -> ArchiveProblem?) -> Bool {
        _ = scanLeafReturningProblem(member, prefix: prefix, error: error, base: base, layerProblem: layerProblem)
        return !stopped
    }

    private mutating func scanLeafReturningProblem(_ member: ArchiveMember, prefix: [UInt8], error: ReadError?,
                                                   base: any ByteSource,
                                                   layerProblem: @escaping () -> ArchiveProblem?) -> ArchiveProblem? {
        let source = ArchiveMemberSource(prefix: prefix, pendingError: error, base: base, path: member.path,
                                         layerProblem: layerProblem)
        if !visitor.scanMember(member, from: source) { stopped = true }
        return source.problem
    }

    /// Reads up to `count` bytes; a read error is returned with what was read before it.
    static func readPrefix(_ source: any ByteSource, _ count: Int) -> ([UInt8], ReadError?) {
        var source = source
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        var failure: ReadError?
        bytes.withUnsafeMutableBytes { buffer in
            while filled < count {
                do throws(ReadError) {
                    let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                    if n == 0 { break }
                    filled += n
                } catch {
                    failure = error
                    break
                }
            }
        }
        bytes.removeLast(count - filled)
        return (bytes, failure)
    }

    /// `logs/app.csv.gz` → `logs/app.csv`; `x.tgz` → `x.tar`.
    static func strippingGzip(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.hasSuffix(".tgz") { return String(name.dropLast(4)) + ".tar" }
        for suffix in [".gz", ".gzip", ".z"] where lower.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// The stored gzip name placed in the directory of `name` (for the format's extension only).
    static func sibling(of name: String, named stored: String) -> String {
        let base = stored.split(separator: "/").last.map(String.init) ?? stored
        guard let slash = name.lastIndex(of: "/") else { return base }
        return String(name[...slash]) + base
    }
}

/// The current tar member's data.
struct TarMemberSource: ByteSource {
    let tar: TarReader
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        try tar.readMember(into: buffer)
    }
}
