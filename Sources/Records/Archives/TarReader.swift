/// One 512-byte tar header block (POSIX ustar, GNU and pax extensions).
struct TarHeader {
    var name: [UInt8]
    var size: Int
    var type: UInt8

    /// True when the block's checksum field matches the sum of its bytes (the field itself
    /// counted as spaces), as unsigned or as signed bytes (old tars used signed).
    static func checksumIsValid(_ block: UnsafeRawBufferPointer) -> Bool {
        guard block.count >= 512, let stored = octal(block, 148, 8) else { return false }
        var unsigned = 0
        var signed = 0
        for i in 0..<512 {
            let b = (148..<156).contains(i) ? UInt8(ascii: " ") : block[i]
            unsigned += Int(b)
            signed += Int(Int8(bitPattern: b))
        }
        return stored == unsigned || stored == signed
    }

    /// An octal number field (spaces and NULs around it allowed), or GNU's base-256 form
    /// (high bit of the first byte set). Nil when malformed or out of range.
    static func octal(_ block: UnsafeRawBufferPointer, _ offset: Int, _ length: Int) -> Int? {
        let field = block[offset..<offset + length]
        if let first = field.first, first & 0x80 != 0 {
            var value = Int(first & 0x3F)
            guard first & 0x40 == 0 else { return nil }  // negative
            for b in field.dropFirst() {
                guard value < Int.max >> 8 else { return nil }
                value = value << 8 | Int(b)
            }
            return value
        }
        var value = 0
        var sawDigit = false
        for b in field {
            if b == 0 || b == UInt8(ascii: " ") {
                if sawDigit { break } else { continue }
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(b), value < Int.max >> 3 else { return nil }
            value = value << 3 | Int(b - UInt8(ascii: "0"))
            sawDigit = true
        }
        return value
    }

    static func string(_ block: UnsafeRawBufferPointer, _ offset: Int, _ length: Int) -> [UInt8] {
        Array(block[offset..<offset + length].prefix { $0 != 0 })
    }

    /// Parses a block whose checksum is valid.
    init?(_ block: UnsafeRawBufferPointer) {
        guard Self.checksumIsValid(block), let size = Self.octal(block, 124, 12) else { return nil }
        self.size = size
        type = block[156]
        var name = Self.string(block, 0, 100)
        if Array(block[257..<262]) == Array("ustar".utf8) {
            let prefix = Self.string(block, 345, 155)
            if !prefix.isEmpty, block[263] == UInt8(ascii: "0") || block[262] == 0 {  // POSIX ustar, not GNU
                name = prefix + [UInt8(ascii: "/")] + name
            }
        }
        self.name = name
    }
}

/// The outcome of reading a tar's next entry.
enum TarStep {
    /// A regular file: its name and size; its data follows in the stream.
    case member(name: String, size: Int)
    /// The end of the archive (zero blocks or the end of the stream at a block boundary).
    case end
}

/// Reads a tar stream entry by entry, never seeking and never buffering a member: GNU long
/// names (`L`), pax extended headers (`x`, for `path` and `size`) and ustar prefixes give the
/// names; directories, links and devices are passed over. Damage (a bad checksum, a stream
/// that ends inside a header or a member) throws an `ArchiveProblem` of kind `.malformed`
/// naming the archive and the offset.
final class TarReader {
    private(set) var input: any ByteSource
    let path: String
    /// Bytes consumed from the stream.
    private(set) var offset = 0
    /// Data bytes of the current member not yet read, then its padding.
    private var remaining = 0
    private var padding = 0

    init(_ input: any ByteSource, path: String) {
        self.input = input
        self.path = path
    }

    private func damaged(_ message: String) -> ArchiveProblem {
        ArchiveProblem(kind: .malformed, path: path, message: message)
    }

    /// Reads exactly `buffer.count` bytes; returns the count read (less only at the end).
    private func readFully(_ buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if n == 0 { break }
            filled += n
        }
        offset += filled
        return filled
    }

    /// Skips `count` bytes; returns false if the stream ended first.
    private func skip(_ count: Int) throws(ReadError) -> Bool {
        var left = count
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { scratch.deallocate() }
        while left > 0 {
            let n = try readFully(UnsafeMutableRawBufferPointer(rebasing: scratch[0..<min(left, scratch.count)]))
            if n == 0 { return false }
            left -= n
        }
        return true
    }

    /// Reads the data of an entry that is metadata (a long name, pax records), up to 1 MiB.
    private func readSmall(_ size: Int) throws -> [UInt8] {
        guard size <= 1 << 20 else { throw damaged("tar metadata entry at offset \(offset) is \(size) bytes (over 1 MiB)") }
        var bytes = [UInt8](repeating: 0, count: size)
        let n = try bytes.withUnsafeMutableBytes { try readFully($0) }
        guard n == size, try skip((512 - size % 512) % 512) else {
            throw damaged("truncated tar: the stream ends inside a metadata entry at offset \(offset)")
        }
        return bytes
    }

    /// Moves to the next regular file, skipping what is left of the current one.
    func next() throws -> TarStep {
        if remaining + padding > 0 {
            guard try skip(remaining + padding) else {
                throw damaged("truncated tar: the stream ends inside a member (offset \(offset))")
            }
            remaining = 0
            padding = 0
        }
        var longName: [UInt8]?
        var paxPath: [UInt8]?
        var paxSize: Int?
        let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 512, alignment: 16)
        defer { block.deallocate() }
        while true {
            let at = offset
            let n = try readFully(block)
            if n == 0 { return .end }
            guard n == 512 else { throw damaged("truncated tar: the stream ends inside a header at offset \(at)") }
            let view = UnsafeRawBufferPointer(block)
            if view.allSatisfy({ $0 == 0 }) { return .end }
            guard let header = TarHeader(view) else {
                throw damaged("tar header at offset \(at) is damaged (bad checksum or size field)")
            }
            switch header.type {
            case UInt8(ascii: "L"):
                longName = Array(try readSmall(header.size).prefix { $0 != 0 })
            case UInt8(ascii: "x"):
                for (key, value) in Self.paxRecords(try readSmall(header.size)) {
                    if key == "path" { paxPath = value }
                    if key == "size", let size = Int(String(decoding: value, as: UTF8.self)) { paxSize = size }
                }
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                let size = paxSize ?? header.size
                remaining = size
                padding = (512 - size % 512) % 512
                let name = paxPath ?? longName ?? header.name
                return .member(name: String(decoding: name, as: UTF8.self), size: size)
            default:
                // Directories, links, devices, FIFOs, global pax headers, GNU volume labels.
                let size = header.type == UInt8(ascii: "1") || header.type == UInt8(ascii: "2") ? 0 : header.size
                guard try skip(size + (512 - size % 512) % 512) else {
                    throw damaged("truncated tar: the stream ends inside an entry at offset \(at)")
                }
                longName = nil
                paxPath = nil
                paxSize = nil
            }
        }
    }

    /// Reads the current member's data; 0 at its end. A stream that ends early throws.
    func readMember(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard remaining > 0, buffer.count > 0 else { return 0 }
        let want = min(buffer.count, remaining)
        let n = try readFully(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
        remaining -= n
        if n < want {
            remaining = 0
            padding = 0
            throw ReadError(kind: .read, path: path,
                            message: "truncated tar: the stream ends inside a member (offset \(offset))")
        }
        return n
    }

    /// pax records: `"<length> <key>=<value>\n"`, repeated.
    static func paxRecords(_ bytes: [UInt8]) -> [(String, [UInt8])] {
        var records: [(String, [UInt8])] = []
        var i = 0
        while i < bytes.count {
            guard let space = bytes[i...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: bytes[i..<space], as: UTF8.self)),
                  length > 0, i + length <= bytes.count, length > space - i + 1 else { break }
            let record = bytes[(space + 1)..<(i + length)].dropLast()  // the newline
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                records.append((String(decoding: record[..<equals], as: UTF8.self), Array(record[(equals + 1)...])))
            }
            i += length
        }
        return records
    }
}
