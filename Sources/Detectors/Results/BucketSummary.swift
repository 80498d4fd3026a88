#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Totals of a whole scan, in the spirit of Macie's bucket statistics: objects classified and
/// skipped (and why), bytes classified, findings by type and category, the most sensitive
/// objects, and a sensitivity score per scanned root. Built by `BucketSummaryBuilder`.
public struct BucketSummary: Sendable, Hashable {
    /// Findings of one type over the scan.
    public struct TypeCount: Sendable, Hashable {
        public var type: String
        public var category: Category
        public var severity: Severity
        public var count: Int
    }

    /// One of the most sensitive objects.
    public struct RankedObject: Sendable, Hashable {
        public var path: String
        /// `ObjectClassification.weight`: 3 per HIGH, 2 per MEDIUM, 1 per LOW finding.
        public var weight: Int
        public var findings: Int
    }

    /// One scanned root (a directory or file given on the command line: a "bucket").
    public struct Root: Sendable, Hashable {
        public var root: String
        public var objects = 0
        /// Objects read (COMPLETE or PARTIAL).
        public var objectsClassified = 0
        public var objectsWithFindings = 0
        public var bytesClassified = 0
        public var findings = 0
        /// Severity-weighted findings (HIGH 3, MEDIUM 2, LOW 1).
        public var weightedFindings = 0
        /// -1 to 100, see `BucketSummary.sensitivityScore`.
        public var sensitivityScore: Int {
            BucketSummary.sensitivityScore(objects: objects, objectsClassified: objectsClassified,
                                           bytesClassified: bytesClassified, weightedFindings: weightedFindings)
        }
        /// "Sensitive" (51-100), "Not sensitive" (1-49) or "Classification error" (-1), as Macie labels.
        public var sensitivityLabel: String {
            let score = sensitivityScore
            return score < 0 ? "Classification error" : score > 50 ? "Sensitive" : "Not sensitive"
        }
    }

    public var objects = 0
    /// Objects read, fully or partly (COMPLETE or PARTIAL).
    public var objectsClassified = 0
    public var objectsSkipped = 0
    public var objectsPartial = 0
    public var objectsWithFindings = 0
    /// Reason codes of SKIPPED objects, with counts.
    public var skippedReasons: [String: Int] = [:]
    /// Reason codes of PARTIAL objects, with counts.
    public var partialReasons: [String: Int] = [:]
    public var bytesClassified = 0
    public var findings = 0
    /// Findings by type, most first (ties by type).
    public var findingsByType: [TypeCount] = []
    /// Findings by category, most first.
    public var findingsByCategory: [(category: Category, count: Int)] {
        var counts: [Category: Int] = [:]
        for item in findingsByType { counts[item.category, default: 0] += item.count }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
            .map { (category: $0.key, count: $0.value) }
    }
    /// The most sensitive objects, heaviest first (ties by path); at most the builder's `topCount`.
    public var mostSensitiveObjects: [RankedObject] = []
    /// The scanned roots, in the order given.
    public var roots: [Root] = []

    /// A root's sensitivity score, -1 to 100, in the spirit of Macie's (whose exact formula is
    /// not published): it rises with the sensitive data found and falls with the data analyzed.
    ///
    /// - no object: 1 (Macie's score for an empty bucket);
    /// - objects, none of them classified (all SKIPPED): -1 (classification error);
    /// - no finding: `max(1, 49 - floor(8 * log10(1 + KiB classified)))`: 49 for a tiny root,
    ///   about 25 after 1 MiB, 1 after 1 GiB ("Not sensitive", 1-49);
    /// - findings: with `d` = severity-weighted findings (HIGH 3, MEDIUM 2, LOW 1) per MiB
    ///   classified (at least 1 MiB counted), `51 + round(49 * (1 - exp(-d / 100)))`: 51 for one
    ///   finding in a large root, 82 at 100 weighted findings per MiB, 100 when dense
    ///   ("Sensitive", 51-100).
    ///
    /// 50 is never computed (Macie uses it for an excluded bucket).
    public static func sensitivityScore(objects: Int, objectsClassified: Int, bytesClassified: Int,
                                        weightedFindings: Int) -> Int {
        if objects == 0 { return 1 }
        if objectsClassified == 0 { return -1 }
        if weightedFindings == 0 {
            let kib = Double(max(0, bytesClassified)) / 1024
            return max(1, 49 - Int((8 * log10(1 + kib)).rounded(.down)))
        }
        let mib = max(1, Double(bytesClassified) / (1024 * 1024))
        let density = Double(weightedFindings) / mib
        return min(100, 51 + Int((49 * (1 - exp(-density / 100))).rounded()))
    }
}

/// Builds a `BucketSummary` from the scan's object classifications, one at a time.
///
/// Memory is bounded by the number of identifiers (findings by type), the number of roots and
/// `topCount`, whatever the number of objects.
public struct BucketSummaryBuilder: Sendable {
    /// How many of the most sensitive objects are kept.
    public let topCount: Int
    private var summary = BucketSummary()
    private var byType: [String: BucketSummary.TypeCount] = [:]

    /// - Parameters:
    ///   - roots: the scanned roots; each object counts towards the first root that is its
    ///     path or a directory above it (`RootMatcher`). `-` is standard input.
    ///   - topCount: how many of the most sensitive objects to keep.
    public init(roots: [String], topCount: Int = 10) {
        self.topCount = max(0, topCount)
        summary.roots = roots.map { BucketSummary.Root(root: $0) }
    }

    /// Counts one object.
    public mutating func add(_ object: ObjectClassification) {
        summary.objects += 1
        let classified = object.status != .skipped
        switch object.status {
        case .complete: break
        case .partial:
            summary.objectsPartial += 1
            summary.partialReasons[object.reason ?? "UNKNOWN", default: 0] += 1
        case .skipped:
            summary.objectsSkipped += 1
            summary.skippedReasons[object.reason ?? "UNKNOWN", default: 0] += 1
        }
        if classified {
            summary.objectsClassified += 1
            summary.bytesClassified += object.sizeClassified
        }
        summary.findings += object.totalCount
        if object.totalCount > 0 { summary.objectsWithFindings += 1 }
        let detections = object.sensitiveData.flatMap(\.detections) + object.customDataIdentifiers.detections
        for detection in detections {
            if var known = byType[detection.type] {
                known.count += detection.count
                if detection.severity > known.severity { known.severity = detection.severity }
                byType[detection.type] = known
            } else {
                byType[detection.type] = BucketSummary.TypeCount(type: detection.type, category: detection.category,
                                                                  severity: detection.severity, count: detection.count)
            }
        }
        if let index = RootMatcher.index(of: object.path, in: summary.roots.map(\.root)) {
            summary.roots[index].objects += 1
            if classified {
                summary.roots[index].objectsClassified += 1
                summary.roots[index].bytesClassified += object.sizeClassified
            }
            summary.roots[index].findings += object.totalCount
            summary.roots[index].weightedFindings += object.weight
            if object.totalCount > 0 { summary.roots[index].objectsWithFindings += 1 }
        }
        if object.weight > 0 && topCount > 0 {
            let ranked = BucketSummary.RankedObject(path: object.path, weight: object.weight, findings: object.totalCount)
            var top = summary.mostSensitiveObjects
            let position = top.firstIndex { Self.ranksBefore(ranked, $0) } ?? top.count
            if position < topCount {
                top.insert(ranked, at: position)
                if top.count > topCount { top.removeLast() }
                summary.mostSensitiveObjects = top
            }
        }
    }

    /// The summary of everything added so far.
    public var result: BucketSummary {
        var out = summary
        out.findingsByType = byType.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.type < $1.type }
        return out
    }

    private static func ranksBefore(_ a: BucketSummary.RankedObject, _ b: BucketSummary.RankedObject) -> Bool {
        a.weight != b.weight ? a.weight > b.weight : a.path < b.path
    }
}

/// Which scanned root an object's path belongs to.
public enum RootMatcher {
    /// The index of the first root that is `path` itself or a directory above it (`root/...`);
    /// nil when none is.
    public static func index(of path: String, in roots: [String]) -> Int? {
        roots.firstIndex { relativeKey(of: path, under: $0) != nil }
    }

    /// `path` relative to `root` (`a/b.csv` for `root/a/b.csv`); the path itself when it is the
    /// root (a file given directly); nil when the path is not under the root.
    public static func relativeKey(of path: String, under root: String) -> String? {
        if path == root { return path }
        guard !root.isEmpty, path.hasPrefix(root) else { return nil }
        let rest = path.dropFirst(root.count)
        if root.hasSuffix("/") { return rest.isEmpty ? nil : String(rest) }
        guard rest.first == "/" else { return nil }
        let key = rest.dropFirst()
        return key.isEmpty ? nil : String(key)
    }
}
