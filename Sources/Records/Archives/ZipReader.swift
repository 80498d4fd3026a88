#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes that can be read at any offset: what a zip needs, since its table of contents (the
/// central directory) is at the end.
protocol RandomAccessBytes: AnyObject {
    var size: Int { get }
    /// Reads up to `buffer.count` bytes at `offset`; fewer only at the end.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int
}

/// A file read with `pread`.
final class FileRandomAccess: RandomAccessBytes {
    let path: String
    let size: Int
    private let descriptor: Int32

    init(path: String) throws(ReadError) {
        var fd: Int32
        repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            let code = errno
            throw ReadError(kind: .open, path: path, code: code, message: systemMessage(code))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw ReadError(kind: .open, path: path, message: "not a regular file (a zip needs random access)")
        }
        self.path = path
        self.size = Int(info.st_size)
        descriptor = fd
    }

    deinit { close(descriptor) }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        var filled = 0
        while filled < buffer.count, let base = buffer.baseAddress {
            let n = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw ReadError(kind: .read, path: path, code: code, message: systemMessage(code))
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }
}

/// Bytes in memory (a nested zip, buffered).
final class MemoryRandomAccess: RandomAccessBytes {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var size: Int { bytes.count }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard offset >= 0, offset < bytes.count else { return 0 }
        let n = min(buffer.count, bytes.count - offset)
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) }
        return n
    }
}

/// A range of random-access bytes read front to back.
struct SliceSource: ByteSource {
    let bytes: any RandomAccessBytes
    var position: Int
    let end: Int

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        let want = min(buffer.count, end - position)
        guard want > 0 else { return 0 }
        let n = try bytes.read(at: position, into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
        position += n
        return n
    }
}

/// One entry of a zip's central directory.
struct ZipEntry {
    var name: String
    var method: Int
    var flags: Int
    var crc: UInt32
    var compressedSize: Int
    var size: Int
    var localHeaderOffset: Int

    var isDirectory: Bool { name.hasSuffix("/") }
    var isEncrypted: Bool { flags & 1 != 0 }

    /// Why the entry cannot be read, or nil when it can (stored or deflated, not encrypted).
    var unsupportedReason: String? {
        if isEncrypted { return "encrypted member; not scanned" }
        switch method {
        case 0, 8: return nil
        case 9: return "compression method 9 (deflate64) not supported; not scanned"
        case 12: return "compression method 12 (bzip2) not supported; not scanned"
        case 14: return "compression method 14 (LZMA) not supported; not scanned"
        case 93: return "compression method 93 (zstd) not supported; not scanned"
        case 95: return "compression method 95 (xz) not supported; not scanned"
        default: return "compression method \(method) not supported; not scanned"
        }
    }
}

/// Reads a zip's central directory (zip64 included) and opens its members.
///
/// The directory is read entry by entry with small reads, never whole, so memory does not grow
/// with the member count. Names are shown as stored (UTF-8, invalid bytes repaired); nothing
/// is written to disk, so names with `..` are harmless.
struct ZipReader {
    let bytes: any RandomAccessBytes
    let path: String
    /// The count of entries the directory declares.
    private(set) var entryCount = 0
    private var directoryOffset = 0
    private var directoryEnd = 0

    private func damaged(_ message: String) -> ArchiveProblem {
        ArchiveProblem(kind: .malformed, path: path, message: message)
    }

    private func read(_ count: Int, at offset: Int) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= bytes.size else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        let n = try out.withUnsafeMutableBytes { try bytes.read(at: offset, into: $0) }
        out.removeLast(count - n)
        return out
    }

    init(_ bytes: any RandomAccessBytes, path: String) throws {
        self.bytes = bytes
        self.path = path
        // The end-of-central-directory record: in the last 22 + 65535 bytes.
        let tailLength = min(bytes.size, 22 + 65_535)
        let tail = try read(tailLength, at: bytes.size - tailLength)
        guard tail.count >= 22,
              let at = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
                  tail[$0] == 0x50 && tail[$0 + 1] == 0x4B && tail[$0 + 2] == 0x05 && tail[$0 + 3] == 0x06
              }) else {
            throw damaged("not a readable zip: no end of central directory record (truncated?)")
        }
        let eocdOffset = bytes.size - tailLength + at
        var count = Int(le16(tail, at + 10))
        var size = Int(le32(tail, at + 12))
        var offset = Int(le32(tail, at + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // zip64: a locator just before the record points to the zip64 record.
            let locator = try read(20, at: eocdOffset - 20)
            if locator.count == 20, le32(locator, 0) == 0x0706_4B50 {
                let recordOffset = Int(clamping: le64(locator, 8))
                let record = try read(56, at: recordOffset)
                guard record.count == 56, le32(record, 0) == 0x0606_4B50 else {
                    throw damaged("zip64 end of central directory record missing at offset \(recordOffset)")
                }
                count = Int(clamping: le64(record, 32))
                size = Int(clamping: le64(record, 40))
                offset = Int(clamping: le64(record, 48))
            }
        }
        guard offset >= 0, size >= 0, offset <= bytes.size, size <= bytes.size - offset else {
            throw damaged("central directory (offset \(offset), \(size) bytes) lies outside the file")
        }
        entryCount = count
        directoryOffset = offset
        directoryEnd = offset + size
    }

    /// Calls `body` with each entry in directory order until it returns false. A damaged entry
    /// throws (the entries before it have been delivered).
    func forEachEntry(_ body: (ZipEntry) throws -> Bool) throws {
        var position = directoryOffset
        for index in 0..<entryCount {
            let fixed = try read(46, at: position)
            guard fixed.count == 46, le32(fixed, 0) == 0x0201_4B50, position + 46 <= directoryEnd else {
                throw damaged("central directory entry \(index + 1) at offset \(position) is damaged")
            }
            let flags = Int(le16(fixed, 8))
            let nameLength = Int(le16(fixed, 28))
            let extraLength = Int(le16(fixed, 30))
            let commentLength = Int(le16(fixed, 32))
            let variable = try read(nameLength + extraLength, at: position + 46)
            guard variable.count == nameLength + extraLength else {
                throw damaged("central directory entry \(index + 1) at offset \(position) is truncated")
            }
            var entry = ZipEntry(
                name: String(decoding: variable[0..<nameLength], as: UTF8.self),
                method: Int(le16(fixed, 10)), flags: flags, crc: le32(fixed, 16),
                compressedSize: Int(le32(fixed, 20)), size: Int(le32(fixed, 24)),
                localHeaderOffset: Int(le32(fixed, 42)))
            applyZip64(Array(variable[nameLength...]), to: &entry)
            guard try body(entry) else { return }
            position += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The zip64 extended information extra field (0x0001) replaces the fields set to all ones.
    private func applyZip64(_ extra: [UInt8], to entry: inout ZipEntry) {
        var i = 0
        while i + 4 <= extra.count {
            let id = le16(extra, i)
            let length = Int(le16(extra, i + 2))
            guard i + 4 + length <= extra.count else { return }
            if id == 0x0001 {
                var p = i + 4
                func take(_ field: inout Int) {
                    guard field == 0xFFFF_FFFF, p + 8 <= i + 4 + length else { return }
                    field = Int(clamping: le64(extra, p))
                    p += 8
                }
                take(&entry.size)
                take(&entry.compressedSize)
                take(&entry.localHeaderOffset)
                return
            }
            i += 4 + length
        }
    }

    /// The compressed data of `entry`, front to back (its local header is read for the data
    /// offset).
    func data(of entry: ZipEntry) throws -> SliceSource {
        let local = try read(30, at: entry.localHeaderOffset)
        guard local.count == 30, le32(local, 0) == 0x0403_4B50 else {
            throw damaged("local header of member \(entry.name) at offset \(entry.localHeaderOffset) is damaged")
        }
        let start = entry.localHeaderOffset + 30 + Int(le16(local, 26)) + Int(le16(local, 28))
        guard entry.compressedSize >= 0, start <= bytes.size, entry.compressedSize <= bytes.size - start else {
            throw damaged("data of member \(entry.name) lies outside the file (truncated zip?)")
        }
        return SliceSource(bytes: bytes, position: start, end: start + entry.compressedSize)
    }
}

func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
func le32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(le16(b, i)) | UInt32(le16(b, i + 2)) << 16 }
func le64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32 }
