import Foundation

/// Runs the built `piiscan` executable and captures what it did.
struct PiiscanRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The stdout lines parsed as JSON objects (JSON Lines output).
    func jsonLines() throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let dictionary = object as? [String: Any] else {
                throw RunnerError("not a JSON object: \(line)")
            }
            return dictionary
        }
    }

    /// The `finding` lines.
    func findings() throws -> [[String: Any]] { try jsonLines().filter { $0["kind"] as? String == "finding" } }

    /// The `object` lines.
    func objects() throws -> [[String: Any]] { try jsonLines().filter { $0["kind"] as? String == "object" } }

    /// Findings counted by `type`.
    func countsByType() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for finding in try findings() { counts[finding["type"] as? String ?? "?", default: 0] += 1 }
        return counts
    }
}

struct RunnerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Piiscan {
    /// The package root (this file is Tests/PiiscanTests/PiiscanRunner.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The demo bucket.
    static let demoBucket = packageRoot.appendingPathComponent("Corpora/demo-bucket").path

    /// The built executable: `PIISCAN_EXECUTABLE` if set; else `piiscan` in the build products
    /// directory that holds the running test bundle (found by walking up from it); else the
    /// usual build folders under the package root.
    static let executable: String? = {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["PIISCAN_EXECUTABLE"], fm.isExecutableFile(atPath: path) {
            return path
        }
        var starts: [URL] = []
        if let path = Bundle.main.executablePath { starts.append(URL(fileURLWithPath: path)) }
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]))
        for start in starts {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<6 {
                let candidate = dir.appendingPathComponent("piiscan")
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   fm.isExecutableFile(atPath: candidate.path) {
                    return candidate.path
                }
                if dir.path == "/" { break }
                dir = dir.deletingLastPathComponent()
            }
        }
        for folder in [".build-cli", ".build"] {
            let candidate = packageRoot.appendingPathComponent("\(folder)/debug/piiscan").path
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Runs `piiscan arguments`, feeding `stdin` (or an empty, non-terminal input).
    static func run(_ arguments: [String], stdin: String? = nil,
                    currentDirectory: String? = nil) throws -> PiiscanRun {
        guard let executable else { throw RunnerError("piiscan executable not found; build it first") }
        return try runProcess(executable, arguments, stdin: stdin.map { Data($0.utf8) }, currentDirectory: currentDirectory)
    }

    /// A child that exits before reading all of its input (a usage error, a refused key) closes
    /// the pipe; writing the rest must then fail with EPIPE, not kill the whole test process
    /// with SIGPIPE. Evaluated once, before the first child starts.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Runs any program and captures its output.
    static func runProcess(_ executable: String, _ arguments: [String], stdin: Data? = nil,
                           currentDirectory: String? = nil) throws -> PiiscanRun {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        // Read both pipes concurrently so neither fills up and blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin {
            DispatchQueue.global().async {
                try? inPipe.fileHandleForWriting.write(contentsOf: stdin)
                try? inPipe.fileHandleForWriting.close()
            }
        } else {
            try? inPipe.fileHandleForWriting.close()
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return PiiscanRun(status: process.terminationStatus,
                          stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("piiscan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        // Resolve /tmp links so paths compare with what realpath gives.
        path = base.resolvingSymlinksInPath().path
    }

    deinit {
        // Restore permissions a test may have removed, then delete.
        if let items = FileManager.default.enumerator(atPath: path) {
            for case let item as String in items {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755],
                                                       ofItemAtPath: path + "/" + item)
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `relative` (creating folders) and returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: destination)
    }
}
