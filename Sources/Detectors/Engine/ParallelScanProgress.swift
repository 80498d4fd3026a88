/// Counters of a scan over many files, handed to the progress callback of
/// `ScanEngine.scanFiles`: files and bytes done out of those walked so far.
///
/// A file counts as done when its scan (every member, for an archive) has ended, whether or not
/// its results have been delivered yet; its bytes are its size on disk (an archive counts its
/// compressed size), so the bytes move one file at a time. Totals grow while the walk goes on:
/// until `isWalkComplete`, they are lower bounds.
public struct ScanProgress: Sendable, Hashable {
    /// Files whose scan has ended.
    public var filesDone: Int
    /// Files walked so far (all of them once `isWalkComplete`).
    public var filesTotal: Int
    /// Bytes on disk of the files done.
    public var bytesDone: Int
    /// Bytes on disk of the files walked so far.
    public var bytesTotal: Int
    /// True once the walk has ended: the totals are final.
    public var isWalkComplete: Bool

    public init(filesDone: Int = 0, filesTotal: Int = 0, bytesDone: Int = 0, bytesTotal: Int = 0,
                isWalkComplete: Bool = false) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.isWalkComplete = isWalkComplete
    }

    /// One line for a progress display, `elapsed` seconds after the scan started:
    /// `37/200 files, 41.2/200.0 MB, 55.3 MB/s, 0:03 left`. While the walk goes on the totals
    /// read `≥N` and the time left is not shown. MB are 10^6 bytes. No control characters:
    /// placing and erasing the line is the caller's business.
    public func line(elapsed: Double) -> String {
        let bound = isWalkComplete ? "" : "≥"
        let useGB = max(bytesTotal, bytesDone) >= 10_000_000_000
        let unit = useGB ? "GB" : "MB"
        let scale = useGB ? 1e9 : 1e6
        let digits = useGB ? 2 : 1
        var parts = ["\(Self.grouped(filesDone))/\(bound)\(Self.grouped(filesTotal)) files",
                     "\(Self.decimal(Double(bytesDone) / scale, digits))/\(bound)"
                         + "\(Self.decimal(Double(bytesTotal) / scale, digits)) \(unit)"]
        let rate = elapsed > 0 ? Double(bytesDone) / elapsed : 0
        parts.append("\(Self.decimal(rate / 1e6, 1)) MB/s")
        if let left = secondsLeft(elapsed: elapsed, rate: rate) {
            parts.append("\(Self.duration(left)) left")
        }
        return parts.joined(separator: ", ")
    }

    /// The time left at the current rate: by bytes, or by files when the files are empty;
    /// nil while the walk goes on or before anything is done.
    private func secondsLeft(elapsed: Double, rate: Double) -> Double? {
        guard isWalkComplete, elapsed > 0 else { return nil }
        if bytesTotal > 0 {
            guard bytesDone > 0, rate > 0 else { return nil }
            return Double(max(0, bytesTotal - bytesDone)) / rate
        }
        guard filesDone > 0 else { return nil }
        return Double(max(0, filesTotal - filesDone)) * elapsed / Double(filesDone)
    }

    /// 12345 as "12,345".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    /// `value` rounded to `digits` decimals, without Foundation's formatting.
    static func decimal(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((max(0, value) * scale).rounded())
        let whole = scaled / Int(scale)
        guard digits > 0 else { return "\(whole)" }
        let fraction = String(scaled % Int(scale))
        return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// "0:07", "12:30", "1:02:03".
    static func duration(_ seconds: Double) -> String {
        let total = seconds.isFinite ? Int(max(0, seconds).rounded(.up)) : 0
        let hours = total / 3600, minutes = total / 60 % 60, secs = total % 60
        let twoDigits = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }
}
