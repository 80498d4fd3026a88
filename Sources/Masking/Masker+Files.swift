import Detectors
import Records
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Masker {
    /// Masks the file at `input` into `output`: written to a temporary file next to `output`
    /// and renamed over it when complete, so a reader never sees half a file and a failed run
    /// leaves no output. `output` may be `input` (in place); the input is replaced only when
    /// masking succeeded. The format is detected (extension, then content) unless given.
    ///
    /// Never throws: a problem is the object's `FAILED` status with an error naming the file
    /// and place, and the caller goes on with the next object.
    public func maskFile(at input: String, to output: String, format: FileFormat? = nil,
                         verify: Bool = false) -> MaskingManifest.Object {
        FileRewrite.run(input: input, output: output, format: format) { (file, format, sink) throws(MaskingIOError) in
            if format == .parquet { return try maskParquet(at: input, to: &sink, verify: verify) }
            return try mask(file, format: format, path: input, to: &sink, verify: verify, hashInput: true)
        } finish: { object, report in
            if verify {
                object.residualFindings = report.residualCount
                object.residualPlaces = report.residualFindings
            }
        }
    }
}

/// Writing one output file for one input file: format detection, a temporary file renamed
/// into place, digests, and the manifest entry. Shared by masking and unmasking.
enum FileRewrite {
    static func run(input: String, output: String, format: FileFormat?,
                    body: (FileByteSource, FileFormat, inout HashingByteSink<FileByteSink>) throws(MaskingIOError) -> ObjectMaskingReport,
                    finish: (inout MaskingManifest.Object, ObjectMaskingReport) -> Void) -> MaskingManifest.Object {
        var object = MaskingManifest.Object(input: .init(path: input, sha256: "", bytes: 0), output: nil, format: nil,
                                            status: "FAILED", records: RecordCounts(), counts: [], messages: [],
                                            error: nil, residualFindings: nil)
        let detected: FileFormat
        do {
            guard let found = try format ?? Self.detectFormat(input) else {
                object.status = "SKIPPED"
                object.error = "\(input): not a format masking writes (CSV, TSV, JSON, JSON Lines, text, Parquet); archives are not masked, unpack them first"
                return object
            }
            detected = found
        } catch let error as ReadError {
            object.error = error.description
            return object
        } catch {
            object.error = "\(input): \(error)"
            return object
        }
        object.format = detected.rawValue
        let temporary = Self.temporaryPath(for: output)
        do {
            let file = try FileByteSource(path: input)
            var sink = HashingByteSink(try FileByteSink(creatingNew: temporary))
            let report = try body(file, detected, &sink)
            let inputDigest = try report.inputSHA256 ?? Self.sha256(ofFile: input)
            object.input = .init(path: input, sha256: inputDigest, bytes: report.inputSHA256 == nil ? (file.size ?? 0) : report.bytesIn)
            object.records = report.records
            object.counts = MaskingManifest.counts(report.counts)
            object.messages = report.messages
            finish(&object, report)
            if let failure = report.failure {
                try? sink.inner.close(sync: false)
                unlink(temporary)
                object.error = "\(input): \(failure)"
                return object
            }
            try sink.inner.close()
            guard rename(temporary, output) == 0 else {
                let code = errno
                unlink(temporary)
                object.error = "\(output): cannot rename the temporary file into place: \(String(cString: strerror(code)))"
                return object
            }
            object.output = .init(path: output, sha256: sink.sha256, bytes: sink.count)
            object.status = "MASKED"
        } catch {
            unlink(temporary)
            object.error = "\(error)"
        }
        return object
    }

    /// The format of a file from its name and first bytes; nil for a format masking does not
    /// write (archives, other binary files).
    static func detectFormat(_ path: String) throws(ReadError) -> FileFormat? {
        var source = PrefixedByteSource(try FileByteSource(path: path), prefixLength: 64 * 1024)
        try source.loadPrefix()
        return source.prefix.withUnsafeBytes { FileFormat.detect(path: path, prefix: $0) }
    }

    /// `DIR/.NAME.piiscan-PID-N.tmp` beside `path`.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let n = temporaryCounter.withLock { count in
            count += 1
            return count
        }
        return "\(directory).\(name).piiscan-\(getpid())-\(n).tmp"
    }

    /// SHA-256 of a whole file, lower-case hex.
    static func sha256(ofFile path: String) throws(ReadError) -> String {
        var source = HashingByteSource(try FileByteSource(path: path))
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let result = buffer.withUnsafeMutableBytes { raw in Result { () throws(ReadError) -> Int in try source.read(into: raw) } }
            if try result.get() == 0 { break }
        }
        return source.sha256
    }
}

import Synchronization
private let temporaryCounter = Mutex<Int>(0)
