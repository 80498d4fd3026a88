import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `piiscan` command: finds sensitive data (PII, credentials) in files the way Amazon
/// Macie does and reports each finding's type and exact location.
@main
struct Piiscan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "piiscan",
        abstract: "Find sensitive data (PII, credentials) in files and report type and location.",
        discussion: """
            Detection follows Amazon Macie's managed data identifiers (see `piiscan identifiers`). \
            Matched values are never printed unless `scan --show-values` is given.

            EXIT STATUS
              0  no findings
              1  findings
              2  error: bad usage or configuration, a PATH that does not exist,
                 or a file or directory that could not be read (permission denied);
                 an error wins over findings
            """,
        version: "0.1.0",
        subcommands: [Scan.self, Mask.self, Unmask.self, Identifiers.self],
        defaultSubcommand: Scan.self
    )

    /// Parses and runs, mapping every usage error to exit status 2 (swift-argument-parser's
    /// default for validation errors is 64) and keeping `--help`/`--version` at 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            terminate(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            StandardError.write(fullMessage(for: error))
            terminate(ExitStatus.error)
        }
    }
}

/// The exit statuses documented in README and `--help`.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let error: Int32 = 2
}

/// Writes diagnostics to file descriptor 2, unbuffered, one message per call.
enum StandardError {
    /// Writes `message` and a newline.
    static func write(_ message: String) {
        var bytes = Array(message.utf8)
        bytes.append(0x0A)
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(2, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0 && errno == EINTR { continue }
                return
            }
        }
    }

    /// Writes `piiscan: PATH: message` with control characters in the path made visible.
    static func report(_ path: String, _ message: String) {
        write("piiscan: \(Sanitized.text(path)): \(Sanitized.text(message))")
    }

    /// Writes `piiscan: message`.
    static func report(_ message: String) {
        write("piiscan: \(Sanitized.text(message))")
    }
}

/// The system's description of `code`, starting lower-case ("permission denied").
func systemDescription(_ code: Int32) -> String {
    let message = String(cString: strerror(code))
    guard let first = message.first else { return "error \(code)" }
    return first.lowercased() + message.dropFirst()
}

/// Ends the process with `status`.
func terminate(_ status: Int32) -> Never {
    #if canImport(Glibc)
    Glibc.exit(status)
    #elseif canImport(Musl)
    Musl.exit(status)
    #else
    Darwin.exit(status)
    #endif
}

/// `write(2)`, whatever the C library is called.
func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}

/// Makes text safe for a terminal: control characters become visible escapes, so a file name
/// or a value cannot move the cursor or change colours.
enum Sanitized {
    static func text(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isControl(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += scalar.value < 0x100 ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                                                : "\\u{" + hex + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
