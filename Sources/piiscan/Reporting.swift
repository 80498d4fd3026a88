import Detectors
import Records

/// One scanned (or skipped) object as the printers show it: a scan's `ObjectResult`, or a
/// path the walk skipped (a link out of the root, an unreadable directory).
struct ObjectReport {
    var path: String
    var format: String?
    var status: ScanStatus
    var reason: String?
    var bytes: Int
    var findings: Int
    /// Problems, each naming a place inside the object; never content.
    var messages: [String]

    init(_ result: ObjectResult) {
        path = result.path
        format = result.format?.rawValue
        status = result.status
        reason = result.reason?.rawValue
        bytes = result.bytes
        findings = result.findings
        messages = result.messages
    }

    init(skipped problem: DirectoryWalker.Problem) {
        path = problem.displayPath
        format = nil
        status = .skipped
        reason = problem.kind.rawValue
        bytes = 0
        findings = 0
        messages = [problem.message]
    }
}

/// Counts over the whole scan, for the summary and the exit status.
final class ScanTally {
    struct TypeInfo {
        var category: Category
        var severity: Severity
        var count: Int
    }
    var byType: [String: TypeInfo] = [:]
    var byCategory: [Category: Int] = [:]
    var objectsByStatus: [ScanStatus: Int] = [:]
    var objects = 0
    var objectsWithFindings = 0
    var bytes = 0
    var findings = 0
    /// Things the user asked for that could not be read: missing paths, permission errors.
    var errors = 0

    func add(_ finding: Finding) {
        findings += 1
        byType[finding.type, default: TypeInfo(category: finding.category, severity: finding.severity, count: 0)].count += 1
        // A custom identifier's severity depends on each object's count: show the highest.
        if let info = byType[finding.type], info.severity < finding.severity { byType[finding.type]?.severity = finding.severity }
        byCategory[finding.category, default: 0] += 1
    }

    func add(_ object: ObjectReport) {
        objects += 1
        objectsByStatus[object.status, default: 0] += 1
        bytes += object.bytes
        if object.findings > 0 { objectsWithFindings += 1 }
    }

    /// 2 on any error, else 1 on any finding, else 0.
    var exitStatus: Int32 {
        errors > 0 ? ExitStatus.error : findings > 0 ? ExitStatus.findings : ExitStatus.clean
    }
}

/// Prints a scan as it goes: findings as they arrive, each object after its findings, totals
/// at the end.
protocol ReportPrinter: AnyObject {
    func finding(_ finding: Finding, path: String)
    func object(_ object: ObjectReport)
    func finish(_ tally: ScanTally)
}

/// The sink a file's scan delivers into: keeps values out of locations, drops the value
/// unless values were asked for, counts the finding and hands it to the printer. Stops the
/// scan when standard output has gone away. One sink per object.
struct ReportingSink: FindingSink {
    let printer: any ReportPrinter
    let tally: ScanTally
    let output: OutputBuffer
    let path: String
    let showValues: Bool
    private var redactor = NameRedactor()

    init(printer: any ReportPrinter, tally: ScanTally, output: OutputBuffer, path: String, showValues: Bool) {
        self.printer = printer
        self.tally = tally
        self.output = output
        self.path = path
        self.showValues = showValues
    }

    mutating func receive(_ finding: Finding) -> ScanControl {
        var finding = finding
        if !showValues {
            redactor.redact(&finding)
            finding.value = nil
        }
        tally.add(finding)
        printer.finding(finding, path: path)
        return output.isClosed ? .stop : .continue
    }
}
