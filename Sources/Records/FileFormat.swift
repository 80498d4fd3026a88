/// The formats piiscan reads.
public enum FileFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case text
    case csv
    case tsv
    case json
    case jsonl
    /// Apache Parquet (read with `ParquetReader`, which needs random access).
    case parquet
}
