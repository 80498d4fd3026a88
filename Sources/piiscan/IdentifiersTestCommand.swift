import ArgumentParser
import Detectors

/// `piiscan identifiers test`: what a configuration's custom identifiers find in a sample, and
/// why; Macie's TestCustomDataIdentifier with reasons.
struct IdentifiersTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Show what a configuration's custom identifiers find in a sample, and why.",
        discussion: """
            Every match of each custom identifier's regex in the sample is listed with what \
            became of it: reported (with the keyword that made it eligible and the check it \
            passed) or dropped (no keyword close enough, an ignore word, a failed check, an \
            allow list). Then each identifier's count, and the severity that count gives when \
            the sample is one object. Only custom identifiers are tried (all of the file's, or \
            --name's); allow lists apply.

            The matched text IS shown: you supplied the sample. Use synthetic samples.

            TEXT is scanned as text. A --file SAMPLE is read like `scan` reads it: in a CSV, the \
            column names count as keywords; in JSON, the names on a value's path.

            Examples:
              piiscan identifiers test --config examples/piiscan.yaml "employee EMP-204518"
              piiscan identifiers test --config badge.json --name EMPLOYEE_BADGE --file sample.csv

            EXIT STATUS
              0  nothing would be reported
              1  something would be reported
              2  error: bad configuration, unknown --name, unreadable sample
            """
    )

    @OptionGroup var config: ConfigurationOptions

    @Option(help: ArgumentHelp("Try only this custom identifier.", valueName: "NAME"))
    var name: String?

    @Option(name: .customLong("file"), help: ArgumentHelp("Read the sample from this file.", valueName: "SAMPLE"))
    var sampleFile: String?

    @Argument(help: ArgumentHelp("The sample text (or use --file).", valueName: "TEXT"))
    var text: String?

    func validate() throws {
        if config.files.isEmpty { throw ValidationError("--config FILE is required") }
        if (text == nil) == (sampleFile == nil) { throw ValidationError("give either TEXT or --file SAMPLE") }
    }

    func run() throws {
        var configuration = try config.load()
        if let name {
            guard configuration.customIdentifiers.contains(where: { $0.name == name }) else {
                StandardError.report("no custom identifier is named \(name) in \(config.files.joined(separator: ", "))")
                throw ExitCode(ExitStatus.error)
            }
            configuration.include = [name]
        } else {
            configuration.include = [Category.customIdentifier.rawValue]
        }
        configuration.exclude = []
        if configuration.customIdentifiers.isEmpty {
            StandardError.report("\(config.files.joined(separator: ", ")): no custom identifiers to test")
            throw ExitCode(ExitStatus.error)
        }
        let engine = try ConfigurationOptions.engine(configuration)
        let test: CustomIdentifierTest
        if let sampleFile {
            test = engine.testCustomIdentifiers(inFileAtPath: sampleFile)
            if test.result.status == .skipped {
                for message in test.result.messages { StandardError.report(sampleFile, message) }
                throw ExitCode(ExitStatus.error)
            }
        } else {
            test = engine.testCustomIdentifiers(in: text ?? "")
        }
        let output = OutputBuffer(fd: 1)
        Self.write(test, to: output)
        output.flush()
        for message in test.result.messages { StandardError.report(sampleFile ?? "sample", message) }
        if test.tallies.contains(where: { $0.severity != nil }) { throw ExitCode(ExitStatus.findings) }
    }

    /// One block per match, then one line per identifier.
    static func write(_ test: CustomIdentifierTest, to output: OutputBuffer) {
        if test.matches.isEmpty { output.write("No match.\n") }
        for match in test.matches {
            var place = ""
            if let line = match.line, let column = match.column { place = "line \(line), column \(column)" }
            if let field = match.field { place += (place.isEmpty ? "" : ", ") + Sanitized.text(field) }
            output.write("\(match.identifier)  \(place)  \(Sanitized.text(match.value))\n")
            output.write("    \(describe(match.outcome))\n")
        }
        output.write("\n")
        for tally in test.tallies {
            let noun = tally.count == 1 ? "match" : "matches"
            var line = "\(tally.identifier): \(tally.count) reported \(noun)"
            if let severity = tally.severity {
                line += ", severity \(severity.rawValue)"
            } else if tally.count > 0, let lowest = tally.levels.first {
                line += ", below the lowest threshold (\(lowest.occurrencesThreshold)): no finding"
            } else {
                line += ": no finding"
            }
            line += tally.levels.isEmpty ? " (no severity levels: MEDIUM)"
                : " (levels: " + tally.levels.map { "\($0.occurrencesThreshold)+ \($0.severity.rawValue)" }
                    .joined(separator: ", ") + ")"
            output.write(line + "\n")
        }
    }

    static func describe(_ outcome: CustomIdentifierTest.Outcome) -> String {
        switch outcome {
        case .reported(let keyword, let inName, let check):
            var parts: [String] = []
            if let keyword {
                parts.append(inName ? "keyword \"\(keyword)\" in the field's name" : "keyword \"\(keyword)\" before it")
            } else {
                parts.append("no keyword needed")
            }
            if let check { parts.append("\(check.rawValue) check passed") }
            return "reported: " + parts.joined(separator: ", ")
        case .noKeyword:
            return "dropped: no keyword ends before it within maximumMatchDistance of its end, none in the field's name"
        case .ignoreWord(let word):
            return "dropped: contains the ignore word \"\(Sanitized.text(word))\""
        case .captureGroupDidNotMatch:
            return "dropped: the capture group to report did not match"
        case .checkFailed(let check):
            return "dropped: fails the \(check.rawValue) check"
        case .allowed(let list):
            return "dropped: allowed by the allow list \(Sanitized.text(list))"
        }
    }
}
