#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with one condition variable: the only lock of a parallel scan. Waits with a timeout
/// use the monotonic clock where the C library allows it (Linux), so a clock change cannot
/// stall them.
final class ScanMonitor: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        #if canImport(Darwin)
        pthread_cond_init(condition, nil)
        #else
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
        #endif
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` holding the lock; `body` may call `wait` and `broadcast`.
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Releases the lock until `broadcast` (or a spurious wake-up). Call holding the lock.
    func wait() {
        pthread_cond_wait(condition, mutex)
    }

    /// As `wait`, returning after `seconds` at most.
    func wait(seconds: Double) {
        var deadline = timespec()
        #if canImport(Darwin)
        clock_gettime(CLOCK_REALTIME, &deadline)
        #else
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        #endif
        let nanoseconds = Int(deadline.tv_nsec) + Int(max(0, seconds) * 1e9)
        deadline.tv_sec += nanoseconds / 1_000_000_000
        deadline.tv_nsec = .init(nanoseconds % 1_000_000_000)
        pthread_cond_timedwait(condition, mutex, &deadline)
    }

    /// Wakes every waiting thread.
    func broadcast() {
        pthread_cond_broadcast(condition)
    }
}

/// A POSIX thread running one closure; `join` waits for it to end.
struct ScanThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    private let id: pthread_t

    /// Starts `body` on a new thread (the system's default stack size); nil when the system
    /// refuses one (a thread limit).
    static func start(_ body: @escaping @Sendable () -> Void) -> ScanThread? {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        #if canImport(Darwin)
        var id: pthread_t?
        let code = pthread_create(&id, nil, { raw in
            Unmanaged<Body>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }, context)
        guard code == 0, let id else {
            Unmanaged<Body>.fromOpaque(context).release()
            return nil
        }
        return ScanThread(id: id)
        #else
        var id = pthread_t()
        let code = pthread_create(&id, nil, { raw in
            if let raw { Unmanaged<Body>.fromOpaque(raw).takeRetainedValue().run() }
            return nil
        }, context)
        guard code == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return nil
        }
        return ScanThread(id: id)
        #endif
    }

    /// Waits for the thread to end.
    func join() {
        pthread_join(id, nil)
    }
}

/// Seconds on the monotonic clock, for throttling progress reports.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
