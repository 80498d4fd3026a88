import ArgumentParser
import Detectors

/// `--config FILE`, shared by `scan`, `identifiers` and `identifiers test`.
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .customLong("config"),
            help: ArgumentHelp("A configuration file, YAML or JSON: custom identifiers, allow lists, managed identifier selection, limits (repeatable).",
                               discussion: "A custom data identifier exported from Amazon Macie (aws macie2 get-custom-data-identifier) loads as is. Schema: README, \"Configuration file\"; example: examples/piiscan.yaml.",
                               valueName: "FILE"))
    var files: [String] = []

    /// The configuration the files describe, with the command line's selection on top: an
    /// `--include` replaces the files' managed `include`, an `--exclude` adds to their `exclude`.
    /// A bad file is reported on stderr (file, line, item, problem) and ends the command with
    /// exit status 2, before anything is scanned.
    func load(include: Set<String> = [], exclude: Set<String> = []) throws -> ScanConfiguration {
        var configuration: ScanConfiguration
        do {
            configuration = try ScanConfiguration(configurationFiles: files)
        } catch {
            StandardError.report(error.description)
            throw ExitCode(ExitStatus.error)
        }
        if !include.isEmpty { configuration.include = include }
        configuration.exclude.formUnion(exclude)
        return configuration
    }

    /// Builds the engine, reporting a configuration error (exit status 2).
    static func engine(_ configuration: ScanConfiguration) throws -> ScanEngine {
        do {
            return try ScanEngine(configuration: configuration)
        } catch {
            StandardError.report(error.description)
            throw ExitCode(ExitStatus.error)
        }
    }
}
