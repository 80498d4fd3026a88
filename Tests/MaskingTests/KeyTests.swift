import Foundation
import Testing
@testable import Masking

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "piiscan-key-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// Synthetic key material: the bytes 0, 1, ..., 31 (never a real key).
let syntheticKeyBytes = (0..<32).map { UInt8($0) }
let syntheticKeyHex = syntheticKeyBytes.map { String(format: "%02x", $0) }.joined()

func expectKeyError(
    _ kind: KeyError.Kind, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> KeyError? {
    do {
        try body()
        Issue.record("expected a \(kind) key error, got none", sourceLocation: sourceLocation)
    } catch let error as KeyError {
        #expect(error.kind == kind, sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected a KeyError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

@Suite struct KeyTests {
    @Test func keyIDIsStableAndShaped() throws {
        let first = try MaskingKey(bytes: syntheticKeyBytes)
        let second = try MaskingKey(bytes: syntheticKeyBytes)
        #expect(first.id == second.id)
        #expect(first.id.hasPrefix("k1-"))
        #expect(first.id.count == 19)
        #expect(first.id.dropFirst(3).allSatisfy { "0123456789abcdef".contains($0) })
        var other = syntheticKeyBytes
        other[31] ^= 1
        #expect(try MaskingKey(bytes: other).id != first.id)
    }

    @Test func keyNeverAppearsInDescriptions() throws {
        let key = try MaskingKey(bytes: syntheticKeyBytes)
        var dumped = ""
        dump(key, to: &dumped)
        for text in [key.description, key.debugDescription, "\(key)", String(reflecting: key), dumped] {
            #expect(text.contains(key.id))
            #expect(!text.contains(String(syntheticKeyHex.prefix(16))))
            #expect(!text.contains("material"))
        }
        #expect(!key.id.contains(String(syntheticKeyHex.prefix(8))))
    }

    @Test func loadsHexFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("key.hex", Array(("  " + syntheticKeyHex.uppercased() + "\n").utf8))
        #expect(try MaskingKey(contentsOfFile: path).id == MaskingKey(bytes: syntheticKeyBytes).id)
    }

    @Test func loadsBase64FileWrappedOverLines() throws {
        let directory = try TemporaryDirectory()
        let encoded = Data(syntheticKeyBytes).base64EncodedString()
        let wrapped = String(encoded.prefix(20)) + "\n" + String(encoded.dropFirst(20)) + "\n"
        let path = try directory.write("key.b64", Array(wrapped.utf8))
        #expect(try MaskingKey(contentsOfFile: path).id == MaskingKey(bytes: syntheticKeyBytes).id)
    }

    @Test func loadsRawBinaryFile() throws {
        let directory = try TemporaryDirectory()
        let raw = (0..<48).map { UInt8(255 - $0) }
        let path = try directory.write("key.bin", raw)
        #expect(try MaskingKey(contentsOfFile: path).id == MaskingKey(bytes: raw).id)
    }

    @Test func loadsBase64AndHexFromEnvironment() throws {
        let expected = try MaskingKey(bytes: syntheticKeyBytes).id
        let base64 = Data(syntheticKeyBytes).base64EncodedString()
        #expect(try MaskingKey(environmentVariable: "PIISCAN_KEY", environment: ["PIISCAN_KEY": base64]).id == expected)
        let urlSafeUnpadded = base64.replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        #expect(try MaskingKey(environmentVariable: "K", environment: ["K": urlSafeUnpadded]).id == expected)
        #expect(try MaskingKey(environmentVariable: "K", environment: ["K": syntheticKeyHex + "\n"]).id == expected)
    }

    @Test func rejectsShortKeysWithoutQuotingThem() throws {
        expectKeyErrorKind(.tooShort) { _ = try MaskingKey(bytes: [UInt8](repeating: 1, count: 31)) }
        let directory = try TemporaryDirectory()
        let shortHex = String(syntheticKeyHex.prefix(62))
        let path = try directory.write("short.hex", Array(shortHex.utf8))
        let error = expectKeyError(.tooShort) { _ = try MaskingKey(contentsOfFile: path) }
        #expect(error?.source == path)
        #expect(error.map { !$0.description.contains(String(shortHex.prefix(10))) } == true)
        let binary = try directory.write("short.bin", [0, 1, 2, 255, 254])
        _ = expectKeyError(.tooShort) { _ = try MaskingKey(contentsOfFile: binary) }
        let envError = expectKeyError(.tooShort) {
            _ = try MaskingKey(environmentVariable: "K", environment: ["K": shortHex])
        }
        #expect(envError?.source == "$K")
    }

    @Test func reportsMissingEmptyMalformedAndUnreadableSources() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/nope.key"
        let error = expectKeyError(.missing) { _ = try MaskingKey(contentsOfFile: missing) }
        #expect(error?.description.hasPrefix(missing) == true)
        let empty = try directory.write("empty.key", Array(" \n".utf8))
        _ = expectKeyError(.empty) { _ = try MaskingKey(contentsOfFile: empty) }
        let prose = "this is not a key, just some text in a file that is long enough\n"
        let malformed = try directory.write("prose.key", Array(prose.utf8))
        let malformedError = expectKeyError(.malformed) { _ = try MaskingKey(contentsOfFile: malformed) }
        #expect(malformedError.map { !$0.description.contains("not a key") } == true)
        _ = expectKeyError(.unreadable) { _ = try MaskingKey(contentsOfFile: directory.path) }
        _ = expectKeyError(.missing) { _ = try MaskingKey(environmentVariable: "UNSET", environment: [:]) }
        _ = expectKeyError(.malformed) {
            _ = try MaskingKey(environmentVariable: "K", environment: ["K": "\u{1}\u{2}" + syntheticKeyHex])
        }
    }

    @Test func generatedKeyTextLoads() throws {
        let text = MaskingKey.generateKeyText()
        #expect(text.count == 65)
        let key = try MaskingKey(environmentVariable: "K", environment: ["K": text])
        #expect(key.id != (try MaskingKey(environmentVariable: "K", environment: ["K": MaskingKey.generateKeyText()])).id)
    }

    /// Subkeys follow RFC 5869 HKDF-SHA256 with an empty salt and the documented info strings
    /// (computed here from HMAC, which `PrekeyedHMACTests` checks against RFC 4231).
    @Test func subkeysAreHKDFWithDocumentedInfo() throws {
        let key = try MaskingKey(bytes: syntheticKeyBytes)
        let pseudoRandomKey = Array(PrekeyedHMAC(key: [UInt8](repeating: 0, count: 32)).authenticationCode(for: syntheticKeyBytes))
        for (purpose, info) in [
            (MaskingKey.Purpose.hash, "piiscan hash v1"), (.token, "piiscan token v1"),
            (.ff1, "piiscan ff1 v1"), (.date, "piiscan date v1"),
        ] {
            let expected = Array(PrekeyedHMAC(key: pseudoRandomKey).authenticationCode(for: Array(info.utf8) + [1]))
            #expect(key.subkey(purpose) == expected)
        }
    }

    private func expectKeyErrorKind(_ kind: KeyError.Kind, _ body: () throws -> Void) {
        _ = expectKeyError(kind, body)
    }
}

@Suite struct PrekeyedHMACTests {
    /// RFC 4231 test cases 2 (short key) and 6 (key longer than a block).
    @Test func matchesRFC4231() {
        let jefe = PrekeyedHMAC(key: Array("Jefe".utf8)).authenticationCode(forUTF8: "what do ya want for nothing?")
        #expect(jefe.withUnsafeBytes { DigestText.hex($0, count: 64) }
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let long = PrekeyedHMAC(key: [UInt8](repeating: 0xAA, count: 131))
            .authenticationCode(forUTF8: "Test Using Larger Than Block-Size Key - Hash Key First")
        #expect(long.withUnsafeBytes { DigestText.hex($0, count: 64) }
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    /// RFC 4648 section 10 base32 vectors, lower-cased, without padding.
    @Test func base32MatchesRFC4648() {
        let vectors = [("f", "my"), ("fo", "mzxq"), ("foo", "mzxw6"), ("foob", "mzxw6yq"), ("fooba", "mzxw6ytb"), ("foobar", "mzxw6ytboi")]
        for (input, expected) in vectors {
            let bytes = Array(input.utf8)
            #expect(bytes.withUnsafeBytes { DigestText.base32($0, count: 100) } == expected)
        }
        #expect([UInt8](repeating: 0xFF, count: 32).withUnsafeBytes { DigestText.base32($0, count: 100) }.count == 52)
    }
}
