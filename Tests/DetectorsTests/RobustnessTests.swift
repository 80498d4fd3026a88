import Testing
import Records
@testable import Detectors

/// Nothing crashes on any input: random and adversarial bytes through every format with the
/// full catalog, and every location a finding reports lies inside the object.
struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces from its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes drawn mostly from the characters formats and identifiers care about.
    static func randomInput(seed: UInt64, count: Int) -> [UInt8] {
        var rng = SplitMix(state: seed)
        let alphabet = Array("0123456789-. ,\"\n\r\t{}[]:\\u@+()AKIA/=_abcdeyJ-----BEGIN ssn ".utf8)
        return (0..<count).map { _ in
            Int.random(in: 0..<10, using: &rng) == 0 ? UInt8.random(in: 0...255, using: &rng)
                : alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
        }
    }

    static let engine: ScanEngine? = {
        var configuration = ScanConfiguration()
        configuration.chunkSize = 4096
        configuration.reportExampleValues = true
        return try? ScanEngine(configuration: configuration)
    }()

    @Test(arguments: FileFormat.allCases)
    func randomBytesNeverCrashAndLocationsStayInside(format: FileFormat) throws {
        let engine = try #require(Self.engine)
        let scratch = engine.makeScratch()
        let formatIndex = UInt64(FileFormat.allCases.firstIndex(of: format) ?? 0)
        for seed in 0..<40 as Range<UInt64> {
            let input = Self.randomInput(seed: seed &* 7919 &+ formatIndex, count: 3000 + Int(seed) * 97)
            var sink = FindingCollector()
            var source = MemoryByteSource(input)
            let result = engine.scan(from: &source, format: format, path: "fuzz", scratch: scratch, into: &sink)
            #expect(result.bytes == input.count)
            #expect(result.findings == sink.findings.count)
            for finding in sink.findings {
                let location = finding.location
                #expect(location.offset >= 0 && location.length > 0 && location.offset + location.length <= input.count,
                        "seed \(seed): \(finding.type) at \(location)")
            }
        }
    }

    @Test(arguments: [
        [UInt8](repeating: UInt8(ascii: "7"), count: 300_000),
        [UInt8](repeating: UInt8(ascii: "a"), count: 300_000),
        [UInt8](repeating: UInt8(ascii: "@"), count: 300_000),
        Array(String(repeating: "1.", count: 150_000).utf8),
        Array(String(repeating: "-----BEGIN ", count: 20_000).utf8),
        Array(String(repeating: "eyJ.", count: 50_000).utf8),
        [UInt8](repeating: UInt8(ascii: "\""), count: 100_001),
        [UInt8](repeating: UInt8(ascii: "["), count: 100_000),
    ])
    func adversarialInputsComplete(input: [UInt8]) throws {
        let engine = try #require(Self.engine)
        for format in FileFormat.allCases {
            var sink = FindingCollector()
            var source = MemoryByteSource(input)
            let result = engine.scan(from: &source, format: format, path: "adversarial", scratch: engine.makeScratch(),
                                     into: &sink)
            #expect(result.bytes == input.count, "\(format)")
        }
    }
}
