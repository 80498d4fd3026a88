import Benchmark
import Detectors
import Foundation
import Masking
import Records

// One benchmark per stage of the scan path, each on a deterministic input built once in memory
// (a few megabytes, so the whole suite runs in a couple of minutes), each asserting the finding
// count by type so that a fast wrong answer fails:
//
// - prefilter: prose with a sensitive value on 1% of the lines; the prefilter's byte scan is
//   most of the cost (few candidates reach a pattern);
// - verification: the same prose with a value on every line: candidates, anchored PCRE2
//   verification, validation (Luhn, mod 97, SSN rules) and keyword checks dominate;
// - CSV, JSON Lines, Parquet: the same rows through each reader (sparse and dense);
// - adversarial: a megabyte line of random digits, of `a`, of `@`, repeated;
// - masking: the dense JSON Lines through `Masker` with a policy that tokenizes every finding
//   (Benchmarks/configs/tokenize-all.yaml), asserting the count of values masked by type.
//
// Run: cd Benchmarks && swift package benchmark
// MB/s is the custom metric "MB/s" (input bytes / 10^6 / wall seconds of one scan).
// PIISCAN_BENCH_DUMP=DIR writes every input to DIR (sparse.csv, dense.jsonl, ...) with the
// expected counts in DIR/expected.txt, so they can be checked against `piiscan scan`.

/// Counts findings by type; cheaper per finding than keeping them.
struct TypeCounter: FindingSink {
    var counts: [String: Int] = [:]
    mutating func receive(_ finding: Finding) -> ScanControl {
        counts[finding.type, default: 0] += 1
        return .continue
    }
}

/// A benchmark found other findings than those planted: the run fails.
struct WrongAnswer: Error, CustomStringConvertible {
    var description: String
}

/// One input of the suite: its bytes, how to scan them, and what must be found.
struct StageInput {
    var name: String
    var file: String
    var bytes: [UInt8]
    var expected: [String: Int]
    var scan: @Sendable (ScanEngine, ScanScratch, [UInt8], inout TypeCounter) -> ObjectResult
}

func streamed(_ format: FileFormat) -> @Sendable (ScanEngine, ScanScratch, [UInt8], inout TypeCounter) -> ObjectResult {
    { engine, scratch, bytes, sink in
        var source = MemoryByteSource(bytes)
        return engine.scan(from: &source, format: format, path: "bench", scratch: scratch, into: &sink)
    }
}

func stageInputs() -> [StageInput] {
    let sparse = BenchInputs.rows(bytes: 4_000_000, density: 0.01)
    let dense = BenchInputs.rows(bytes: 2_000_000, density: 1.0)
    let sparseProse = BenchInputs.rows(bytes: 6_000_000, density: 0.01, seed: 11)
    let denseProse = BenchInputs.rows(bytes: 3_000_000, density: 1.0, seed: 11)
    let parquet: @Sendable (ScanEngine, ScanScratch, [UInt8], inout TypeCounter) -> ObjectResult = { engine, scratch, bytes, sink in
        engine.scanParquet(MemoryRandomAccessSource(bytes), path: "bench.parquet", scratch: scratch, into: &sink)
    }
    return [
        StageInput(name: "prefilter: sparse prose text", file: "sparse-prose.txt", bytes: BenchInputs.text(sparseProse),
                   expected: BenchInputs.planted(sparseProse), scan: streamed(.text)),
        StageInput(name: "verification: dense prose text", file: "dense-prose.txt", bytes: BenchInputs.text(denseProse),
                   expected: BenchInputs.planted(denseProse), scan: streamed(.text)),
        StageInput(name: "CSV: sparse", file: "sparse.csv", bytes: BenchInputs.csv(sparse),
                   expected: BenchInputs.planted(sparse), scan: streamed(.csv)),
        StageInput(name: "CSV: dense", file: "dense.csv", bytes: BenchInputs.csv(dense),
                   expected: BenchInputs.planted(dense), scan: streamed(.csv)),
        StageInput(name: "JSON Lines: sparse", file: "sparse.jsonl", bytes: BenchInputs.jsonLines(sparse),
                   expected: BenchInputs.planted(sparse), scan: streamed(.jsonl)),
        StageInput(name: "JSON Lines: dense", file: "dense.jsonl", bytes: BenchInputs.jsonLines(dense),
                   expected: BenchInputs.planted(dense), scan: streamed(.jsonl)),
        StageInput(name: "Parquet: sparse", file: "sparse.parquet", bytes: ParquetFixture.file(sparse),
                   expected: BenchInputs.planted(sparse), scan: parquet),
        StageInput(name: "Parquet: dense", file: "dense.parquet", bytes: ParquetFixture.file(dense),
                   expected: BenchInputs.planted(dense), scan: parquet),
        StageInput(name: "adversarial: digits", file: "adv-digits.txt", bytes: BenchInputs.adversarial(nil, megabytes: 4),
                   expected: [:], scan: streamed(.text)),
        StageInput(name: "adversarial: a", file: "adv-a.txt", bytes: BenchInputs.adversarial(UInt8(ascii: "a"), megabytes: 4),
                   expected: [:], scan: streamed(.text)),
        StageInput(name: "adversarial: @", file: "adv-at.txt", bytes: BenchInputs.adversarial(UInt8(ascii: "@"), megabytes: 4),
                   expected: [:], scan: streamed(.text)),
    ]
}

func describe(_ counts: [String: Int]) -> String {
    counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
}

func dump(_ inputs: [StageInput], to directory: String) {
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var expected = ""
    for input in inputs {
        FileManager.default.createFile(atPath: directory + "/" + input.file, contents: Data(input.bytes))
        expected += "\(input.file) \(input.bytes.count) \(describe(input.expected))\n"
    }
    FileManager.default.createFile(atPath: directory + "/expected.txt", contents: Data(expected.utf8))
}

/// A sink that only counts bytes: the masking benchmark measures masking, not copying.
struct CountingSink: ByteSink {
    var count = 0
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) { count += bytes.count }
    mutating func flush() throws(WriteError) {}
}

/// Masked values by finding type, whatever the transform.
func maskedCounts(_ report: ObjectMaskingReport) -> [String: Int] {
    report.counts.mapValues { $0.values.reduce(0, +) }.filter { $0.value > 0 }
}

let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let inputs = stageInputs()
    if let directory = ProcessInfo.processInfo.environment["PIISCAN_BENCH_DUMP"] {
        dump(inputs, to: directory)
    }
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .peakMemoryResident, megabytesPerSecond],
        scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 30)

    for input in inputs {
        Benchmark("\(input.name) (\(input.bytes.count / 1000) kB)", configuration: configuration) { benchmark in
            let engine = try ScanEngine(configuration: ScanConfiguration())
            let scratch = engine.makeScratch()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                var sink = TypeCounter()
                let start = ContinuousClock.now
                let result = input.scan(engine, scratch, input.bytes, &sink)
                let elapsed = ContinuousClock.now - start
                // A fast wrong answer fails: each planted value, and nothing else, is found.
                guard sink.counts == input.expected, result.status == .complete else {
                    throw WrongAnswer(description: "\(input.name): found \(describe(sink.counts)), "
                                      + "expected \(describe(input.expected)); status \(result.status)")
                }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                benchmark.measurement(megabytesPerSecond, Int(Double(input.bytes.count) / 1e6 / max(seconds, 1e-9)))
                blackHole(result)
            }
        }
    }

    // Masking: tokenize every finding of the dense JSON Lines rows.
    let dense = BenchInputs.rows(bytes: 2_000_000, density: 1.0)
    let denseJSONLines = BenchInputs.jsonLines(dense)
    let expected = BenchInputs.planted(dense)
    Benchmark("masking: tokenize dense JSON Lines (\(denseJSONLines.count / 1000) kB)", configuration: configuration) { benchmark in
        let policy = try MaskingPolicy(text: "version: 1\ndefault: {token: {prefix: type}}\n", path: "tokenize-all.yaml")
        // A fixed synthetic key: the benchmark's tokens need not be secret.
        let key = try MaskingKey(bytes: [UInt8](repeating: 7, count: 32))
        let masker = try Masker(policy: policy, key: key)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var sink = CountingSink()
            let start = ContinuousClock.now
            let report = try masker.mask(MemoryByteSource(denseJSONLines), format: .jsonl, path: "bench.jsonl", to: &sink)
            let elapsed = ContinuousClock.now - start
            let masked = maskedCounts(report)
            guard masked == expected, report.failure == nil, report.problemCount == 0 else {
                throw WrongAnswer(description: "masking: masked \(describe(masked)), expected \(describe(expected)); "
                                  + "problems \(report.problemCount)")
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            benchmark.measurement(megabytesPerSecond, Int(Double(denseJSONLines.count) / 1e6 / max(seconds, 1e-9)))
            blackHole(sink.count)
        }
    }
}
