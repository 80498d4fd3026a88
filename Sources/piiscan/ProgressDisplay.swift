import Detectors
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line of `scan` on stderr: files and bytes done out of those walked, rate and
/// time left (`ScanProgress.line`), redrawn in place (`\r`, then the line, then "clear to the
/// end of the line") at most ten times a second, and erased at the end. Shown only when stderr
/// is a terminal and `--quiet` is not given; nothing is written otherwise.
///
/// Anything else written to the terminal (a diagnostic, the report when stdout is the same
/// terminal) first calls `clear()`, so the line never mixes with it; the next update redraws.
final class ProgressDisplay {
    private let start = ProgressDisplay.monotonic()
    private var lastDraw = -Double.infinity
    private var isDrawn = false
    /// The terminal's width when known, to keep the line on one row.
    private let width: Int?

    /// Whether a display is wanted: stderr is a terminal and `--quiet` was not given.
    static func isWanted(quiet: Bool, stderrIsTerminal: Bool = isatty(2) != 0) -> Bool {
        !quiet && stderrIsTerminal
    }

    init() {
        var size = winsize()
        width = ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
    }

    /// Redraws the line with `progress`, unless it was drawn less than 0.1 s ago.
    func update(_ progress: ScanProgress) {
        let now = Self.monotonic()
        guard now - lastDraw >= 0.1 else { return }
        lastDraw = now
        var line = progress.line(elapsed: now - start)
        if let width, line.count >= width { line = String(line.prefix(max(0, width - 1))) }
        Self.write("\r" + line + "\u{1B}[K")
        isDrawn = true
    }

    /// Erases the line if it is shown.
    func clear() {
        guard isDrawn else { return }
        Self.write("\r\u{1B}[K")
        isDrawn = false
    }

    private static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let n = systemWrite(2, base + offset, raw.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0 && errno == EINTR { continue }
                return
            }
        }
    }

    private static func monotonic() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
