/// The limits that keep archive expansion bounded, after Amazon Macie's: nesting depth, member
/// count, bytes extracted, archive size, plus a compression-ratio guard against zip bombs and a
/// cap on what is buffered in memory for a zip found inside a stream.
///
/// Every limit applies to one top-level archive (a file on disk) and everything inside it.
public struct ArchiveLimits: Sendable, Hashable {
    /// The most container layers entered below a file (Macie: 10). Every decoding layer counts:
    /// `a.zip!b.tar.gz!c.csv` is 3 layers (zip, gzip, tar); `x.csv.gz` is 1.
    public var maxNestingDepth: Int
    /// The most members (files scanned, members skipped, nested archives) in one top-level
    /// archive (Macie: 1,000,000).
    public var maxMembers: Int
    /// The most bytes decompressed (gzip and deflate output, at every layer) from one top-level
    /// archive.
    public var maxExtractedBytes: Int
    /// The largest archive file expanded; a larger one is SKIPPED with
    /// `ARCHIVE_EXCEEDS_SIZE_LIMIT`.
    public var maxArchiveBytes: Int
    /// The largest ratio of decompressed to compressed bytes a stream may reach once it has
    /// produced `ratioCheckThreshold` bytes; beyond it the stream stops (a zip bomb guard).
    public var maxCompressionRatio: Int
    /// Output below this many bytes is never stopped by the ratio guard (small files of
    /// zeros compress very well and are harmless).
    public var ratioCheckThreshold: Int
    /// The largest nested zip read into memory (a zip needs random access to its central
    /// directory; inside a stream it is buffered). A larger one is skipped as unprocessed.
    public var maxBufferedArchiveBytes: Int

    /// Macie's limits where Macie documents them (depth 10, 1,000,000 files), generous
    /// defaults elsewhere: 20 GiB extracted, 8 GiB archives, ratio 250 after 1 MiB, 256 MiB
    /// buffered for a nested zip.
    public init(maxNestingDepth: Int = 10, maxMembers: Int = 1_000_000,
                maxExtractedBytes: Int = 20 << 30, maxArchiveBytes: Int = 8 << 30,
                maxCompressionRatio: Int = 250, ratioCheckThreshold: Int = 1 << 20,
                maxBufferedArchiveBytes: Int = 256 << 20) {
        self.maxNestingDepth = maxNestingDepth
        self.maxMembers = maxMembers
        self.maxExtractedBytes = maxExtractedBytes
        self.maxArchiveBytes = maxArchiveBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckThreshold = ratioCheckThreshold
        self.maxBufferedArchiveBytes = maxBufferedArchiveBytes
    }
}

/// A container format piiscan opens.
public enum ArchiveKind: String, Sendable, Hashable, CaseIterable, Codable {
    case gzip
    case zip
    case tar

    /// The container that `prefix` (the first bytes of an object, at least 512 when the object
    /// is that long) starts with, or nil. A tar is recognised by its `ustar` magic, or by a
    /// valid header checksum when the name ends in `.tar` (old V7 archives have no magic).
    public static func detect(name: String, prefix: UnsafeRawBufferPointer) -> ArchiveKind? {
        if prefix.count >= 2, prefix[0] == 0x1F, prefix[1] == 0x8B { return .gzip }
        if prefix.count >= 4, prefix[0] == 0x50, prefix[1] == 0x4B,
           (prefix[2] == 0x03 && prefix[3] == 0x04) || (prefix[2] == 0x05 && prefix[3] == 0x06) {
            return .zip
        }
        if prefix.count >= 512 {
            let header = UnsafeRawBufferPointer(rebasing: prefix[0..<512])
            let magic = Array(header[257..<262])
            if magic == Array("ustar".utf8), TarHeader.checksumIsValid(header) { return .tar }
            if FileFormat.fileExtension(of: name) == "tar", TarHeader.checksumIsValid(header) { return .tar }
        }
        return nil
    }
}

/// Something that stopped or limited the expansion of an archive or one of its members. The
/// message names the place (the member's path) and never quotes content.
public struct ArchiveProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A container deeper than `maxNestingDepth`; not opened.
        case nestingOverLimit
        /// More members than `maxMembers`; the rest were not processed.
        case tooManyMembers
        /// More bytes decompressed than `maxExtractedBytes`; the rest were not processed.
        case tooManyBytes
        /// The archive is larger than `maxArchiveBytes`; not opened.
        case archiveTooLarge
        /// A stream decompressed past `maxCompressionRatio`; stopped there.
        case compressionRatio
        /// A member that cannot be read: encrypted, an unsupported compression method, a
        /// nested zip too large to buffer.
        case unprocessedMember
        /// The container's structure is damaged or truncated.
        case malformed
        /// The file could not be read (an I/O error).
        case readFailed
    }

    public var kind: Kind
    /// The path of the archive or member concerned, as shown (`a.zip!b.csv`).
    public var path: String
    /// What happened, with no content in it.
    public var message: String

    public init(kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    /// True for the limits that end the whole top-level archive (nothing more is processed).
    public var endsExpansion: Bool { kind == .tooManyMembers || kind == .tooManyBytes }
}
