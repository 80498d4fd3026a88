import ArgumentParser
import Detectors
import Foundation
import Masking
import Records

/// Options shared by `mask` and `unmask`.
struct MaskingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The masking policy, YAML or JSON (see examples/masking-policy.yaml).", valueName: "FILE"))
    var policy: String

    @Option(help: ArgumentHelp("Read the key from FILE (hex, base64 or raw bytes; at least 256 bits). Overrides the policy's `key`.",
                               valueName: "FILE"))
    var keyFile: String?

    @Option(help: ArgumentHelp("Read the key (hex or base64) from environment variable NAME. Overrides the policy's `key`.",
                               valueName: "NAME"))
    var keyEnv: String?

    @Option(help: "The format of standard input in filter mode (jsonl, csv, tsv, text or json).")
    var format: InputFormat = .jsonl

    @Option(help: ArgumentHelp("File mode: write each output under DIR, with its path relative to the PATH it was found under.",
                               valueName: "DIR"))
    var out: String?

    @Flag(help: "File mode: replace each input file by its output (only when the file was processed without a failure).")
    var inPlace = false

    @Option(help: ArgumentHelp("Write the run manifest (JSON) to FILE. File mode with --out writes DIR/piiscan-manifest.json unless given.",
                               valueName: "FILE"))
    var manifest: String?

    @Argument(help: ArgumentHelp("Files or directories (file mode). None: filter standard input to standard output.",
                                 valueName: "PATH"))
    var paths: [String] = []

    /// The policy, or exit status 2 with the problem on stderr.
    func loadPolicy() throws -> MaskingPolicy {
        do {
            return try MaskingPolicy(contentsOf: policy)
        } catch {
            StandardError.report(error.description)
            throw ExitCode(ExitStatus.error)
        }
    }

    /// The key from `--key-file`, `--key-env` or the policy; nil when none is named and
    /// `required` is false.
    func loadKey(_ policy: MaskingPolicy, required: Bool) throws -> MaskingKey? {
        do {
            if keyFile != nil && keyEnv != nil {
                StandardError.report("give --key-file or --key-env, not both")
                throw ExitCode(ExitStatus.error)
            }
            if let keyFile { return try MaskingKey(contentsOfFile: keyFile) }
            if let keyEnv { return try MaskingKey(environmentVariable: keyEnv) }
            switch policy.key {
            case .file(let path)?: return try MaskingKey(contentsOfFile: path)
            case .environment(let name)?: return try MaskingKey(environmentVariable: name)
            case nil:
                if required {
                    StandardError.report("\(self.policy): the policy needs a key: give --key-file FILE, --key-env NAME or `key:` in the policy")
                    throw ExitCode(ExitStatus.error)
                }
                return nil
            }
        } catch let error as KeyError {
            StandardError.report(error.description)
            throw ExitCode(ExitStatus.error)
        }
    }

    func validateMode() throws {
        if out != nil && inPlace { throw ValidationError("give --out DIR or --in-place, not both") }
        if !paths.isEmpty && out == nil && !inPlace {
            throw ValidationError("file mode needs --out DIR (or --in-place to replace the inputs)")
        }
        if paths.isEmpty && (out != nil || inPlace) {
            throw ValidationError("--out and --in-place need PATHs; without PATHs standard input is filtered")
        }
        if paths.contains("-") { throw ValidationError("`-` is not a PATH here: give no PATH to filter standard input") }
    }

    /// The (input, output) pairs of file mode: every file under each PATH, in sorted order.
    /// Problems walking (missing paths, unreadable directories) are reported and make the run
    /// fail at the end, but do not stop it.
    func plan() -> (pairs: [(input: String, output: String)], problems: Int) {
        var pairs: [(String, String)] = []
        var problems = 0
        for root in paths {
            let base = root.hasSuffix("/") ? String(root.dropLast()) : root
            let parent: String
            if let slash = base.lastIndex(of: "/") { parent = String(base[...slash]) } else { parent = "" }
            for item in DirectoryWalker(roots: [root]) {
                switch item {
                case .file(let entry):
                    if inPlace {
                        pairs.append((entry.path, entry.path))
                        continue
                    }
                    guard let out else { continue }
                    var relative = entry.path
                    if isDirectory(base), entry.path.hasPrefix(base + "/") {
                        relative = String(entry.path.dropFirst(base.count + 1))
                    } else if relative.hasPrefix(parent) {
                        relative = String(relative.dropFirst(parent.count))
                    }
                    pairs.append((entry.path, out + "/" + relative))
                case .problem(let problem):
                    StandardError.report(problem.description)
                    if problem.isError { problems += 1 }
                @unknown default:
                    break
                }
            }
        }
        return (pairs, problems)
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Reports an object's problems on stderr, each once: `error` (what stopped the object)
    /// usually repeats the last message, which is then not printed twice. The file is named
    /// once, whether or not `error` already begins with it.
    static func reportProblems(_ path: String, messages: [String], error: String?) {
        for message in messages where error != message && error?.hasSuffix(": " + message) != true {
            StandardError.report(path, message)
        }
        guard let error else { return }
        if error.hasPrefix(path + ": ") { StandardError.report(error) } else { StandardError.report(path, error) }
    }

    /// Writes the manifest to `path`, or reports why it could not.
    static func write(_ manifest: MaskingManifest, to path: String) -> Bool {
        do {
            let data = try manifest.jsonData() + Data([0x0A])
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            return true
        } catch {
            StandardError.report(path, "cannot write the manifest: \(error.localizedDescription)")
            return false
        }
    }
}

/// `piiscan mask`: removes, masks or tokenizes the sensitive values a policy names.
struct Mask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mask sensitive values: a filter (stdin to stdout) or files (--out DIR or --in-place).",
        discussion: """
            Filter mode (no PATH) reads standard input record by record (a JSON Lines record, \
            a CSV/TSV row, a text line) and writes each masked record at once, so it works in \
            a shell pipeline or as a Spark pipe() / Hadoop streaming stage, in bounded memory.

            File mode (PATHs) writes each file's masked copy under --out DIR, keeping the \
            format: same CSV columns and quoting, same JSON keys, same Parquet schema. Each \
            output is written to a temporary file and renamed into place; inputs are never \
            changed unless --in-place is given.

            Keys come from a file or an environment variable, never from the command line. \
            The manifest records input and output SHA-256, the policy's hash, the key ID and \
            counts per identifier and transform, never a value.

            Examples:
              piiscan mask --policy policy.yaml < users.jsonl > users.masked.jsonl
              piiscan mask --policy policy.yaml --format csv --key-env PIISCAN_KEY < in.csv > out.csv
              piiscan mask --policy policy.yaml --out masked/ --verify exports/

            EXIT STATUS
              0  done
              1  --verify found findings of a masked kind left in the output
              2  error: bad usage, policy or key; an object that could not be masked
                 (with onError: fail), read or written
            """
    )

    @OptionGroup var options: MaskingOptions

    @Flag(help: "Scan every output record again and fail (exit status 1) if a finding of a masked kind remains.")
    var verify = false

    @Flag(help: "Do not print the per-file summary on stderr.")
    var quiet = false

    func validate() throws { try options.validateMode() }

    func run() throws {
        let policy = try options.loadPolicy()
        let key = try options.loadKey(policy, required: policy.needsKey)
        let masker: Masker
        do {
            masker = try Masker(policy: policy, key: key)
        } catch {
            StandardError.report(error.description)
            throw ExitCode(ExitStatus.error)
        }
        let mode = options.paths.isEmpty ? "filter" : options.inPlace ? "in-place" : "files"
        var manifest = MaskingManifest(tool: "piiscan \(Piiscan.configuration.version)", policy: policy,
                                       keyID: masker.keyID, mode: mode, verify: verify)
        var failed = false
        var residual = 0
        if options.paths.isEmpty {
            let object = filter(masker, manifest: options.manifest != nil)
            failed = object.status != "MASKED"
            residual = object.residualFindings ?? 0
            manifest.objects.append(object)
        } else {
            if let out = options.out {
                do {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                } catch {
                    StandardError.report(out, "cannot create the output directory: \(error.localizedDescription)")
                    throw ExitCode(ExitStatus.error)
                }
            }
            let (pairs, problems) = options.plan()
            failed = problems > 0
            for (input, output) in pairs {
                if !options.inPlace && output == input {
                    StandardError.report(input, "the output would replace the input; use another --out DIR or --in-place")
                    failed = true
                    continue
                }
                if let slash = output.lastIndex(of: "/") {
                    try? FileManager.default.createDirectory(atPath: String(output[..<slash]), withIntermediateDirectories: true)
                }
                let object = masker.maskFile(at: input, to: output, verify: verify)
                report(object)
                if object.status == "FAILED" { failed = true }
                residual += object.residualFindings ?? 0
                manifest.objects.append(object)
            }
        }
        let manifestPath = options.manifest ?? options.out.map { $0 + "/piiscan-manifest.json" }
        if let manifestPath, !MaskingOptions.write(manifest, to: manifestPath) { failed = true }
        if failed { throw ExitCode(ExitStatus.error) }
        if residual > 0 { throw ExitCode(ExitStatus.findings) }
    }

    /// Filter mode: standard input to standard output, flushed per record.
    private func filter(_ masker: Masker, manifest: Bool) -> MaskingManifest.Object {
        var sink = HashingByteSink(FileByteSink(descriptor: 1, name: "standard output"))
        var object = MaskingManifest.Object(input: .init(path: "-", sha256: "", bytes: 0), output: nil,
                                            format: options.format.fileFormat.rawValue, status: "FAILED",
                                            records: RecordCounts(), counts: [], messages: [], error: nil, residualFindings: nil)
        do {
            let report = try masker.mask(StandardInputSource(), format: options.format.fileFormat, path: "-", to: &sink,
                                         flushEachRecord: true, verify: verify, hashInput: manifest)
            try sink.flush()
            object.input = .init(path: "-", sha256: report.inputSHA256 ?? "", bytes: report.bytesIn)
            object.output = .init(path: "-", sha256: sink.sha256, bytes: sink.count)
            object.records = report.records
            object.counts = MaskingManifest.counts(report.counts)
            object.messages = report.messages
            if verify { object.residualFindings = report.residualCount }
            object.status = report.failure == nil ? "MASKED" : "FAILED"
            object.error = report.failure
            MaskingOptions.reportProblems("-", messages: report.messages, error: report.failure)
            report.residualFindings.forEach { StandardError.report("-", "verify: \($0) remains") }
        } catch {
            object.error = "\(error)"
            StandardError.report("-", "\(error)")
        }
        return object
    }

    private func report(_ object: MaskingManifest.Object) {
        MaskingOptions.reportProblems(object.input.path, messages: object.messages, error: object.error)
        for residual in object.residualPlaces ?? [] { StandardError.report(object.input.path, "verify: \(residual) remains") }
        if verify, let residual = object.residualFindings, residual > (object.residualPlaces?.count ?? 0) {
            StandardError.report(object.input.path, "verify: \(residual) finding(s) of a masked kind remain in all")
        }
        guard !quiet else { return }
        let r = object.records
        var line = "\(object.input.path): \(object.status.lowercased())"
        if object.status == "MASKED" {
            let values = object.counts.filter { $0.transform != "keep" }.reduce(0) { $0 + $1.count }
            line += ", \(r.in) records in, \(r.out) out, \(r.dropped) dropped, \(values) values transformed"
        }
        StandardError.write(Sanitized.text(line))
    }
}

/// `piiscan unmask`: reverses format-preserving encryption with the key.
struct Unmask: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reverse format-preserving encryption (`encrypt` in a policy) with the key that made it.",
        discussion: """
            Deciphers every value of the columns and paths a policy rule encrypts, and every \
            ciphertext written with a surrogate annotation (`encrypt: {surrogate: NAME}`) \
            anywhere. Hashes, tokens, masks and redactions cannot be reversed.

            Examples:
              piiscan unmask --policy policy.yaml --key-file key.hex < masked.jsonl > original.jsonl
              piiscan unmask --policy policy.yaml --key-env PIISCAN_KEY --out restored/ masked/
            """
    )

    @OptionGroup var options: MaskingOptions

    func validate() throws { try options.validateMode() }

    func run() throws {
        let policy = try options.loadPolicy()
        guard let key = try options.loadKey(policy, required: true) else { throw ExitCode(ExitStatus.error) }
        let unmasker = Unmasker(policy: policy, key: key)
        guard unmasker.hasReversibleFields else {
            StandardError.report(options.policy, "the policy encrypts no column or path and no surrogate-annotated value, so nothing can be unmasked")
            throw ExitCode(ExitStatus.error)
        }
        var manifest = MaskingManifest(tool: "piiscan \(Piiscan.configuration.version)", policy: policy, keyID: key.id,
                                       mode: options.paths.isEmpty ? "filter" : options.inPlace ? "in-place" : "files", verify: false)
        var failed = false
        if options.paths.isEmpty {
            var sink = HashingByteSink(FileByteSink(descriptor: 1, name: "standard output"))
            do {
                let report = try unmasker.unmask(StandardInputSource(), format: options.format.fileFormat, path: "-",
                                                 to: &sink, flushEachRecord: true, hashInput: options.manifest != nil)
                try sink.flush()
                MaskingOptions.reportProblems("-", messages: report.messages, error: report.failure)
                if report.failure != nil { failed = true }
                manifest.objects.append(MaskingManifest.Object(
                    input: .init(path: "-", sha256: report.inputSHA256 ?? "", bytes: report.bytesIn),
                    output: .init(path: "-", sha256: sink.sha256, bytes: sink.count), format: options.format.fileFormat.rawValue,
                    status: report.failure == nil ? "MASKED" : "FAILED", records: report.records,
                    counts: MaskingManifest.counts(report.counts), messages: report.messages, error: report.failure,
                    residualFindings: nil))
            } catch {
                StandardError.report("-", "\(error)")
                failed = true
            }
        } else {
            if let out = options.out {
                try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            }
            let (pairs, problems) = options.plan()
            failed = problems > 0
            for (input, output) in pairs where !input.hasSuffix("/piiscan-manifest.json") {
                if !options.inPlace && output == input {
                    StandardError.report(input, "the output would replace the input; use another --out DIR or --in-place")
                    failed = true
                    continue
                }
                if let slash = output.lastIndex(of: "/") {
                    try? FileManager.default.createDirectory(atPath: String(output[..<slash]), withIntermediateDirectories: true)
                }
                let object = unmasker.unmaskFile(at: input, to: output)
                MaskingOptions.reportProblems(input, messages: object.messages, error: object.error)
                if object.status == "FAILED" { failed = true }
                manifest.objects.append(object)
            }
        }
        if let path = options.manifest, !MaskingOptions.write(manifest, to: path) { failed = true }
        if failed { throw ExitCode(ExitStatus.error) }
    }
}
