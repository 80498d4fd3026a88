import Crypto
import Foundation

/// The secret behind every keyed transform of a run: keyed hashes, deterministic tokens,
/// format-preserving encryption and date shifts.
///
/// A key is at least 32 bytes (256 bits). It comes from a file or an environment variable,
/// never from the command line (where other users and shell history would see it). Each
/// transform uses its own subkey, derived with HKDF-SHA256 (RFC 5869, no salt) with the info
/// strings `piiscan hash v1`, `piiscan token v1`, `piiscan ff1 v1` and `piiscan date v1`, so a
/// hash and a token of the same value do not match and no output reveals another transform's
/// key. These strings are part of the output format: changing them changes every masked value.
///
/// The key bytes are held in swift-crypto's `SymmetricKey` (zeroed when released) and never
/// appear in `description`, `debugDescription` or a `dump`; `id` identifies a key in reports
/// and in the metadata of masked output without revealing it.
public struct MaskingKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The fewest key bytes accepted.
    public static let minimumByteCount = 32
    /// The largest key file read; a key is far smaller, so a larger file is a wrong path.
    public static let maximumFileSize = 64 * 1024

    /// `k1-` and 16 lower-case hex digits: the first 8 bytes of HMAC-SHA256(key, "piiscan key id
    /// v1"). The same key always has the same id; the id does not help to find the key.
    public let id: String
    let material: SecretKey

    /// A key from raw bytes; at least `minimumByteCount` of them.
    public init(bytes: [UInt8]) throws(KeyError) {
        guard bytes.count >= Self.minimumByteCount else {
            throw KeyError(.tooShort, "a masking key needs at least \(Self.minimumByteCount) bytes (256 bits)")
        }
        let key = SymmetricKey(data: bytes)
        material = SecretKey(key)
        let mac = HMAC<SHA256>.authenticationCode(for: Array("piiscan key id v1".utf8), using: key)
        id = "k1-" + mac.withUnsafeBytes { DigestText.hex($0, count: 16) }
    }

    /// A key read from a file holding hexadecimal text (at least 64 hex digits) or base64 text
    /// (surrounding whitespace and line breaks ignored), or at least 32 bytes of raw binary.
    /// A file that is text but neither hex nor base64 is an error, not a raw key, so a mistyped
    /// key is caught rather than silently used. Errors name the file, never its content.
    public init(contentsOfFile path: String) throws(KeyError) {
        let bytes = try Self.readKeyFile(path)
        do throws(KeyError) {
            try self.init(bytes: try KeyText.decode(bytes, allowBinary: true))
        } catch {
            throw KeyError(error.kind, source: path, error.message)
        }
    }

    /// A key from an environment variable holding hexadecimal or base64 text.
    public init(
        environmentVariable name: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(KeyError) {
        let source = "$" + name
        guard let text = environment[name] else {
            throw KeyError(.missing, source: source, "the environment variable is not set")
        }
        do throws(KeyError) {
            try self.init(bytes: try KeyText.decode(Array(text.utf8), allowBinary: false))
        } catch {
            throw KeyError(error.kind, source: source, error.message)
        }
    }

    /// A new random 256-bit key as 64 lower-case hex digits and a newline, the text a key file
    /// holds (for `piiscan keygen`-style commands).
    public static func generateKeyText() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { DigestText.hex($0, count: 64) } + "\n"
    }

    public var description: String { "MaskingKey(\(id))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["id": id]) }

    /// A 32-byte subkey for one purpose (HKDF-SHA256 expand with the purpose's info string).
    func subkey(_ purpose: Purpose) -> [UInt8] {
        let derived = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: material.key, info: Array(purpose.rawValue.utf8), outputByteCount: 32
        )
        return derived.withUnsafeBytes { Array($0) }
    }

    /// What a subkey is for; the raw value is HKDF's info string.
    enum Purpose: String {
        case hash = "piiscan hash v1"
        case token = "piiscan token v1"
        case ff1 = "piiscan ff1 v1"
        case date = "piiscan date v1"
    }

    private static func readKeyFile(_ path: String) throws(KeyError) -> [UInt8] {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            let code = errno
            let kind: KeyError.Kind = code == ENOENT ? .missing : .unreadable
            throw KeyError(kind, source: path, String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw KeyError(.unreadable, source: path, String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw KeyError(.unreadable, source: path, "not a regular file")
        }
        guard status.st_size <= maximumFileSize else {
            throw KeyError(.malformed, source: path, "larger than \(maximumFileSize) bytes, too large to be a key file")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count <= maximumFileSize {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw KeyError(.unreadable, source: path, String(cString: strerror(errno)))
            }
            bytes += chunk[0..<count]
        }
        guard bytes.count <= maximumFileSize else {
            throw KeyError(.malformed, source: path, "larger than \(maximumFileSize) bytes, too large to be a key file")
        }
        return bytes
    }
}

/// Key bytes held in a `SymmetricKey`, which swift-crypto zeroes when it is released.
/// `SymmetricKey` is not marked `Sendable`, but its storage is never written after creation.
struct SecretKey: @unchecked Sendable {
    let key: SymmetricKey
    init(_ key: SymmetricKey) { self.key = key }
}

/// Reading a key written as text.
enum KeyText {
    /// Key bytes from a file's or variable's content: hex, then base64, then (when allowed and
    /// the content is not text) the raw bytes.
    static func decode(_ content: [UInt8], allowBinary: Bool) throws(KeyError) -> [UInt8] {
        let isText = content.allSatisfy { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || (0x20..<0x7F).contains($0) }
        if !isText {
            guard allowBinary else {
                throw KeyError(.malformed, "the key is neither hexadecimal nor base64 text")
            }
            guard content.count >= MaskingKey.minimumByteCount else {
                throw KeyError(.tooShort, "a binary key needs at least \(MaskingKey.minimumByteCount) bytes (256 bits)")
            }
            return content
        }
        let text = content.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        guard !text.isEmpty else { throw KeyError(.empty, "the key is empty") }
        // Text made only of hex digits is hex, never base64 (a short hex key must not pass as a
        // longer base64 one); random base64 is all hex digits with negligible probability.
        let decoded = text.allSatisfy { hexValue($0) != nil } ? hex(text) : base64(text)
        guard let bytes = decoded else {
            throw KeyError(.malformed, "the key is neither hexadecimal nor base64 text")
        }
        guard bytes.count >= MaskingKey.minimumByteCount else {
            throw KeyError(
                .tooShort,
                "a masking key needs at least \(MaskingKey.minimumByteCount) bytes, 256 bits (64 hex digits or 44 base64 characters)"
            )
        }
        return bytes
    }

    /// Bytes from an even number of hex digits (either case).
    static func hex(_ text: [UInt8]) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.count / 2)
        var index = 0
        while index < text.count {
            guard let high = hexValue(text[index]), let low = hexValue(text[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Bytes from base64 (RFC 4648, standard or URL-safe alphabet, padding optional).
    static func base64(_ text: [UInt8]) -> [UInt8]? {
        var bits: UInt32 = 0
        var bitCount = 0
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.count * 3 / 4)
        var padding = 0
        for character in text {
            if character == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0, let value = base64Value(character) else { return nil }
            bits = bits << 6 | UInt32(value)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(bitCount)))
            }
        }
        // A lone leftover character (6 bits) cannot come from any byte string.
        guard padding <= 2, bitCount < 6 else { return nil }
        return bytes
    }

    private static func base64Value(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
