import ArgumentParser
import Records

/// A byte count given as a number with an optional K, M or G suffix (powers of 1024).
struct ByteCount: ExpressibleByArgument {
    var value: Int

    init(value: Int) { self.value = value }

    /// Shown as the default in help: the largest exact unit.
    var defaultValueDescription: String {
        for (unit, scale) in [("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)] where value % scale == 0 {
            return "\(value / scale)\(unit)"
        }
        return "\(value)"
    }

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var text = Substring(argument.uppercased())
        if text.hasSuffix("B") { text = text.dropLast() }
        var scale = 1
        if let last = text.last, let unit = units[last] {
            scale = unit
            text = text.dropLast()
        }
        guard let number = Int(text), number > 0 else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        value = product
    }
}

/// The limits on archives (`.zip`, `.tar`, `.tar.gz`, `.gz`), after Amazon Macie's.
struct ArchiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Open archives nested at most N layers deep (default 10; a .tar.gz is 2 layers).",
                               valueName: "N"))
    var archiveMaxDepth: Int = ArchiveLimits().maxNestingDepth

    @Option(help: ArgumentHelp("Scan at most N members of one archive, nested ones included (default 1000000).",
                               valueName: "N"))
    var archiveMaxMembers: Int = ArchiveLimits().maxMembers

    @Option(help: ArgumentHelp("Decompress at most this many bytes from one archive (default 20G).", valueName: "BYTES"))
    var archiveMaxExtracted: ByteCount = ByteCount(value: ArchiveLimits().maxExtractedBytes)

    @Option(help: ArgumentHelp("Skip archive files larger than this (default 8G).", valueName: "BYTES"))
    var archiveMaxSize: ByteCount = ByteCount(value: ArchiveLimits().maxArchiveBytes)

    @Option(help: ArgumentHelp("Stop a compressed stream that expands more than R times past its first MiB (default 250; zip bomb guard).",
                               valueName: "R"))
    var archiveMaxRatio: Int = ArchiveLimits().maxCompressionRatio

    func validate() throws {
        guard archiveMaxDepth >= 0 else { throw ValidationError("--archive-max-depth must be 0 or more") }
        guard archiveMaxMembers >= 1 else { throw ValidationError("--archive-max-members must be 1 or more") }
        guard archiveMaxRatio >= 1 else { throw ValidationError("--archive-max-ratio must be 1 or more") }
    }

    var limits: ArchiveLimits {
        var limits = ArchiveLimits()
        limits.maxNestingDepth = archiveMaxDepth
        limits.maxMembers = archiveMaxMembers
        limits.maxExtractedBytes = archiveMaxExtracted.value
        limits.maxArchiveBytes = archiveMaxSize.value
        limits.maxCompressionRatio = archiveMaxRatio
        return limits
    }
}
