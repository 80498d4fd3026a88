import Records
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How `ScanEngine.scanFiles` spreads a scan over threads and how much it may hold in memory.
public struct ParallelScanOptions: Sendable, Hashable {
    /// Files scanned at once, each on its own thread with its own `ScanScratch`. 1 scans one
    /// file after another on the calling thread, with no other thread.
    public var jobs: Int
    /// The limits for every archive met.
    public var archiveLimits: ArchiveLimits
    /// The most walk items read ahead of the delivery point: the files waiting for a worker
    /// and the source of the progress totals (a tree with fewer files has exact totals from
    /// the start).
    public var lookahead: Int
    /// The most events (an object's start, a finding, an object's end) held for files scanned
    /// ahead of their turn, across all of them. A worker that would exceed it waits until its
    /// file is the next to deliver; the file being delivered streams through at most
    /// `maxBufferedEvents / 8` buffered events more. Memory for findings is therefore
    /// bounded by about `maxBufferedEvents` findings (a few hundred bytes each).
    public var maxBufferedEvents: Int
    /// The least time, in seconds, between two progress reports.
    public var progressInterval: Double

    public init(jobs: Int = ParallelScanOptions.availableProcessors, archiveLimits: ArchiveLimits = ArchiveLimits(),
                lookahead: Int = 16_384, maxBufferedEvents: Int = 65_536, progressInterval: Double = 0.1) {
        self.jobs = jobs
        self.archiveLimits = archiveLimits
        self.lookahead = lookahead
        self.maxBufferedEvents = maxBufferedEvents
        self.progressInterval = progressInterval
    }

    /// The processors this process may run on: its CPU affinity mask on Linux (`taskset`,
    /// container CPU sets), else the processors online; at least 1.
    public static var availableProcessors: Int {
        #if canImport(Glibc)
        // sched_getaffinity is not in Swift's Glibc module (it needs _GNU_SOURCE).
        typealias Affinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
        if let symbol = dlsym(nil, "sched_getaffinity") {
            let call = unsafeBitCast(symbol, to: Affinity.self)
            var set = cpu_set_t()
            let status = withUnsafeMutableBytes(of: &set) { raw in
                raw.baseAddress.map { call(0, raw.count, $0) } ?? -1
            }
            if status == 0 {
                let count = withUnsafeBytes(of: &set) { $0.reduce(0) { $0 + $1.nonzeroBitCount } }
                if count > 0 { return count }
            }
        }
        #endif
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

extension ScanEngine {
    /// Scans the files of a walk (`DirectoryWalker` items, or any sequence of them) with
    /// `options.jobs` threads, and delivers everything on the calling thread in input order,
    /// exactly as a scan with one job would: for each file, the objects `scanObjects` makes of
    /// it (archive members, then the archive), each as `makeSink(path)`, the findings into that
    /// sink, then `receive(result, sink)`; for each walk problem, `problem`. The output is
    /// therefore the same whatever `jobs` is.
    ///
    /// - Parameters:
    ///   - progress: called on the calling thread at most every `options.progressInterval`
    ///     seconds, and once at the end with the final counters.
    ///   - problem, makeSink, receive: called on the calling thread only. When `problem`,
    ///     `receive` or a sink returns `.stop`, the scan ends: nothing more is delivered, and
    ///     each worker stops at its next hand-over (at the latest when its current file ends).
    ///
    /// With several jobs, each worker collects its file's events and hands them over in
    /// batches; the calling thread walks (reading up to `options.lookahead` items ahead),
    /// replays the events of the file next in order and sleeps when it has nothing to do. A
    /// file scanned ahead of its turn is buffered up to `options.maxBufferedEvents` events for
    /// all such files together; past that its worker waits for its turn, so memory stays
    /// bounded whatever the number of files or findings (workers block rather than spill to
    /// disk). A file whose name is not valid UTF-8 is opened by its exact bytes.
    ///
    /// ```swift
    /// let walk = DirectoryWalker(roots: ["bucket"])
    /// engine.scanFiles(walk, options: ParallelScanOptions(jobs: 4), problem: { _ in .continue },
    ///                  makeSink: { _ in FindingCollector() },
    ///                  receive: { result, sink in
    ///                      print(result.path, sink.findings.count)  // in walk order
    ///                      return .continue
    ///                  })
    /// ```
    public func scanFiles<Items: Sequence, Sink: FindingSink>(
        _ items: Items, options: ParallelScanOptions = ParallelScanOptions(),
        progress: (ScanProgress) -> Void = { _ in },
        problem: (DirectoryWalker.Problem) -> ScanControl,
        makeSink: (String) -> Sink,
        receive: (ObjectResult, Sink) -> ScanControl
    ) where Items.Element == DirectoryWalker.Item {
        _ = scanFilesMeasured(items, options: options, progress: progress, problem: problem, makeSink: makeSink,
                              receive: receive)
    }

    /// `scanFiles`, returning how it went (for tests).
    func scanFilesMeasured<Items: Sequence, Sink: FindingSink>(
        _ items: Items, options: ParallelScanOptions, progress: (ScanProgress) -> Void,
        problem: (DirectoryWalker.Problem) -> ScanControl, makeSink: (String) -> Sink,
        receive: (ObjectResult, Sink) -> ScanControl
    ) -> ParallelScanStatistics where Items.Element == DirectoryWalker.Item {
        let jobs = max(1, options.jobs)
        if jobs > 1 {
            var threads: [ScanThread] = []
            let coordinator = ParallelScanCoordinator(options: options)
            for _ in 0..<jobs {
                guard let thread = ScanThread.start({ [self] in coordinator.work(engine: self) }) else { break }
                threads.append(thread)
            }
            if !threads.isEmpty {
                coordinator.drive(items, progress: progress, problem: problem, makeSink: makeSink, receive: receive)
                coordinator.cancel()
                for thread in threads { thread.join() }
                let (peak, left) = coordinator.bufferedEventCounts
                return ParallelScanStatistics(threads: threads.count, peakBufferedEvents: peak, bufferedEventsLeft: left)
            }
            // No thread could be started: scan here.
        }
        scanSequentially(items, options: options, progress: progress, problem: problem, makeSink: makeSink,
                         receive: receive)
        return ParallelScanStatistics(threads: 0, peakBufferedEvents: 0, bufferedEventsLeft: 0)
    }

    /// `scanFiles` with one job: everything on the calling thread.
    private func scanSequentially<Items: Sequence, Sink: FindingSink>(
        _ items: Items, options: ParallelScanOptions, progress: (ScanProgress) -> Void,
        problem: (DirectoryWalker.Problem) -> ScanControl, makeSink: (String) -> Sink,
        receive: (ObjectResult, Sink) -> ScanControl
    ) where Items.Element == DirectoryWalker.Item {
        let scratch = makeScratch()
        var walk = items.makeIterator()
        var queue: [(item: DirectoryWalker.Item, size: Int)] = []
        var start = 0
        var counters = ScanProgress()
        var lastReport = -Double.infinity
        var stopped = false
        let lookahead = max(1, options.lookahead)
        func report() {
            let now = monotonicSeconds()
            guard now - lastReport >= options.progressInterval else { return }
            lastReport = now
            progress(counters)
        }
        while !stopped {
            while !counters.isWalkComplete && queue.count - start < lookahead {
                guard let item = walk.next() else { counters.isWalkComplete = true; break }
                let size = Self.sizeOnDisk(item)
                if case .file = item { counters.filesTotal += 1; counters.bytesTotal += size }
                queue.append((item, size))
            }
            report()
            guard start < queue.count else { break }
            let (item, size) = queue[start]
            start += 1
            if start >= 1024 && start * 2 >= queue.count {
                queue.removeFirst(start)
                start = 0
            }
            switch item {
            case .problem(let walkProblem):
                stopped = problem(walkProblem) == .stop
            case .file(let entry):
                scanEntry(entry, limits: options.archiveLimits, scratch: scratch, makeSink: { path in
                    StopWatchingSink(inner: makeSink(path))
                }, receive: { result, sink in
                    if stopped || sink.stopped { stopped = true; return .stop }
                    stopped = receive(result, sink.inner) == .stop
                    return stopped ? .stop : .continue
                })
                counters.filesDone += 1
                counters.bytesDone += size
            }
        }
        progress(counters)
    }

    /// Scans one walked file with `scanObjects`; a name that is not valid UTF-8 is opened by
    /// its exact bytes and scanned through `/dev/fd`.
    func scanEntry<Sink: FindingSink>(_ entry: DirectoryWalker.Entry, limits: ArchiveLimits, scratch: ScanScratch,
                                      makeSink: (String) -> Sink, receive: (ObjectResult, Sink) -> ScanControl) {
        guard let raw = entry.rawPath else {
            scanObjects(atPath: entry.path, displayPath: entry.displayPath, limits: limits, scratch: scratch,
                        makeSink: makeSink, receive: receive)
            return
        }
        var terminated = raw.map { CChar(bitPattern: $0) }
        terminated.append(0)
        let fd = open(terminated, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            let sink = makeSink(entry.displayPath)
            _ = receive(ObjectResult(path: entry.displayPath, format: nil, status: .skipped,
                                     reason: code == EACCES ? .permissionDenied : .unableToParseFile,
                                     messages: [Self.systemMessage(code)]), sink)
            return
        }
        defer { close(fd) }
        scanObjects(atPath: "/dev/fd/\(fd)", displayPath: entry.displayPath, limits: limits, scratch: scratch,
                    makeSink: makeSink, receive: receive)
    }

    /// A walked file's size (following a link), for progress; 0 for a problem or when unknown.
    static func sizeOnDisk(_ item: DirectoryWalker.Item) -> Int {
        guard case .file(let entry) = item else { return 0 }
        var info = stat()
        var path = entry.rawPath.map { $0.map { CChar(bitPattern: $0) } } ?? Array(entry.path.utf8CString)
        if entry.rawPath != nil { path.append(0) }
        guard stat(path, &info) == 0 else { return 0 }
        return max(0, Int(info.st_size))
    }

    /// The system's description of `code`, lower-case first ("permission denied").
    static func systemMessage(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let message = String(cString: text)
        guard let first = message.first else { return "error \(code)" }
        return first.lowercased() + message.dropFirst()
    }
}

/// How a `scanFiles` call went: worker threads started (0 when it scanned on the calling
/// thread), the most events buffered at once, and those still counted as buffered at the end
/// (0 when everything was delivered).
struct ParallelScanStatistics: Sendable {
    var threads: Int
    var peakBufferedEvents: Int
    var bufferedEventsLeft: Int
}

/// Passes findings to the caller's sink and remembers whether it asked to stop.
private struct StopWatchingSink<Inner: FindingSink>: FindingSink {
    var inner: Inner
    var stopped = false

    mutating func receive(_ finding: Finding) -> ScanControl {
        if inner.receive(finding) == .stop { stopped = true }
        return stopped ? .stop : .continue
    }
}

/// What a worker hands over for one file, replayed in order on the calling thread.
enum ParallelScanEvent: Sendable {
    /// A walk problem (no worker involved).
    case problem(DirectoryWalker.Problem)
    /// An object starts: the caller's `makeSink(path)`.
    case begin(String)
    case finding(Finding)
    /// An object ends: the caller's `receive(result, sink)`.
    case end(ObjectResult)
}

/// The shared state of a parallel scan: the walk items read ahead, each with the events its
/// worker produced, and the counters. Everything is guarded by `monitor`.
///
/// Items are numbered in walk order. `head` is the next to deliver; `nextToScan` the next a
/// worker takes. A worker pushing events for item `k`:
/// - if `k` is `head`, waits while the events already buffered for `k` reach `headLimit` (the
///   calling thread drains them);
/// - otherwise, waits while all buffered events would exceed `maxBufferedEvents`, or until `k`
///   becomes `head`.
/// Workers take items in order, so the item at `head` is always being scanned by a worker that
/// can make progress, or finished: the scan cannot deadlock.
final class ParallelScanCoordinator: @unchecked Sendable {
    private struct Slot {
        /// The file to scan; nil for a problem.
        var entry: DirectoryWalker.Entry?
        var size: Int
        var events: [ParallelScanEvent]
        var isFinished: Bool
    }

    private let monitor = ScanMonitor()
    private let options: ParallelScanOptions
    private let headLimit: Int
    /// Items from global index `base`; those before `head` are delivered and dropped lazily.
    private var slots: [Slot] = []
    private var base = 0
    private var head = 0
    private var nextToScan = 0
    private var bufferedEvents = 0
    /// The most events buffered at once (for tests of the memory bound).
    private var peakBuffered = 0
    private var counters = ScanProgress()
    private var isCancelled = false

    /// Events a worker collects before handing them over.
    static let batchSize = 256

    init(options: ParallelScanOptions) {
        self.options = options
        self.headLimit = max(Self.batchSize, options.maxBufferedEvents / 8)
    }

    // MARK: the calling thread

    /// Walks, feeds the workers and delivers, until every item is delivered or a callback stops.
    func drive<Items: Sequence, Sink: FindingSink>(
        _ items: Items, progress: (ScanProgress) -> Void, problem: (DirectoryWalker.Problem) -> ScanControl,
        makeSink: (String) -> Sink, receive: (ObjectResult, Sink) -> ScanControl
    ) where Items.Element == DirectoryWalker.Item {
        var walk = items.makeIterator()
        var walkEnded = false
        var endAnnounced = false
        var sink: Sink?
        var lastReport = -Double.infinity
        let lookahead = max(1, options.lookahead)
        var events: [ParallelScanEvent] = []
        delivery: while true {
            // Read the walk ahead, a batch at a time, so delivery is not held up.
            var batch: [Slot] = []
            if !walkEnded {
                let room = min(256, lookahead - monitor.withLock { base + slots.count - head })
                while batch.count < room {
                    guard let item = walk.next() else { walkEnded = true; break }
                    switch item {
                    case .file(let entry):
                        batch.append(Slot(entry: entry, size: ScanEngine.sizeOnDisk(item), events: [], isFinished: false))
                    case .problem(let walkProblem):
                        batch.append(Slot(entry: nil, size: 0, events: [.problem(walkProblem)], isFinished: true))
                    }
                }
            }
            let canWalkMore = !walkEnded && !batch.isEmpty
            let (isDone, snapshot) = monitor.withLock { () -> (Bool, ScanProgress) in
                if !batch.isEmpty || (walkEnded && !endAnnounced) {
                    enqueue(batch, walkEnded: walkEnded)
                    endAnnounced = walkEnded
                }
                takeDeliverable(into: &events)
                if events.isEmpty && !canWalkMore && !(head == base + slots.count && counters.isWalkComplete) {
                    monitor.wait(seconds: options.progressInterval)
                    takeDeliverable(into: &events)
                }
                return (head == base + slots.count && counters.isWalkComplete && events.isEmpty, counters)
            }
            for event in events {
                switch event {
                case .problem(let walkProblem):
                    if problem(walkProblem) == .stop { break delivery }
                case .begin(let path):
                    sink = makeSink(path)
                case .finding(let finding):
                    if sink?.receive(finding) == .stop { break delivery }
                case .end(let result):
                    guard let done = sink else { continue }
                    sink = nil
                    if receive(result, done) == .stop { break delivery }
                }
            }
            events.removeAll(keepingCapacity: true)
            let now = monotonicSeconds()
            if now - lastReport >= options.progressInterval {
                lastReport = now
                progress(snapshot)
            }
            if isDone { break }
        }
        progress(monitor.withLock { counters })
    }

    /// Adds walked items. Holding the lock.
    private func enqueue(_ batch: [Slot], walkEnded: Bool) {
        for slot in batch {
            bufferedEvents += slot.events.count  // a problem's one event
            guard slot.entry != nil else { continue }
            counters.filesTotal += 1
            counters.bytesTotal += slot.size
        }
        slots.append(contentsOf: batch)
        if walkEnded { counters.isWalkComplete = true }
        monitor.broadcast()
    }

    /// Moves the events of `head` (and of the items after it, while they are finished) into
    /// `events`, and drops the delivered items. Holding the lock.
    private func takeDeliverable(into events: inout [ParallelScanEvent]) {
        var moved = 0
        var advanced = false
        while head < base + slots.count {
            let index = head - base
            if !slots[index].events.isEmpty {
                moved += slots[index].events.count
                if events.isEmpty { swap(&events, &slots[index].events) } else {
                    events.append(contentsOf: slots[index].events)
                    slots[index].events.removeAll()
                }
            }
            guard slots[index].isFinished else { break }
            slots[index].entry = nil
            head += 1
            advanced = true
        }
        let delivered = head - base
        if delivered >= 1024 && delivered * 2 >= slots.count {
            slots.removeFirst(delivered)
            base = head
        }
        if moved > 0 || advanced {
            bufferedEvents -= moved
            // Workers wait for room or for their item to become the head.
            monitor.broadcast()
        }
    }

    /// The most events buffered at once, and the number buffered now.
    var bufferedEventCounts: (peak: Int, now: Int) { monitor.withLock { (peakBuffered, bufferedEvents) } }

    /// Stops the workers (once the calling thread is done with delivery, or on `.stop`).
    func cancel() {
        monitor.withLock {
            isCancelled = true
            monitor.broadcast()
        }
    }

    // MARK: worker threads

    /// A worker's loop: takes the next file, scans it with its own scratch, hands the events over.
    func work(engine: ScanEngine) {
        let scratch = engine.makeScratch()
        let outbox = WorkerOutbox(coordinator: self)
        while let (index, entry) = take() {
            outbox.index = index
            engine.scanEntry(entry, limits: options.archiveLimits, scratch: scratch, makeSink: { path in
                _ = outbox.add(.begin(path))
                return OutboxSink(outbox: outbox)
            }, receive: { result, _ in
                outbox.add(.end(result))
            })
            outbox.flush(finished: true)
        }
    }

    /// The next file to scan and its index, waiting for the walk; nil at the end or on cancel.
    private func take() -> (Int, DirectoryWalker.Entry)? {
        monitor.withLock {
            while !isCancelled {
                if nextToScan < base + slots.count {
                    let index = nextToScan
                    nextToScan += 1
                    if let entry = slots[index - base].entry { return (index, entry) }
                    continue  // a problem: nothing to scan
                }
                if counters.isWalkComplete { return nil }
                monitor.wait()
            }
            return nil
        }
    }

    /// Hands `events` of item `index` over, waiting for room (see the type's rules); `finished`
    /// marks the item's scan as ended. Returns `.stop` when the scan was cancelled.
    fileprivate func push(_ events: inout [ParallelScanEvent], index: Int, finished: Bool) -> ScanControl {
        monitor.withLock {
            while !isCancelled {
                if index == head {
                    if slots[index - base].events.count < headLimit { break }
                } else if bufferedEvents == 0 || bufferedEvents + events.count <= options.maxBufferedEvents {
                    break
                }
                monitor.wait()
            }
            if isCancelled { return .stop }
            let slot = index - base
            bufferedEvents += events.count
            peakBuffered = max(peakBuffered, bufferedEvents)
            if slots[slot].events.isEmpty { swap(&slots[slot].events, &events) } else {
                slots[slot].events.append(contentsOf: events)
            }
            if finished {
                slots[slot].isFinished = true
                counters.filesDone += 1
                counters.bytesDone += slots[slot].size
            }
            if index == head { monitor.broadcast() }
            return .continue
        }
    }
}

/// One worker's batch of events for the file it is scanning.
private final class WorkerOutbox {
    let coordinator: ParallelScanCoordinator
    var index = 0
    private var events: [ParallelScanEvent] = []
    private var isStopped = false

    init(coordinator: ParallelScanCoordinator) {
        self.coordinator = coordinator
        events.reserveCapacity(ParallelScanCoordinator.batchSize)
    }

    func add(_ event: ParallelScanEvent) -> ScanControl {
        if isStopped { return .stop }
        events.append(event)
        if events.count >= ParallelScanCoordinator.batchSize { flush(finished: false) }
        return isStopped ? .stop : .continue
    }

    func flush(finished: Bool) {
        if coordinator.push(&events, index: index, finished: finished) == .stop { isStopped = true }
        events.removeAll(keepingCapacity: true)
        if finished { isStopped = false }
    }
}

/// The sink a worker scans into: findings go to its outbox.
private struct OutboxSink: FindingSink {
    let outbox: WorkerOutbox

    mutating func receive(_ finding: Finding) -> ScanControl {
        outbox.add(.finding(finding))
    }
}
