import Foundation
import Testing

/// `piiscan identifiers --format json` gives each identifier's PCRE2 pattern, which the
/// ripgrep comparison (`Benchmarks/scripts/compare.py`) builds its alternation from.
@Suite struct IdentifiersFormatTests {
    static func list(_ arguments: [String] = []) throws -> [[String: Any]] {
        let run = try Piiscan.run(["identifiers", "--format", "json"] + arguments)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    }

    @Test func everyManagedIdentifierHasAPattern() throws {
        let list = try Self.list()
        #expect(list.count > 10)
        let missing = list.filter { ($0["pattern"] as? String)?.isEmpty ?? true }.compactMap { $0["id"] as? String }
        #expect(missing.isEmpty, "no pattern: \(missing)")
    }

    @Test func theEmailPatternMatchesAnAddressAndNotABareWord() throws {
        let list = try Self.list(["--include", "EMAIL_ADDRESS"])
        let pattern = try #require(list.first?["pattern"] as? String)
        // PCRE2 syntax that ICU shares (possessive quantifiers, bounded lookbehind).
        let regex = try NSRegularExpression(pattern: pattern)
        func matches(_ text: String) -> Int {
            regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        }
        #expect(matches("write to jane.doe@example.com today") == 1)
        #expect(matches("write to jane.doe at example dot com") == 0)
    }

    @Test func aCustomIdentifiersPatternIsItsRegex() throws {
        let config = Piiscan.packageRoot.appendingPathComponent("Benchmarks/configs/custom20.yaml").path
        let list = try Self.list(["--config", config, "--include", "CUSTOM_IDENTIFIER"])
        let employee = try #require(list.first { $0["id"] as? String == "EMPLOYEE_ID" })
        #expect(employee["pattern"] as? String == "EMP-[0-9]{6}(?![0-9])")
        #expect(employee["regex"] as? String == employee["pattern"] as? String)
    }

    @Test func theTableDoesNotPrintManagedPatterns() throws {
        let run = try Piiscan.run(["identifiers", "--include", "EMAIL_ADDRESS"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("(?<!"))
    }
}
