import Detectors
import Records

/// Reverses format-preserving encryption with the key that made it: the library behind
/// `piiscan unmask`. Nothing else a policy does can be reversed (hashes, tokens and masks
/// keep nothing of the value).
///
/// What it finds again:
/// - values of columns and paths that a policy rule encrypts (`columns: [card], transform:
///   encrypt`): every value there is deciphered;
/// - anywhere in any value, ciphertexts written with a surrogate annotation
///   (`encrypt: {surrogate: CARD}` writes `CARD(19):4929-0613-5770-2214`): the annotation is
///   removed and the value deciphered.
/// A finding encrypted without a surrogate outside such a column looks like any other value of
/// its kind by design, so it cannot be told apart from one that was never encrypted; give the
/// rule a surrogate when the data must be reversible.
public final class Unmasker {
    public let policy: MaskingPolicy
    public let transformer: ValueTransformer
    public let keyID: String

    public init(policy: MaskingPolicy, key: MaskingKey) {
        self.policy = policy
        self.transformer = ValueTransformer(key: key)
        self.keyID = key.id
    }

    /// Whether the policy encrypts anything that can be found again.
    public var hasReversibleFields: Bool {
        let fields = policy.encryptedFields
        return !fields.columns.isEmpty || !fields.paths.isEmpty || !policy.surrogates.isEmpty
    }

    /// Deciphers an object record by record (formats as `Masker.mask`). Counts are by column,
    /// path or surrogate name, under the transform `decrypt`.
    public func unmask<Source: ByteSource, Sink: ByteSink>(_ source: Source, format: FileFormat, path: String,
                                                           to sink: inout Sink, flushEachRecord: Bool = false,
                                                           hashInput: Bool = false) throws(MaskingIOError) -> ObjectMaskingReport {
        var report = ObjectMaskingReport(path: path, format: format)
        let fields = policy.encryptedFields
        let decrypter = DecryptingFieldRewriter(transformer: transformer, columns: fields.columns, paths: fields.paths,
                                                surrogates: policy.surrogates)
        var rewriter = RecordRewriter(rewriter: decrypter, format: format, onError: policy.onError,
                                      maxRecordBytes: policy.maxRecordBytes, textContext: 0)
        if hashInput {
            var hashing = HashingByteSource(source)
            report.bytesIn = try rewriter.run(from: &hashing, to: &sink, flushEachRecord: flushEachRecord)
            report.inputSHA256 = hashing.sha256
        } else {
            var source = source
            report.bytesIn = try rewriter.run(from: &source, to: &sink, flushEachRecord: flushEachRecord)
        }
        report.records = rewriter.counts
        report.counts = rewriter.rewriter.counts
        report.messages = rewriter.messages
        report.problemCount = rewriter.problemCount
        report.failure = rewriter.failure
        return report
    }

    /// Deciphers the file at `input` into `output` (temporary file and rename, as masking).
    public func unmaskFile(at input: String, to output: String, format: FileFormat? = nil) -> MaskingManifest.Object {
        FileRewrite.run(input: input, output: output, format: format) { (file, format, sink) throws(MaskingIOError) in
            if format == .parquet { return try unmaskParquet(at: input, to: &sink) }
            return try unmask(file, format: format, path: input, to: &sink, hashInput: true)
        } finish: { _, _ in }
    }
}

extension Unmasker {
    /// Deciphers a Parquet file into `sink` with the same schema: the values of encrypted
    /// columns and paths, and surrogate-annotated ciphertexts in any string value. Column
    /// chunks without a change are copied byte for byte, as when masking.
    public func unmaskParquet<Sink: ByteSink>(at input: String, to sink: inout Sink) throws(MaskingIOError) -> ObjectMaskingReport {
        var report = ObjectMaskingReport(path: input, format: .parquet)
        let file: FileRandomAccessSource
        do { file = try FileRandomAccessSource(path: input) } catch { throw .read(error) }
        report.bytesIn = file.size
        let fields = policy.encryptedFields
        var editor = ParquetFieldEditor(rewriter: DecryptingFieldRewriter(transformer: transformer, columns: fields.columns,
                                                                          paths: fields.paths, surrogates: policy.surrogates),
                                        onError: policy.onError)
        editor.rewrite(file, to: &sink, options: ParquetRewriteOptions(), into: &report)
        report.counts = editor.rewriter.counts
        return report
    }
}

/// Deciphers encrypted columns and surrogate-annotated values.
struct DecryptingFieldRewriter: FieldRewriter {
    let transformer: ValueTransformer
    let columns: [String: FormatPreservingEncryption]
    let paths: [(PathPattern, FormatPreservingEncryption)]
    let surrogates: [String: FormatPreservingEncryption]
    var counts: [String: [String: Int]] = [:]
    var expectedOutputs: Set<[UInt8]> { [] }

    mutating func beginRecord(_ fields: [RecordField], format: FileFormat) {}

    func removedColumns(header: [String]) -> Set<Int> { [] }

    mutating func rewrite(_ field: RecordField, context: [UInt8]) throws(RecordFailure) -> FieldOutcome {
        guard !field.isName else { return .unchanged }
        var whole: (FormatPreservingEncryption, String)?
        switch field.position {
        case .cell:
            if let name = field.columnName, let options = columns[name] { whole = (options, "column:" + name) }
        case .record(_, let path):
            if case .name(let first)? = path.elements.first, path.elements.count == 1, let options = columns[first] {
                whole = (options, "column:" + first)
            } else if let (pattern, options) = paths.first(where: { $0.0.selects(path) }) {
                whole = (options, "path:" + pattern.description)
            }
        }
        let text = String(decoding: field.value, as: UTF8.self)
        if let (options, label) = whole {
            do {
                let plain = try transformer.decrypt(options, text)
                counts[label, default: [:]]["decrypt", default: 0] += 1
                return .replace(Array(plain.utf8))
            } catch {
                throw RecordFailure(message: "\(PolicyFieldRewriter.describe(field)): \(error.description)")
            }
        }
        guard !surrogates.isEmpty else { return .unchanged }
        let matches = findSurrogates(in: text, names: Set(surrogates.keys))
        guard !matches.isEmpty else { return .unchanged }
        var output = ""
        var cursor = text.startIndex
        for match in matches {
            guard let options = surrogates[match.name] else { continue }
            output += text[cursor..<match.range.lowerBound]
            do {
                output += try transformer.decrypt(options, String(match.ciphertext))
            } catch {
                throw RecordFailure(message: "\(PolicyFieldRewriter.describe(field)): \(match.name): \(error.description)")
            }
            counts[match.name, default: [:]]["decrypt", default: 0] += 1
            cursor = match.range.upperBound
        }
        output += text[cursor...]
        return .replace(Array(output.utf8))
    }
}
