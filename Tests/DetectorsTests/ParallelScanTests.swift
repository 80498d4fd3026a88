import Foundation
import Testing
import Records
@testable import Detectors

/// Everything a `scanFiles` call delivered, as text, in delivery order.
private final class DeliveryLog {
    var lines: [String] = []
    var progress: [ScanProgress] = []

    var callbackThreads: Set<String> = []

    func note() { callbackThreads.insert(currentThread()) }
}

private func currentThread() -> String { "\(pthread_self())" }

private struct LoggingSink: FindingSink {
    let log: DeliveryLog
    mutating func receive(_ finding: Finding) -> ScanControl {
        log.note()
        log.lines.append("  \(finding)")
        return .continue
    }
}

private func describe(_ result: ObjectResult) -> String {
    "end \(result.path) \(result.format?.rawValue ?? "-") \(result.status.rawValue) \(result.reason?.rawValue ?? "-") "
        + "bytes=\(result.bytes) findings=\(result.findings) archive=\(result.archive ?? "-") \(result.messages)"
}

@Suite("Parallel scan")
struct ParallelScanTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let demoBucket = packageRoot.appendingPathComponent("Corpora/demo-bucket").path

    /// The default configuration, with values (so name redaction inputs are compared too).
    static let engine: ScanEngine? = {
        var configuration = ScanConfiguration()
        configuration.includeValues = true
        return try? ScanEngine(configuration: configuration)
    }()

    /// Scans `roots` with `scanFiles` and returns what it delivered.
    private func deliveries(_ roots: [String], options: ParallelScanOptions,
                            stopAfter: Int? = nil) throws -> (DeliveryLog, ParallelScanStatistics) {
        let engine = try #require(Self.engine)
        let log = DeliveryLog()
        var ends = 0
        let statistics = engine.scanFilesMeasured(DirectoryWalker(roots: roots), options: options, progress: {
            log.note()
            log.progress.append($0)
        }, problem: { problem in
            log.note()
            log.lines.append("problem \(problem)")
            return .continue
        }, makeSink: { path in
            log.note()
            log.lines.append("begin \(path)")
            return LoggingSink(log: log)
        }, receive: { result, _ in
            log.note()
            log.lines.append(describe(result))
            ends += 1
            return ends == stopAfter ? .stop : .continue
        })
        return (log, statistics)
    }

    /// The reference: the walk and `scanObjects` one file after another, as the CLI did before
    /// `scanFiles` existed.
    private func reference(_ roots: [String]) throws -> [String] {
        let engine = try #require(Self.engine)
        let log = DeliveryLog()
        let scratch = engine.makeScratch()
        for item in DirectoryWalker(roots: roots) {
            switch item {
            case .problem(let problem):
                log.lines.append("problem \(problem)")
            case .file(let entry):
                engine.scanEntry(entry, limits: ArchiveLimits(), scratch: scratch, makeSink: { path in
                    log.lines.append("begin \(path)")
                    return LoggingSink(log: log)
                }, receive: { result, _ in
                    log.lines.append(describe(result))
                    return .continue
                })
            }
        }
        return log.lines
    }

    /// A tree of 300 files of every kind: CSV, text and JSON Lines with e-mail addresses,
    /// empty and binary files, archives, a file with 20,000 findings, a name that is not valid
    /// UTF-8, and a link out of the root (a walk problem).
    static func makeTree() throws -> (root: String, cleanup: () -> Void) {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("piiscan-parallel-\(UUID().uuidString)")
        let root = base.appendingPathComponent("tree")
        for i in 0..<300 {
            let dir = root.appendingPathComponent("d\(i % 7)")
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            let data: Data
            let name: String
            switch i % 6 {
            case 0:
                name = "f\(i).csv"
                data = Data(("name,email,note\n" + (0..<(i % 13)).map { "n\($0),user\(i)x\($0)@example.com,ok\n" }.joined()).utf8)
            case 1:
                name = "f\(i).txt"
                data = Data(("contact admin\(i)@example.org or ops\(i)@example.net today\n").utf8)
            case 2:
                name = "f\(i).jsonl"
                data = Data(((0..<(i % 5)).map { #"{"id":\#($0),"mail":"p\#(i)q\#($0)@example.com"}"# + "\n" }.joined()).utf8)
            case 3:
                name = "f\(i).log"
                data = Data()
            case 4:
                name = "f\(i).bin"
                data = Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ i) } + [0, 0, 0])
            default:
                name = "f\(i).txt"
                data = Data("nothing sensitive in file \(i)\n".utf8)
            }
            try data.write(to: dir.appendingPathComponent(name))
        }
        let many = (0..<20_000).map { "row \($0): many\($0)@example.com\n" }.joined()
        try Data(many.utf8).write(to: root.appendingPathComponent("d3/big.txt"))
        let archives = packageRoot.appendingPathComponent("Tests/Fixtures/archives")
        for fixture in ["exports.zip", "nested.zip", "exports.tar.gz", "corrupt-member.zip"] {
            try fm.copyItem(at: archives.appendingPathComponent(fixture), to: root.appendingPathComponent("d1/\(fixture)"))
        }
        var rawName = Array((root.path + "/d2/odd-").utf8)
        rawName.append(contentsOf: [0xFF, 0x2E, 0x74, 0x78, 0x74, 0])
        let fd = rawName.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            }
        }
        if fd >= 0 {
            let text = Array("odd name, mail odd@example.com\n".utf8)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("d4/outside").path, withDestinationPath: "/etc/hostname")
        return (root.path, { try? fm.removeItem(at: base) })
    }

    @Test func demoBucketIsDeliveredAsOneJobDeliversIt() throws {
        let expected = try reference([Self.demoBucket])
        #expect(expected.count > 100)
        for jobs in [1, 4] {
            let (log, _) = try deliveries([Self.demoBucket], options: ParallelScanOptions(jobs: jobs))
            #expect(log.lines == expected, "jobs \(jobs)")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func generatedTreeIsTheSameWhateverTheJobsAndBuffers() throws {
        let (root, cleanup) = try Self.makeTree()
        defer { cleanup() }
        let expected = try reference([root])
        #expect(expected.contains { $0.hasPrefix("problem ") })
        #expect(expected.filter { $0.hasPrefix("end ") }.count > 300)
        let options: [ParallelScanOptions] = [
            ParallelScanOptions(jobs: 1),
            ParallelScanOptions(jobs: 4),
            ParallelScanOptions(jobs: 3, lookahead: 5, maxBufferedEvents: 16),
            ParallelScanOptions(jobs: 8, lookahead: 1, maxBufferedEvents: 1),
        ]
        for option in options {
            let (log, statistics) = try deliveries([root], options: option)
            #expect(log.lines == expected, "jobs \(option.jobs), lookahead \(option.lookahead)")
            #expect(statistics.threads == (option.jobs == 1 ? 0 : option.jobs))
            #expect(statistics.bufferedEventsLeft == 0)
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func bufferedFindingsStayUnderTheLimit() throws {
        let (root, cleanup) = try Self.makeTree()
        defer { cleanup() }
        let limit = 64
        let (log, statistics) = try deliveries([root], options: ParallelScanOptions(jobs: 4, maxBufferedEvents: limit))
        #expect(log.lines.count > 20_000)
        // Files ahead of their turn hold at most `limit`; the file being delivered streams
        // through at most `max(batch, limit / 8)` more, plus one batch.
        let bound = limit + max(ParallelScanCoordinator.batchSize, limit / 8) + ParallelScanCoordinator.batchSize
        #expect(statistics.peakBufferedEvents <= bound)
        #expect(statistics.peakBufferedEvents > 0)
    }

    @Test(.timeLimit(.minutes(5)))
    func stopEndsTheScanWithNothingMoreDelivered() throws {
        let (root, cleanup) = try Self.makeTree()
        defer { cleanup() }
        for jobs in [1, 4] {
            let (log, _) = try deliveries([root], options: ParallelScanOptions(jobs: jobs), stopAfter: 3)
            #expect(log.lines.filter { $0.hasPrefix("end ") }.count == 3, "jobs \(jobs)")
            #expect(log.lines.last?.hasPrefix("end ") == true)
        }
    }

    @Test func callbacksRunOnTheCallingThreadAndFinalProgressCountsEveryFile() throws {
        let (root, cleanup) = try Self.makeTree()
        defer { cleanup() }
        var files = 0
        var bytes = 0
        for item in DirectoryWalker(roots: [root]) {
            guard case .file(let entry) = item else { continue }
            files += 1
            var info = stat()
            var path = entry.rawPath.map { $0.map { CChar(bitPattern: $0) } + [0] } ?? Array(entry.path.utf8CString)
            #expect(stat(&path, &info) == 0)
            bytes += Int(info.st_size)
        }
        for jobs in [1, 2] {
            let (log, _) = try deliveries([root], options: ParallelScanOptions(jobs: jobs))
            #expect(log.callbackThreads == [currentThread()])
            let last = try #require(log.progress.last)
            #expect(last == ScanProgress(filesDone: files, filesTotal: files, bytesDone: bytes, bytesTotal: bytes,
                                         isWalkComplete: true), "jobs \(jobs)")
            #expect(log.progress.allSatisfy { $0.filesDone <= $0.filesTotal && $0.bytesDone <= $0.bytesTotal })
        }
    }

    @Test func availableProcessorsIsAtLeastOne() {
        #expect(ParallelScanOptions.availableProcessors >= 1)
        #expect(ParallelScanOptions().jobs == ParallelScanOptions.availableProcessors)
    }
}

@Suite("Progress line")
struct ProgressLineTests {
    @Test func showsDoneOverTotalRateAndTimeLeft() {
        let progress = ScanProgress(filesDone: 37, filesTotal: 200, bytesDone: 41_200_000, bytesTotal: 200_000_000,
                                    isWalkComplete: true)
        // 41.2 MB in 2 s: 20.6 MB/s; 158.8 MB left: 7.7 s, shown rounded up.
        #expect(progress.line(elapsed: 2) == "37/200 files, 41.2/200.0 MB, 20.6 MB/s, 0:08 left")
    }

    @Test func totalsAreLowerBoundsWhileTheWalkGoesOn() {
        let progress = ScanProgress(filesDone: 1_500, filesTotal: 16_384, bytesDone: 5_000_000, bytesTotal: 812_345_678)
        #expect(progress.line(elapsed: 1) == "1,500/≥16,384 files, 5.0/≥812.3 MB, 5.0 MB/s")
    }

    @Test func startsWithNoRateAndNoTimeLeft() {
        let progress = ScanProgress(filesDone: 0, filesTotal: 3, bytesDone: 0, bytesTotal: 1_000, isWalkComplete: true)
        #expect(progress.line(elapsed: 0) == "0/3 files, 0.0/0.0 MB, 0.0 MB/s")
    }

    @Test func largeScansUseGigabytesAndHours() {
        let progress = ScanProgress(filesDone: 10, filesTotal: 20, bytesDone: 12_346_000_000,
                                    bytesTotal: 1_000_000_000_000, isWalkComplete: true)
        // 12.346 GB in 100 s: 123.46 MB/s; 987.654 GB left: 7999.8 s, shown rounded up (2:13:20).
        #expect(progress.line(elapsed: 100) == "10/20 files, 12.35/1000.00 GB, 123.5 MB/s, 2:13:20 left")
    }

    @Test func emptyFilesEstimateByFiles() {
        let progress = ScanProgress(filesDone: 5, filesTotal: 20, bytesDone: 0, bytesTotal: 0, isWalkComplete: true)
        #expect(progress.line(elapsed: 10) == "5/20 files, 0.0/0.0 MB, 0.0 MB/s, 0:30 left")
    }

    @Test func decimalsAndDurations() {
        #expect(ScanProgress.decimal(0.05, 1) == "0.1")
        #expect(ScanProgress.decimal(9.99, 1) == "10.0")
        #expect(ScanProgress.decimal(3.14159, 2) == "3.14")
        #expect(ScanProgress.duration(59.2) == "1:00")
        #expect(ScanProgress.duration(3600) == "1:00:00")
        #expect(ScanProgress.grouped(1_234_567) == "1,234,567")
    }
}
