import ArgumentParser
import Detectors
import Records
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How `scan` writes its report.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Counts by type per file, then totals (readable).
    case summary
    /// One JSON object per line: findings, then one `object` line per file.
    case jsonl
    /// One Macie sensitive data discovery result per object and per line.
    case macie
}

/// The format standard input is read as, when not sniffed.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, tsv, json, jsonl

    var fileFormat: FileFormat {
        switch self {
        case .text: return .text
        case .csv: return .csv
        case .tsv: return .tsv
        case .json: return .json
        case .jsonl: return .jsonl
        }
    }
}

/// `piiscan scan PATH...`: scans files, directories (recursively) and standard input.
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan files, directories or standard input for sensitive data (the default subcommand).",
        discussion: """
            Directories are walked recursively in sorted order, hidden files included. Symbolic \
            links are followed only to targets inside the scanned root; a link pointing outside \
            is reported as skipped. With no PATH and standard input not a terminal, or with \
            PATH `-`, standard input is scanned.

            Matched values are never printed (not in the report, not in errors) unless \
            --show-values is given.

            Examples:
              piiscan scan Corpora/demo-bucket
              piiscan scan --format jsonl exports/ > findings.jsonl
              cat dump.json | piiscan scan --stdin-format json
              piiscan scan --include CREDENTIALS --exclude JSON_WEB_TOKEN logs/
              piiscan scan --config examples/piiscan.yaml exports/
              piiscan scan --jobs 1 --quiet exports/

            Files are scanned in parallel (--jobs, default one per processor this process \
            may use); the report is the same, byte for byte, whatever the number of jobs. \
            When stderr is a terminal, a progress line shows files and bytes done, the rate \
            and the time left (--quiet hides it).

            EXIT STATUS
              0  no findings
              1  findings
              2  error: bad usage or configuration, a PATH that does not exist,
                 or a file or directory that could not be read (permission denied);
                 an error wins over findings; a malformed file (PARTIAL) or an
                 unsupported one (SKIPPED) is not an error
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to scan; `-` for standard input.", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: "Output format: summary (readable counts), jsonl (one JSON object per line) or macie (one Macie discovery result per object and line).")
    var format: OutputFormat = .summary

    @Option(help: ArgumentHelp("Also write the bucket summary (totals, skipped objects, sensitivity scores) as JSON to FILE.",
                               valueName: "FILE"))
    var summaryJson: String?

    @Flag(help: "Include the matched text: a \"value\" field in jsonl, a listing in the summary.")
    var showValues = false

    @OptionGroup var selection: SelectionOptions

    @OptionGroup var config: ConfigurationOptions

    @OptionGroup(title: "Archives") var archives: ArchiveOptions

    @Flag(help: "Also report well-known example values (issuers' test card numbers, documented example keys).")
    var reportExampleValues = false

    @Option(help: ArgumentHelp("How far before a match (in bytes, 1-300, default 30) a managed identifier's keyword still counts.",
                               valueName: "N"))
    var keywordDistance: Int?

    @Option(help: ArgumentHelp("Read standard input as this format instead of sniffing it (default: sniffed, else text).",
                               valueName: "text|csv|tsv|json|jsonl"))
    var stdinFormat: InputFormat?

    @Option(help: ArgumentHelp("Files scanned at once, one thread each (default: the processors this process may use); 1 scans one file after another.",
                               valueName: "N"))
    var jobs: Int?

    @Flag(help: "Do not show the progress line (it is shown only when stderr is a terminal).")
    var quiet = false

    func validate() throws {
        if let jobs, !(1...1024).contains(jobs) {
            throw ValidationError("--jobs must be between 1 and 1024, got \(jobs)")
        }
        if let keywordDistance, !(1...300).contains(keywordDistance) {
            throw ValidationError("--keyword-distance must be between 1 and 300, got \(keywordDistance)")
        }
        if paths.isEmpty && isatty(0) != 0 {
            throw ValidationError("no PATH given and standard input is a terminal")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        var configuration = try config.load(include: selection.include, exclude: selection.exclude)
        if reportExampleValues { configuration.reportExampleValues = true }
        if let keywordDistance { configuration.keywordDistance = keywordDistance }
        // Values are always carried internally, so sensitive JSON keys and CSV header cells can
        // be redacted from locations; the sink drops them unless --show-values is given.
        configuration.includeValues = true
        let engine = try ConfigurationOptions.engine(configuration)

        let output = OutputBuffer(fd: 1)
        let roots = paths.isEmpty ? ["-"] : paths
        let inner: any ReportPrinter = switch format {
        case .summary: SummaryPrinter(output: output, showValues: showValues)
        case .jsonl: JSONLinesPrinter(output: output, showValues: showValues)
        case .macie: MaciePrinter(output: output, roots: roots)
        }
        let printer = BucketSummaryRecorder(wrapping: inner, roots: roots)
        (inner as? SummaryPrinter)?.bucketSummary = { printer.summary }
        // The Macie printer never writes values, but reads them (multi-line ranges, sensitive
        // names in paths), so values reach it as they would with --show-values.
        let run = ScanRun(engine: engine, scratch: engine.makeScratch(), printer: printer, output: output,
                          tally: ScanTally(), showValues: showValues || format == .macie,
                          stdinFormat: stdinFormat?.fileFormat, archiveLimits: archives.limits,
                          jobs: jobs ?? ParallelScanOptions.availableProcessors,
                          progress: ProgressDisplay.isWanted(quiet: quiet) ? ProgressDisplay() : nil,
                          stdoutIsTerminal: isatty(1) != 0)
        // Consecutive paths are walked as one scan; standard input is one object between them.
        var walked: [String] = []
        for root in roots {
            if root != "-" { walked.append(root); continue }
            if !walked.isEmpty && !output.isClosed { run.scan(roots: walked) }
            walked = []
            if !output.isClosed { run.scanStandardInput() }
        }
        if !walked.isEmpty && !output.isClosed { run.scan(roots: walked) }
        if !output.isClosed { printer.finish(run.tally) }
        output.flush()
        if let summaryJson, let problem = printer.writeJSON(to: summaryJson) {
            StandardError.report(summaryJson, problem)
            throw ExitCode(ExitStatus.error)
        }
        if let failure = output.failure {
            StandardError.report("standard output", systemDescription(failure))
            throw ExitCode(ExitStatus.error)
        }
        let status = run.tally.exitStatus
        if status != ExitStatus.clean { throw ExitCode(status) }
    }
}

/// The state of one `scan` invocation: one engine, the printer and the running totals. Files
/// are scanned by the library's `scanFiles` (in parallel with `jobs` > 1), which delivers
/// everything here, on the main thread, in walk order.
struct ScanRun {
    let engine: ScanEngine
    /// For standard input, scanned on the main thread.
    let scratch: ScanScratch
    let printer: any ReportPrinter
    let output: OutputBuffer
    let tally: ScanTally
    let showValues: Bool
    let stdinFormat: FileFormat?
    let archiveLimits: ArchiveLimits
    let jobs: Int
    /// The progress line; nil when not shown.
    let progress: ProgressDisplay?
    /// The report goes to a terminal: the progress line is erased before each object's report.
    let stdoutIsTerminal: Bool

    /// Scans files and walks directories (recursively), in order.
    func scan(roots: [String]) {
        let options = ParallelScanOptions(jobs: jobs, archiveLimits: archiveLimits)
        engine.scanFiles(DirectoryWalker(roots: roots), options: options, progress: { counters in
            progress?.update(counters)
        }, problem: { problem in
            flushBeforeDiagnostics()
            StandardError.report(problem.displayPath, problem.message)
            if problem.isError { tally.errors += 1 }
            if problem.kind != .notFound { record(ObjectReport(skipped: problem)) }
            return output.isClosed ? .stop : .continue
        }, makeSink: makeSink, receive: { result, _ in
            finish(result)
            return output.isClosed ? .stop : .continue
        })
        progress?.clear()
    }

    /// Scans standard input, as `--stdin-format` says or as sniffed (text when unsure).
    func scanStandardInput() {
        var source = PrefixedByteSource(StandardInputSource())
        var sink = makeSink("-")
        do {
            try source.loadPrefix()
        } catch {
            finish(ObjectResult(path: "-", format: nil, status: .skipped, reason: .unableToParseFile,
                                messages: [error.message]))
            return
        }
        let format = stdinFormat ?? source.prefix.withUnsafeBytes { FileFormat.detect(path: "-", prefix: $0) } ?? .text
        finish(engine.scan(from: &source, format: format, path: "-", scratch: scratch, into: &sink))
    }

    private func makeSink(_ path: String) -> ReportingSink {
        ReportingSink(printer: printer, tally: tally, output: output, path: path, showValues: showValues)
    }

    /// Reports an object's problems on stderr, counts read failures as errors, prints it.
    private func finish(_ result: ObjectResult) {
        if !result.messages.isEmpty {
            flushBeforeDiagnostics()
            for message in result.messages { StandardError.report(result.path, message) }
        }
        if result.reason == .permissionDenied || result.reason == .unableToParseFile { tally.errors += 1 }
        record(ObjectReport(result))
    }

    private func record(_ object: ObjectReport) {
        if stdoutIsTerminal { progress?.clear() }
        tally.add(object)
        printer.object(object)
    }

    /// Keeps stdout and stderr in order on a terminal, with the progress line out of the way.
    private func flushBeforeDiagnostics() {
        progress?.clear()
        output.flush()
    }
}
