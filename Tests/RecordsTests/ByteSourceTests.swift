import Testing
import Records
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch directory under /tmp, removed by the test when done.
private func makeTemporaryDirectory() throws -> String {
    var template = Array("/tmp/records-tests-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
        guard let base = buffer.baseAddress, let result = mkdtemp(base) else { return nil }
        return String(cString: result)
    }
    return try #require(made)
}

private func write(_ bytes: [UInt8], to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try #require(fd >= 0)
    defer { close(fd) }
    let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    #expect(written == bytes.count)
}

private func readAll<Source: ByteSource>(_ source: inout Source, chunk: Int) throws -> [UInt8] {
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: chunk)
    while true {
        let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
        if count == 0 { return out }
        out += buffer[..<count]
    }
}

@Suite("Byte sources")
struct ByteSourceTests {
    @Test func memorySourceReturnsAllBytesInChunks() throws {
        var source = MemoryByteSource("héllo, world")
        #expect(source.size == 13)
        #expect(try readAll(&source, chunk: 5) == Array("héllo, world".utf8))
        var empty = MemoryByteSource([])
        #expect(try readAll(&empty, chunk: 4) == [])
    }

    @Test func fileSourceReadsTheFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { rmdir(dir) }
        let path = dir + "/data.csv"
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        try write(bytes, to: path)
        defer { unlink(path) }
        var source = try FileByteSource(path: path)
        #expect(source.size == 10_000)
        #expect(try readAll(&source, chunk: 999) == bytes)
    }

    @Test func fileSourceFeedsReaders() throws {
        let dir = try makeTemporaryDirectory()
        defer { rmdir(dir) }
        let path = dir + "/people.csv"
        try write(Array("name\nAnn\n".utf8), to: path)
        defer { unlink(path) }
        var source = try FileByteSource(path: path)
        var collector = Collector()
        let report = try CSVReader().read(from: &source, into: &collector)
        #expect(collector.texts == ["r1c1(name)=name", "r2c1[name]=Ann"])
        #expect(report.bytesRead == 9)
    }

    @Test func missingFileIsAnOpenError() throws {
        let error = #expect(throws: ReadError.self) { try FileByteSource(path: "/nonexistent/records-test/x.csv") }
        #expect(error?.kind == .open)
        #expect(error?.code == ENOENT)
        #expect(error?.path == "/nonexistent/records-test/x.csv")
        #expect(error?.message == "no such file or directory")
    }

    @Test func directoryIsAnOpenError() throws {
        let dir = try makeTemporaryDirectory()
        defer { rmdir(dir) }
        let error = #expect(throws: ReadError.self) { try FileByteSource(path: dir) }
        #expect(error?.kind == .open)
        #expect(error?.code == EISDIR)
        #expect(error?.message == "is a directory")
        #expect(error?.description == dir + ": is a directory")
    }

    @Test func unreadableFileIsAnOpenError() throws {
        let dir = try makeTemporaryDirectory()
        defer { rmdir(dir) }
        let path = dir + "/secret.txt"
        try write(Array("top secret".utf8), to: path)
        defer { unlink(path) }
        chmod(path, 0)
        // root reads anything: nothing to check then.
        guard geteuid() != 0 else { return }
        let error = #expect(throws: ReadError.self) { try FileByteSource(path: path) }
        #expect(error?.kind == .open)
        #expect(error?.code == EACCES)
        #expect(error?.message == "permission denied")
        #expect(error?.description.contains("top secret") == false)
    }
}
