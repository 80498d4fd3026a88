import Benchmark
import Detectors
import Records

/// Synthetic CSV like Benchmarks/scripts/gen_csv.py writes: order rows, one sensitive value
/// (an email) every 100 rows. Built once, in memory, so the benchmark measures the scan only.
private func makeSparseCSV(rows: Int) -> (bytes: [UInt8], emails: Int) {
    var text = "order_id,created_at,product,quantity,amount,status,comment\n"
    var emails = 0
    for row in 0..<rows {
        var comment = "alpha bravo charlie delta echo"
        if row % 100 == 0 {
            comment += " contact user.\(row)@example.com"
            emails += 1
        }
        text += "\(1_000_000 + row),2024-03-\(10 + row % 18)T10:\(10 + row % 50):00Z,SKU-\(10000 + row % 500),"
        text += "\(1 + row % 19),\(100 + row % 9000).\(10 + row % 90),shipped,\"\(comment)\"\n"
    }
    return (Array(text.utf8), emails)
}

let benchmarks: @Sendable () -> Void = {
    let (csv, emails) = makeSparseCSV(rows: 100_000)

    Benchmark("scan sparse CSV (default catalog)",
              configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident],
                                   scalingFactor: .one, maxDuration: .seconds(10))) { benchmark in
        let engine = try ScanEngine(configuration: ScanConfiguration())
        let scratch = engine.makeScratch()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var sink = FindingCollector()
            var source = MemoryByteSource(csv)
            let result = engine.scan(from: &source, format: .csv, path: "bench.csv", scratch: scratch, into: &sink)
            // A fast wrong answer fails: every planted email, and nothing else, is found.
            let found = sink.findings.filter { $0.type == "EMAIL_ADDRESS" }.count
            guard found == emails, result.status == .complete else {
                fatalError("benchmark found \(found) emails, expected \(emails); status \(result.status)")
            }
            blackHole(sink)
        }
    }

    Benchmark("scan sparse text (default catalog)",
              configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .one,
                                   maxDuration: .seconds(10))) { benchmark in
        let engine = try ScanEngine(configuration: ScanConfiguration())
        let scratch = engine.makeScratch()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var sink = FindingCollector()
            let result = csv.withUnsafeBytes { engine.scanText($0, scratch: scratch, into: &sink) }
            let found = sink.findings.filter { $0.type == "EMAIL_ADDRESS" }.count
            guard found == emails, result.status == .complete else {
                fatalError("benchmark found \(found) emails, expected \(emails)")
            }
            blackHole(sink)
        }
    }
}
