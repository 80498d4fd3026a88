import Foundation
import Testing

/// `scan --jobs N`: the same bytes whatever N, and a progress line only on a terminal.
@Suite("piiscan scan --jobs", .serialized)
struct ParallelCLITests {
    /// Runs `scan` with `--jobs jobs` and `--summary-json`; returns the run and the summary.
    private func scan(_ arguments: [String], jobs: Int, in dir: TemporaryDirectory) throws -> (PiiscanRun, Data) {
        let summary = dir.path + "/summary-\(jobs).json"
        let run = try Piiscan.run(["scan", "--jobs", "\(jobs)", "--summary-json", summary] + arguments)
        return (run, try Data(contentsOf: URL(fileURLWithPath: summary)))
    }

    private func expectSameOutput(_ arguments: [String], in dir: TemporaryDirectory) throws {
        let (one, oneSummary) = try scan(arguments, jobs: 1, in: dir)
        let (four, fourSummary) = try scan(arguments, jobs: 4, in: dir)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == four.stdout, "\(arguments)")
        #expect(one.stderr == four.stderr, "\(arguments)")
        #expect(one.status == four.status, "\(arguments)")
        #expect(oneSummary == fourSummary, "\(arguments)")
    }

    /// 300 files in 6 folders: CSV, text and JSON Lines with e-mail addresses and card
    /// numbers, empty files, a malformed CSV, files with nothing sensitive.
    private func makeTree(in dir: TemporaryDirectory) throws -> String {
        for i in 0..<300 {
            let folder = "tree/d\(i % 6)"
            switch i % 5 {
            case 0:
                let rows = (0..<(i % 11)).map { "n\($0),user\(i)x\($0)@example.com,4111 1111 1111 1111\n" }.joined()
                try dir.write("\(folder)/f\(i).csv", "name,email,credit card\n" + rows)
            case 1:
                try dir.write("\(folder)/f\(i).txt", "mail admin\(i)@example.org, server 10.0.\(i % 250).7\n")
            case 2:
                try dir.write("\(folder)/f\(i).jsonl",
                              (0..<(i % 4)).map { #"{"id":\#($0),"email":"p\#(i)q\#($0)@example.com"}"# + "\n" }.joined())
            case 3:
                try dir.write("\(folder)/f\(i).log", i % 2 == 0 ? "" : "a,\"unterminated\nb,c\n")
            default:
                try dir.write("\(folder)/f\(i).txt", "nothing to see in \(i)\n")
            }
        }
        return dir.path + "/tree"
    }

    @Test func demoBucketIsTheSameWithOneOrFourJobs() throws {
        let dir = try TemporaryDirectory()
        for format in ["summary", "jsonl", "macie"] {
            try expectSameOutput(["--format", format, Piiscan.demoBucket], in: dir)
        }
        try expectSameOutput(["--show-values", Piiscan.demoBucket], in: dir)
    }

    @Test func generatedTreeIsTheSameWithOneOrFourJobs() throws {
        let dir = try TemporaryDirectory()
        let tree = try makeTree(in: dir)
        for format in ["summary", "jsonl", "macie"] {
            try expectSameOutput(["--format", format, tree], in: dir)
        }
        // Several roots and a missing one, in the order given.
        try expectSameOutput(["--format", "jsonl", tree + "/d3", "/nonexistent/piiscan-jobs", tree + "/d1"], in: dir)
    }

    @Test func nothingOnStderrWhenItIsNotATerminal() throws {
        let dir = try TemporaryDirectory()
        for i in 0..<200 { try dir.write("clean/f\(i).txt", "nothing to see in file \(i)\n") }
        let run = try Piiscan.run(["scan", "--jobs", "2", dir.path + "/clean"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("Objects: 200"))
    }

    /// Under a pseudo-terminal (util-linux `script`), stderr carries the progress line, redrawn
    /// with `\r` and erased at the end; `--quiet` removes it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressLineOnATerminalUnlessQuiet() throws {
        let dir = try TemporaryDirectory()
        let tree = try makeTree(in: dir)
        let executable = try #require(Piiscan.executable)
        let command = "\(executable) scan --jobs 2 --format jsonl \(tree) > /dev/null"
        let shown = try Piiscan.runProcess("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"])
        #expect(shown.stdout.contains("\r"))
        #expect(shown.stdout.contains("/300 files, "))
        #expect(shown.stdout.contains(" MB/s"))
        #expect(shown.stdout.hasSuffix("\r\u{1B}[K"))
        let quiet = try Piiscan.runProcess("/usr/bin/script", ["-q", "-e", "-c", command.replacingOccurrences(of: " scan ", with: " scan --quiet "), "/dev/null"])
        #expect(quiet.stdout.isEmpty)
    }

    @Test func jobsOutOfRangeIsAUsageError() throws {
        let run = try Piiscan.run(["scan", "--jobs", "0", Piiscan.demoBucket])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--jobs must be between 1 and 1024, got 0"))
    }
}
