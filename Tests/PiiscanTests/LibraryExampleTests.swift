import Detectors
import Records
import Testing

// The library embedding example from README.md ("Using the library"), kept compiling here.

/// Counts findings per type and stops the scan at the first credential.
struct CredentialAlarm: FindingSink {
    var counts: [String: Int] = [:]

    mutating func receive(_ finding: Finding) -> ScanControl {
        counts[finding.type, default: 0] += 1
        return finding.category == .credentials ? .stop : .continue
    }
}

@Suite("README library example")
struct LibraryExampleTests {
    @Test func customSinkOverTheDemoBucket() throws {
        var configuration = ScanConfiguration()
        configuration.exclude = ["IP_ADDRESS"]
        let engine = try ScanEngine(configuration: configuration)  // build once, share between threads
        let scratch = engine.makeScratch()                         // one per thread

        var results: [ObjectResult] = []
        var alarm = CredentialAlarm()
        for item in DirectoryWalker(roots: [Piiscan.demoBucket + "/logs"]) {
            guard case .file(let file) = item else { continue }
            results.append(engine.scanFile(atPath: file.path, displayPath: file.displayPath,
                                           scratch: scratch, into: &alarm))
        }
        #expect(alarm.counts == ["EMAIL_ADDRESS": 1, "AWS_CREDENTIALS": 1])
        #expect(results.map(\.status) == [.partial])
        #expect(results.first?.reason == .stopped)
    }
}
