import Testing
@testable import Detectors

// Every token in this file is synthetic: random characters, with the format's checksum where it
// has one (built as the issuer's generator builds it).

@Suite("GITLAB_TOKEN")
struct CloudCredentialGitLabTokenTests {
    static let routable = [
        "glpat-YzoyMQpvOjU0d3Z67Ib239RmJJqajkWAM_1vEA.120q61c0y",
        "glrt-t1_YzoycwpvOmswd25acqO1F8ElPHUcQGssWHj5EA.121235mx0",
        "gldt-bzpkNGdlVFIsQDUPN1yhAD6PDl0fNRA.0v19mon2e",
    ]
    static let fixedLength = [
        "glpat-aaY7X8oi64bz51RaUnyZ", "glptt-5be03a07d16ef1da0a8573d2450a98f5bedfa513",
        "GR1348941Pu2XMG3DidPoRbN3Ni3U", "glcbt-wO8_AgHMYikackyL1p7Pj6wS",
        "gloas-jt5Ozykodetd17nkY7Ggwah0RokRLc7jlfxkX9uDwIRM2pYJgEhY3VY8iI7PMiQx",
    ]

    @Test("tokens", arguments: routable + fixedLength)
    func found(token: String) throws {
        for text in ["GITLAB_TOKEN=\(token)\n", "curl --header \"PRIVATE-TOKEN: \(token)\" x", "see \(token)."] {
            let found = try findings("GITLAB_TOKEN", in: text)
            #expect(found.map(\.value) == [token], "\(text)")
            #expect(found.first?.category == .credentials && found.first?.severity == .high)
        }
    }

    @Test("a routable token with a changed character fails its checksum", arguments: routable)
    func mutated(token: String) throws {
        var bytes = Array(token.utf8)
        bytes[12] = bytes[12] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        #expect(try values("GITLAB_TOKEN", in: String(decoding: bytes, as: UTF8.self)).isEmpty)
    }

    @Test("near misses", arguments: [
        "glpat-xxxxxxxxxxxxxxxxxxxx",                     // a placeholder
        "glpat-XXXXXXXXXXX-XXXXXXXX",
        "glpat-aaY7X8oi64bz51RaUny",                      // 19 characters
        "glpat-aaY7X8oi64bz51RaUnyZq",                    // 21 characters
        "xglpat-aaY7X8oi64bz51RaUnyZ",
        "glptt-5be03a07d16ef1da0a8573d2450a98f5bedfa51",  // 39 hex digits
        "glxyz-aaY7X8oi64bz51RaUnyZ",                     // no such prefix
    ])
    func notFound(text: String) throws {
        #expect(try values("GITLAB_TOKEN", in: text).isEmpty)
    }
}

@Suite("AZURE_STORAGE_ACCOUNT_KEY")
struct CloudCredentialAzureStorageKeyTests {
    static let key = "MnJ4VJdGxTdCrdOoqngKjsNHiFeDb0PbYUBCdoEMONjXEfNPjbjssZX25RCRX8T9uPi6UCGJZF3h7qcDSDrYGQ=="

    @Test("keys next to a keyword", arguments: [
        "DefaultEndpointsProtocol=https;AccountName=synthetic;AccountKey=\(key);EndpointSuffix=core.windows.net",
        "AZURE_STORAGE_KEY=\(key)",
        "storage account key: \"\(key)\"",
    ])
    func found(text: String) throws {
        let found = try findings("AZURE_STORAGE_ACCOUNT_KEY", in: text)
        #expect(found.map(\.value) == [Self.key])
        #expect(found.first?.keyword != nil)
    }

    @Test("not reported", arguments: [
        "sha512: \(key)",                                          // no keyword
        "AccountKey=" + key.dropLast(4) + "A==",                   // 87 characters
        "AccountKey=" + key.dropLast(3) + "R==",                   // non-canonical: 4 bits left over
        "AccountKey=" + key + "=",
        "AccountKey=x" + key,
        // The storage emulator's published key.
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    ])
    func notReported(text: String) throws {
        #expect(try values("AZURE_STORAGE_ACCOUNT_KEY", in: text).isEmpty)
    }
}

@Suite("GOOGLE_OAUTH_CLIENT_SECRET")
struct CloudCredentialGoogleOAuthTests {
    static let secret = "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"

    @Test("secrets", arguments: [
        "\"client_secret\":\"\(secret)\"", "GOOGLE_CLIENT_SECRET=\(secret)", "secret \(secret).",
    ])
    func found(text: String) throws {
        #expect(try values("GOOGLE_OAUTH_CLIENT_SECRET", in: text) == [Self.secret])
    }

    @Test("near misses", arguments: [
        String(secret.dropLast()), secret + "x", "x" + secret, "GOCSPX-" + String(repeating: "x", count: 28),
    ])
    func notFound(text: String) throws {
        #expect(try values("GOOGLE_OAUTH_CLIENT_SECRET", in: text).isEmpty)
    }
}

@Suite("NPM_TOKEN")
struct CloudCredentialNPMTokenTests {
    static let tokens = ["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", "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"]

    @Test("tokens with a valid checksum", arguments: tokens)
    func found(token: String) throws {
        #expect(try values("NPM_TOKEN", in: "//registry.npmjs.org/:_authToken=\(token)\n") == [token])
    }

    @Test("a mutated character breaks the checksum", arguments: tokens)
    func mutated(token: String) throws {
        var bytes = Array(token.utf8)
        bytes[9] = bytes[9] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        #expect(try values("NPM_TOKEN", in: String(decoding: bytes, as: UTF8.self)).isEmpty)
    }

    @Test("near misses", arguments: [
        String(tokens[0].dropLast()), tokens[0] + "x", "x" + tokens[0], "npm_config_cache=/tmp/npm",
        "npm_" + String(repeating: "x", count: 36),
    ])
    func notFound(text: String) throws {
        #expect(try values("NPM_TOKEN", in: text).isEmpty)
    }
}

@Suite("SENDGRID_API_KEY")
struct CloudCredentialSendGridTests {
    static let key = "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"

    @Test("keys", arguments: ["SENDGRID_API_KEY=\(key)", "apiKey: '\(key)'", "key \(key)."])
    func found(text: String) throws {
        #expect(try values("SENDGRID_API_KEY", in: text) == [Self.key])
    }

    @Test("near misses", arguments: [
        "SG.cr-53EW5SaJO724I6f38w.jNDAgzkJf9tTTWAHB4oeNqtTdXmMJk8VgLcqvVc3uIE",   // 21-character ID
        key + "x", "x" + key, key + ".abc",
        "SG." + String(repeating: "x", count: 22) + "." + String(repeating: "x", count: 43),
    ])
    func notFound(text: String) throws {
        #expect(try values("SENDGRID_API_KEY", in: text).isEmpty)
    }
}

@Suite("TWILIO_API_KEY")
struct CloudCredentialTwilioTests {
    static let sid = "SK0de714b80e7be146a23e227025e667fd"

    @Test("key SIDs next to a keyword", arguments: [
        "TWILIO_API_KEY=\(sid)", "twilio: { apiKey: \"\(sid)\" }", "API Key SID \(sid)",
    ])
    func found(text: String) throws {
        let found = try findings("TWILIO_API_KEY", in: text)
        #expect(found.map(\.value) == [Self.sid])
        #expect(found.first?.keyword != nil)
    }

    @Test("not reported", arguments: [
        "id \(sid)",                                   // no keyword
        "twilio \(sid.dropLast())",                    // 31 hex digits
        "twilio \(sid)0",
        "twilio SK" + String(repeating: "0", count: 32),
        "twilio AC0de714b80e7be146a23e227025e667fd",   // an account SID is not a key
    ])
    func notReported(text: String) throws {
        #expect(try values("TWILIO_API_KEY", in: text).isEmpty)
    }
}

@Suite("Cloud credential patterns on adversarial input")
struct CloudCredentialAdversarialTests {
    @Test("runs of trigger bytes finish", arguments: [
        String(repeating: "glpat-", count: 30_000),
        "glpat-" + String(repeating: "a", count: 100_000),
        String(repeating: "glpat-abc.", count: 20_000),
        "AccountKey=" + String(repeating: "=", count: 100_000),
        "AccountKey=" + String(repeating: "QUFB", count: 30_000) + "==",
        String(repeating: "SG.", count: 50_000),
        String(repeating: "npm_", count: 30_000),
        "twilio " + String(repeating: "SK", count: 50_000),
    ])
    func completes(text: String) throws {
        var configuration = ScanConfiguration()
        configuration.include = ["CREDENTIALS"]
        configuration.chunkSize = 1 << 16
        let (result, findings) = scanText(try ScanEngine(configuration: configuration), text)
        #expect(result.status == .complete)
        #expect(findings.isEmpty)
    }
}
