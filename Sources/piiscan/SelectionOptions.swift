import ArgumentParser

/// `--include`/`--exclude`, shared by `scan` and `identifiers`.
struct SelectionOptions: ParsableArguments {
    @Option(name: .customLong("include"), parsing: .singleValue,
            help: ArgumentHelp("Use only these identifiers or categories (repeatable, comma-separated).",
                               discussion: "Example: --include USA_SOCIAL_SECURITY_NUMBER,CREDENTIALS",
                               valueName: "ID|CATEGORY"))
    var includeArguments: [String] = []

    @Option(name: .customLong("exclude"), parsing: .singleValue,
            help: ArgumentHelp("Leave out these identifiers or categories (repeatable, comma-separated).",
                               discussion: "Applied after --include. Example: --exclude EMAIL_ADDRESS",
                               valueName: "ID|CATEGORY"))
    var excludeArguments: [String] = []

    /// The IDs and categories to include, upper-cased, empty entries dropped.
    var include: Set<String> { Self.names(includeArguments) }
    /// The IDs and categories to exclude.
    var exclude: Set<String> { Self.names(excludeArguments) }

    private static func names(_ arguments: [String]) -> Set<String> {
        Set(arguments.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: " \t").uppercased() }
            .filter { !$0.isEmpty })
    }
}

extension Substring {
    /// The substring without leading and trailing characters in `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var view = self[...]
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
