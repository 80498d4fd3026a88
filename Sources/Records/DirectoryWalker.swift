#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks files and directories named as roots and yields the files to scan, in a deterministic
/// order, with problems reported as values (never printed).
///
/// Rules:
/// - Roots are visited in the order given. Inside a directory, entries are visited in byte
///   order of their names, depth first, so the output is sorted by path component by
///   component whatever the file system or locale.
/// - Hidden files and directories are visited like any other (this is a security tool); there
///   is no ignore-file logic.
/// - A root is taken as named: a symbolic link given as a root is followed, and a root that is
///   not a directory (a regular file, a FIFO such as `<(cmd)`, a device) is yielded as a file.
/// - Inside a directory, a symbolic link is followed only when its target (resolved with
///   `realpath`) is inside the root's own resolved path. A link to a file inside the root is
///   yielded under the link's path. A link to a directory inside the root is entered at most
///   once per target directory, and never when the target is a directory the walk is already
///   inside (a loop). A link whose target is outside the root, missing, or part of a link loop
///   is reported as a problem and not followed. Walking therefore always ends, and each
///   directory is walked at most twice (once where it is, once through a link).
/// - Inside a directory, entries that are neither regular files, directories nor links (FIFOs,
///   sockets, devices) are reported as problems and not opened (opening a FIFO can block).
/// - File names are byte strings; a path that is not valid UTF-8 has a repaired `displayPath`
///   (U+FFFD) and its exact bytes in `Entry.rawPath`.
///
/// ```swift
/// for item in DirectoryWalker(roots: ["bucket"]) {
///     switch item {
///     case .file(let entry): print(entry.displayPath)
///     case .problem(let problem): print(problem)
///     }
/// }
/// ```
///
/// Memory: the names of one directory per level of the current path. Directories are read in
/// full, sorted and closed before descending, so at most one directory stream is open.
public struct DirectoryWalker: Sequence, Sendable {
    /// A file to scan.
    public struct Entry: Sendable, Hashable {
        /// The path to open: the root as given joined with the walked names.
        public var path: String
        /// The path to show: `path`, with invalid UTF-8 repaired to U+FFFD.
        public var displayPath: String
        /// The exact bytes of the path when they are not valid UTF-8 (then `path` cannot open
        /// the file; open these bytes instead); nil otherwise.
        public var rawPath: [UInt8]?
        /// True when the entry was reached through a symbolic link inside the root.
        public var isThroughLink: Bool

        public init(path: String, displayPath: String, rawPath: [UInt8]? = nil, isThroughLink: Bool = false) {
            self.path = path
            self.displayPath = displayPath
            self.rawPath = rawPath
            self.isThroughLink = isThroughLink
        }
    }

    /// Something the walk could not or would not visit.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// A root does not exist.
            case notFound = "NOT_FOUND"
            /// A root or entry could not be examined or a directory could not be read
            /// (permission denied, I/O error).
            case unreadable = "PERMISSION_DENIED"
            /// A symbolic link whose target does not exist.
            case danglingLink = "DANGLING_SYMBOLIC_LINK"
            /// A symbolic link whose target is outside the root being walked.
            case linkOutsideRoot = "SYMBOLIC_LINK_OUTSIDE_ROOT"
            /// A symbolic link that leads back to a directory being walked, to a directory
            /// already entered through another link, or into a chain of links that never ends.
            case linkLoop = "SYMBOLIC_LINK_LOOP"
            /// A FIFO, socket or device found inside a directory.
            case specialFile = "UNSUPPORTED_FILE_TYPE"
        }

        public var kind: Kind
        /// The path as shown to users (repaired UTF-8).
        public var displayPath: String
        /// The system's errno when the problem came from a system call.
        public var code: Int32?
        /// A description with no file content in it.
        public var message: String

        public init(kind: Kind, displayPath: String, code: Int32? = nil, message: String) {
            self.kind = kind
            self.displayPath = displayPath
            self.code = code
            self.message = message
        }

        /// True when the problem means something the user asked for could not be read (a
        /// missing root, a permission error); false for things skipped by rule (links out of
        /// the root, loops, dangling links, special files).
        public var isError: Bool { kind == .notFound || kind == .unreadable }

        public var description: String { "\(displayPath): \(message)" }
    }

    /// One step of the walk.
    public enum Item: Sendable, Hashable {
        case file(Entry)
        case problem(Problem)
    }

    /// The roots, as given.
    public let roots: [String]

    /// A walker over `roots` (files or directories), visited in the order given.
    public init(roots: [String]) {
        self.roots = roots
    }

    public func makeIterator() -> Iterator { Iterator(roots: roots) }

    /// Walks every root and returns all items: convenient for tests and small trees.
    /// Complexity: O(n log n) in the number of entries.
    public func items() -> [Item] { Array(self) }

    /// The walk in progress.
    public struct Iterator: IteratorProtocol {
        private var pendingRoots: [String]
        private var frames: [Frame] = []
        private var rootReal: [UInt8] = []
        /// Directories entered through a link in the current root.
        private var enteredThroughLink: Set<FileID> = []

        init(roots: [String]) {
            pendingRoots = roots.reversed()
        }

        public mutating func next() -> Item? {
            while true {
                if frames.isEmpty {
                    guard let root = pendingRoots.popLast() else { return nil }
                    if let item = startRoot(root) { return item }
                    continue
                }
                let top = frames.count - 1
                guard frames[top].next < frames[top].names.count else {
                    frames.removeLast()
                    continue
                }
                let name = frames[top].names[frames[top].next]
                frames[top].next += 1
                let path = join(frames[top].path, name)
                let display = join(frames[top].display, name)
                if let item = visitChild(path: path, display: display, throughLink: frames[top].throughLink) {
                    return item
                }
            }
        }

        private mutating func startRoot(_ root: String) -> Item? {
            enteredThroughLink = []
            let bytes = Array(root.utf8)
            var info = stat()
            // The root is taken as named: follow it if it is a link.
            if withCString(bytes, { stat($0, &info) }) != 0 {
                let code = errno
                let kind: Problem.Kind = (code == ENOENT || code == ENOTDIR) ? .notFound
                    : code == ELOOP ? .linkLoop : .unreadable
                let message = code == ENOENT ? "no such file or directory" : systemMessage(code)
                // A dangling link given as a root still does not exist for the user.
                return .problem(Problem(kind: kind, displayPath: root, code: code, message: message))
            }
            if info.st_mode & S_IFMT != S_IFDIR {
                return .file(Entry(path: root, displayPath: root))
            }
            guard let real = realPath(bytes) else {
                let code = errno
                return .problem(Problem(kind: .unreadable, displayPath: root, code: code, message: systemMessage(code)))
            }
            rootReal = real
            return enter(directory: bytes, display: root, id: FileID(info), throughLink: false)
        }

        /// Reads a directory's names and pushes a frame; returns a problem if it cannot be read.
        private mutating func enter(directory path: [UInt8], display: String, id: FileID, throughLink: Bool) -> Item? {
            switch readNames(path) {
            case .failure(let code):
                return .problem(Problem(kind: .unreadable, displayPath: display, code: code,
                                        message: "cannot read directory: " + systemMessage(code)))
            case .success(let names):
                frames.append(Frame(path: path, display: display, id: id, names: names, throughLink: throughLink))
                return nil
            }
        }

        private mutating func visitChild(path: [UInt8], display: [UInt8], throughLink: Bool) -> Item? {
            let shown = String(decoding: display, as: UTF8.self)
            var info = stat()
            if withCString(path, { lstat($0, &info) }) != 0 {
                let code = errno
                return .problem(Problem(kind: code == ENOENT ? .notFound : .unreadable, displayPath: shown,
                                        code: code, message: systemMessage(code)))
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                return .file(entry(path, shown, throughLink: throughLink))
            case S_IFDIR:
                let id = FileID(info)
                if frames.contains(where: { $0.id == id }) { return nil }  // bind mounts and the like
                return enter(directory: path, display: shown, id: id, throughLink: throughLink)
            case S_IFLNK:
                return followLink(path: path, shown: shown)
            default:
                return .problem(Problem(kind: .specialFile, displayPath: shown,
                                        message: "not a regular file (FIFO, socket or device); skipped"))
            }
        }

        private mutating func followLink(path: [UInt8], shown: String) -> Item? {
            guard let target = realPath(path) else {
                let code = errno
                if code == ELOOP {
                    return .problem(Problem(kind: .linkLoop, displayPath: shown, code: code,
                                            message: "symbolic link loop; not followed"))
                }
                if code == ENOENT || code == ENOTDIR {
                    return .problem(Problem(kind: .danglingLink, displayPath: shown, code: code,
                                            message: "symbolic link to a missing target; skipped"))
                }
                return .problem(Problem(kind: .unreadable, displayPath: shown, code: code, message: systemMessage(code)))
            }
            guard isInside(target, rootReal) else {
                return .problem(Problem(kind: .linkOutsideRoot, displayPath: shown,
                                        message: "symbolic link points outside the scanned root; not followed"))
            }
            var info = stat()
            if withCString(target, { stat($0, &info) }) != 0 {
                let code = errno
                return .problem(Problem(kind: .danglingLink, displayPath: shown, code: code, message: systemMessage(code)))
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                return .file(entry(path, shown, throughLink: true))
            case S_IFDIR:
                let id = FileID(info)
                if frames.contains(where: { $0.id == id }) {
                    return .problem(Problem(kind: .linkLoop, displayPath: shown,
                                            message: "symbolic link to a directory that contains it; not followed"))
                }
                if enteredThroughLink.contains(id) {
                    return .problem(Problem(kind: .linkLoop, displayPath: shown,
                                            message: "symbolic link to a directory already walked through another link; not followed"))
                }
                enteredThroughLink.insert(id)
                return enter(directory: path, display: shown, id: id, throughLink: true)
            default:
                return .problem(Problem(kind: .specialFile, displayPath: shown,
                                        message: "symbolic link to a FIFO, socket or device; skipped"))
            }
        }

        private func entry(_ path: [UInt8], _ shown: String, throughLink: Bool) -> Entry {
            let valid = String(validating: path, as: UTF8.self)
            return Entry(path: valid ?? shown, displayPath: shown, rawPath: valid == nil ? path : nil,
                         isThroughLink: throughLink)
        }
    }

    struct Frame {
        var path: [UInt8]
        var display: [UInt8]
        var id: FileID
        var names: [[UInt8]]
        var next = 0
        var throughLink: Bool

        init(path: [UInt8], display: String, id: FileID, names: [[UInt8]], throughLink: Bool) {
            self.path = path
            self.display = Array(display.utf8)
            self.id = id
            self.names = names
            self.throughLink = throughLink
        }
    }

    /// A file's identity: device and inode.
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(truncatingIfNeeded: info.st_dev)
            inode = UInt64(truncatingIfNeeded: info.st_ino)
        }
    }
}

/// `parent/name`, without doubling a trailing slash.
private func join(_ parent: [UInt8], _ name: [UInt8]) -> [UInt8] {
    var out = parent
    if out.last != UInt8(ascii: "/") { out.append(UInt8(ascii: "/")) }
    out.append(contentsOf: name)
    return out
}

/// Whether `path` is `root` or below it (both resolved, absolute).
private func isInside(_ path: [UInt8], _ root: [UInt8]) -> Bool {
    if root == [UInt8(ascii: "/")] { return true }
    guard path.count >= root.count, path.starts(with: root) else { return false }
    return path.count == root.count || path[root.count] == UInt8(ascii: "/")
}

/// Calls `body` with `bytes` as a NUL-terminated C string.
private func withCString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
    var terminated = bytes
    terminated.append(0)
    return terminated.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { body($0) }
    }
}

/// The resolved absolute path, or nil with `errno` set.
private func realPath(_ path: [UInt8]) -> [UInt8]? {
    withCString(path) { cPath -> [UInt8]? in
        guard let resolved = realpath(cPath, nil) else { return nil }
        defer { free(resolved) }
        let length = strlen(resolved)
        return resolved.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}

private enum NamesResult {
    case success([[UInt8]])
    case failure(Int32)
}

/// The names in a directory, without `.` and `..`, sorted by bytes.
private func readNames(_ path: [UInt8]) -> NamesResult {
    guard let dir = withCString(path, { opendir($0) }) else { return .failure(errno) }
    defer { closedir(dir) }
    var names: [[UInt8]] = []
    while true {
        errno = 0
        guard let entry = readdir(dir) else {
            if errno != 0 { return .failure(errno) }
            break
        }
        let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            Array(raw.prefix { $0 != 0 })
        }
        if name == [0x2E] || name == [0x2E, 0x2E] { continue }
        names.append(name)
    }
    names.sort { $0.lexicographicallyPrecedes($1) }
    return .success(names)
}
