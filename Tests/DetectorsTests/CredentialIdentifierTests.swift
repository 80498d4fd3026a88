import Testing
@testable import Detectors

// Every secret in this file is synthetic: random characters, tokens built with their format's
// checksum, and throwaway keys generated for these tests (ssh-keygen, openssl, gpg) and never
// used anywhere.

@Suite("AWS_CREDENTIALS")
struct CredentialAWSCredentialsTests {
    static let accessKeyID = "AKIA2GDMSAUR66NAM5WA"
    static let temporaryKeyID = "ASIA5YYDX5S6KC6O6OYA"
    static let secretKey = "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"

    @Test("access key IDs need no keyword", arguments: [
        "key \(accessKeyID) here", "aws_access_key_id=\(accessKeyID)", "\"\(temporaryKeyID)\"",
        "arn/\(accessKeyID).",
    ])
    func accessKeyIDs(text: String) throws {
        let found = try findings("AWS_CREDENTIALS", in: text)
        #expect(found.count == 1)
        #expect([Self.accessKeyID, Self.temporaryKeyID].contains(found.first?.value ?? ""))
        #expect(found.first?.category == .credentials && found.first?.severity == .high)
        #expect(found.first?.keyword == nil)
    }

    @Test("not access key IDs", arguments: [
        "XAKIA2GDMSAUR66NAM5WA",            // inside a longer token
        "AKIA2GDMSAUR66NAM5WAB",
        "AKIA2GDMSAUR66NAM5W",              // 15 characters
        "AKIA2GDMSAUR66NAM1WA",             // 1 is not base32
        "akia2gdmsaur66nam5wa",
        "AGPA2GDMSAUR66NAM5WA",             // a group ID, not a key
        "AKIAABCDEFGHIEXAMPLE",             // a documentation placeholder
    ])
    func notAccessKeyIDs(text: String) throws {
        #expect(try values("AWS_CREDENTIALS", in: text).isEmpty)
    }

    @Test func theDocumentedExampleKeysAreSuppressedUnlessAsked() throws {
        let text = """
            [default]
            aws_access_key_id = AKIAIOSFODNN7EXAMPLE
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            """
        #expect(try values("AWS_CREDENTIALS", in: text).isEmpty)
        #expect(try values("AWS_CREDENTIALS", in: text) { $0.reportExampleValues = true }
            == ["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"])
    }

    @Test("secret keys next to a keyword", arguments: [
        "aws_secret_access_key = \(secretKey)",
        "AWS_SECRET_ACCESS_KEY=\(secretKey)",
        "\"SecretAccessKey\": \"\(secretKey)\"",
        "Set-AWSCredential -AccessKey \(accessKeyID) -SecretKey \(secretKey)",
        "my aws secret: '\(secretKey)'",
        "credentials \(secretKey)",
    ])
    func secretKeys(text: String) throws {
        let found = try values("AWS_CREDENTIALS", in: text)
        #expect(found.contains(Self.secretKey))
    }

    @Test func aSecretKeyWithoutAKeywordIsNotReported() throws {
        #expect(try values("AWS_CREDENTIALS", in: "token \(Self.secretKey) end").isEmpty)
        #expect(try values("AWS_CREDENTIALS", in: "bGlnaHQgd29yay5yZWFzb24gMTIz/QWxsb3dlZA+K").isEmpty)
    }

    @Test("not secret keys even next to a keyword", arguments: [
        "credentials: 3f786850e387550fdab836ed7e6dc881de23001b",  // a SHA-1 digest
        "credentials: 3F786850E387550FDAB836ED7E6DC881DE23001B",
        "secret key /usr/local/share/applications/firefox/bi",   // a path: no digit, no capital
        "secret key \(secretKey)A",                             // 41 characters
        "secret key \(secretKey)=",
        "secret key x\(secretKey)",
    ])
    func notSecretKeys(text: String) throws {
        #expect(try values("AWS_CREDENTIALS", in: text).isEmpty)
    }

    @Test func aColumnNamedForTheSecretIsTheKeyword() throws {
        var configuration = ScanConfiguration()
        configuration.include = ["AWS_CREDENTIALS"]
        let engine = try ScanEngine(configuration: configuration)
        var sink = FindingCollector()
        _ = engine.scan(record: [("aws_secret_access_key", Self.secretKey), ("etag", Self.secretKey)],
                        recordIndex: 0, scratch: engine.makeScratch(), into: &sink)
        #expect(sink.findings.map(\.location) == [.record(recordIndex: 0, jsonPath: "$.aws_secret_access_key", offset: 0, length: 40)])
    }
}

@Suite("Private keys")
struct CredentialPrivateKeyTests {
    @Test("whole blocks are found", arguments: [
        ("OPENSSH_PRIVATE_KEY", KeySamples.openSSH),
        ("PKCS", KeySamples.pkcs8),
        ("PKCS", KeySamples.ec),
        ("PKCS", KeySamples.rsa),
        ("PKCS", KeySamples.encryptedPKCS8),
        ("PKCS", KeySamples.legacyEncryptedRSA),
        ("PGP_PRIVATE_KEY", KeySamples.pgp),
        ("PUTTY_PRIVATE_KEY", KeySamples.putty),
    ])
    func wholeBlocks(id: String, block: String) throws {
        let text = "config:\n\(block)\nend\n"
        let found = try findings(id, in: text)
        #expect(found.map(\.value) == [block])
        #expect(found.first?.location == .text(offset: 8, length: block.utf8.count, line: 2, column: 1))
        #expect(found.first?.category == .credentials && found.first?.severity == .high)
    }

    @Test("a cut block is reported by its first line", arguments: [
        ("OPENSSH_PRIVATE_KEY", KeySamples.openSSH, "-----BEGIN OPENSSH PRIVATE KEY-----"),
        ("PKCS", KeySamples.rsa, "-----BEGIN RSA PRIVATE KEY-----"),
        ("PGP_PRIVATE_KEY", KeySamples.pgp, "-----BEGIN PGP PRIVATE KEY BLOCK-----"),
        ("PUTTY_PRIVATE_KEY", KeySamples.putty, "PuTTY-User-Key-File-3: ssh-ed25519"),
    ])
    func truncated(id: String, block: String, header: String) throws {
        let cut = String(block.prefix(block.count / 2))
        #expect(try values(id, in: "log: \(cut)") == [header])
    }

    @Test func aFooterWithAnotherLabelDoesNotCloseTheBlock() throws {
        let mixed = KeySamples.ec.replacing("END EC PRIVATE KEY", with: "END RSA PRIVATE KEY")
        #expect(try values("PKCS", in: mixed) == ["-----BEGIN EC PRIVATE KEY-----"])
    }

    @Test func keysPastedWithEscapedNewlines() throws {
        let escaped = KeySamples.openSSH.replacing("\n", with: "\\n")
        let line = #"{"deploy_key": ""# + escaped + #"\n"}"#
        #expect(try values("OPENSSH_PRIVATE_KEY", in: line) == [escaped])
        let crlf = KeySamples.pkcs8.replacing("\n", with: "\\r\\n")
        #expect(try values("PKCS", in: "key=\"\(crlf)\"") == [crlf])
        let windows = KeySamples.rsa.replacing("\n", with: "\r\n")
        #expect(try values("PKCS", in: windows) == [windows])
    }

    /// The JSON reader decodes `\n` escapes, so a key in a JSON string reaches the engine as a
    /// plain multi-line value.
    @Test func aKeyInARecordField() throws {
        var configuration = ScanConfiguration()
        configuration.include = ["PKCS", "OPENSSH_PRIVATE_KEY"]
        let engine = try ScanEngine(configuration: configuration)
        var sink = FindingCollector()
        _ = engine.scan(record: [("name", "deploy"), ("deploy_key", KeySamples.openSSH + "\n")], recordIndex: 3,
                        scratch: engine.makeScratch(), into: &sink)
        #expect(sink.findings.map(\.type) == ["OPENSSH_PRIVATE_KEY"])
        #expect(sink.findings.map(\.location)
            == [.record(recordIndex: 3, jsonPath: "$.deploy_key", offset: 0, length: KeySamples.openSSH.utf8.count)])
    }

    @Test("public keys and certificates are not private keys", arguments: [
        KeySamples.publicKey, KeySamples.certificate, KeySamples.sshPublicKey,
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmDMEZz5rQhYJKwYBBAHaRw8BAQdA\n-----END PGP PUBLIC KEY BLOCK-----",
        "BEGIN RSA PRIVATE KEY",
    ])
    func notPrivateKeys(text: String) throws {
        var configuration = ScanConfiguration()
        configuration.include = ["CREDENTIALS"]
        #expect(try ScanEngine(configuration: configuration).findings(in: text).isEmpty)
    }

    /// With 4 KiB chunks the first window owns a little over 4,096 bytes; keys placed around
    /// that point straddle the boundary.
    @Test(arguments: Array(stride(from: 3_900, through: 4_400, by: 50)))
    func aBlockAcrossAChunkBoundaryIsFoundOnce(fillerLength: Int) throws {
        let filler = String(repeating: "x", count: fillerLength - 1) + "\n"
        let text = filler + KeySamples.rsa + "\n" + String(repeating: "lorem ipsum\n", count: 3_000)
        let found = try findings("PKCS", in: text) { $0.chunkSize = 4096 }
        #expect(found.map(\.value) == [KeySamples.rsa])
        #expect(found.first?.location.offset == fillerLength)
    }

    @Test func twoBlocksInARow() throws {
        let text = KeySamples.ec + "\n" + KeySamples.pkcs8 + "\n"
        #expect(try values("PKCS", in: text) == [KeySamples.ec, KeySamples.pkcs8])
    }
}

@Suite("JSON_WEB_TOKEN")
struct CredentialJSONWebTokenTests {
    static let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzeW50aGV0aWMtdXNlci00ODIxIiwiaWF0IjoxNzY3MjI1NjAwfQ.tcWZrUmzq7V4m-JV_wRep3l5uC6_qF6H8oPnrDOYK7M"
    /// Header `{"alg":"HS256","typ":"JWT"` (no closing brace).
    static let headerNotJSON = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCI.eyJzdWIiOiJzeW50aGV0aWMtdXNlci00ODIxIiwiaWF0IjoxNzY3MjI1NjAwfQ.tcWZrUmzq7V4m-JV_wRep3l5uC6_qF6H8oPnrDOYK7M"
    /// Header `{"typ":"JWT"}`.
    static let headerWithoutAlg = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJzeW50aGV0aWMtdXNlci00ODIxIiwiaWF0IjoxNzY3MjI1NjAwfQ.tcWZrUmzq7V4m-JV_wRep3l5uC6_qF6H8oPnrDOYK7M"
    /// An unsecured JWT: header `{"alg":"none"}` and an empty signature.
    static let unsecured = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzeW50aGV0aWMtdXNlci00ODIxIiwiaWF0IjoxNzY3MjI1NjAwfQ."
    static let jwtIOSample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"

    @Test("tokens are found", arguments: [
        ("Authorization: Bearer \(token)", token),
        ("{\"id_token\":\"\(token)\"}", token),
        ("see \(token).", token),
        ("?jwt=\(token)&x=1", token),
        (unsecured, unsecured),
    ])
    func found(text: String, expected: String) throws {
        #expect(try values("JSON_WEB_TOKEN", in: text) == [expected])
    }

    @Test("not tokens", arguments: [
        headerNotJSON,
        headerWithoutAlg,
        String(token.prefix(while: { $0 != "." })),                 // the header alone
        token.split(separator: ".").prefix(2).joined(separator: ".") + ".",  // HS256, no signature
        unsecured + "c2lnbmF0dXJl",                                 // alg none with a signature
        "x" + token,                                                // inside a longer token
        token + ".eyJhbGciOiJub25lIn0.abc",                         // five parts (JWE-like)
        "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln",                    // claims not JSON
    ])
    func notFound(text: String) throws {
        #expect(try values("JSON_WEB_TOKEN", in: text).isEmpty)
    }

    @Test func theJWTIOSampleIsAnExample() throws {
        #expect(try values("JSON_WEB_TOKEN", in: Self.jwtIOSample).isEmpty)
        #expect(try values("JSON_WEB_TOKEN", in: Self.jwtIOSample) { $0.reportExampleValues = true } == [Self.jwtIOSample])
    }
}

@Suite("STRIPE_CREDENTIALS")
struct CredentialStripeCredentialsTests {
    @Test("live secret and restricted keys", arguments: [
        "sk_live_hhpwdmnu4LEqCI9jsl6OUmbX",
        "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",
    ])
    func live(key: String) throws {
        #expect(try values("STRIPE_CREDENTIALS", in: "STRIPE_KEY=\(key)\n") == [key])
    }

    @Test("test-mode keys are example values: suppressed as Macie does, reported on request", arguments: [
        "sk_test_MRl5frPi9NeFsFW5BVI18Ao4",
        "rk_test_MRl5frPi9NeFsFW5BVI18Ao4",
    ])
    func testModeKeys(key: String) throws {
        #expect(try values("STRIPE_CREDENTIALS", in: "k=\(key)\n").isEmpty)
        #expect(try values("STRIPE_CREDENTIALS", in: "k=\(key)\n") { $0.reportExampleValues = true } == [key])
    }

    @Test("publishable keys and near misses", arguments: [
        "pk_live_eSfi67KClDVwQB9e6k8wmSwk",     // publishable
        "sk_live_hhpwdmnu4LEqCI9jsl6OUmb",      // 23 characters
        "xsk_live_hhpwdmnu4LEqCI9jsl6OUmbX",
        "sk_live_hhpwdmnu4LEqCI9jsl6OUmbX_x",
    ])
    func notReported(text: String) throws {
        #expect(try values("STRIPE_CREDENTIALS", in: text).isEmpty)
        #expect(try values("STRIPE_CREDENTIALS", in: text) { $0.reportExampleValues = true }.isEmpty)
    }
}

@Suite("GITHUB_TOKEN")
struct CredentialGitHubTokenTests {
    static let classic = [
        "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", "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",
        "ghu_zqQdgCWwDllJtWR6zqlIKiUBKnCfK21h6OQr", "ghs_vuAiSDMK2xTY2xA6bznBRkirAgsXOh1LTT3S",
        "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",
    ]
    static let fineGrained = "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"

    @Test("tokens with a valid checksum", arguments: classic + [fineGrained])
    func found(token: String) throws {
        #expect(try values("GITHUB_TOKEN", in: "GITHUB_TOKEN=\(token)\n") == [token])
    }

    @Test("a mutated character breaks the checksum", arguments: classic)
    func mutated(token: String) throws {
        var bytes = Array(token.utf8)
        bytes[10] = bytes[10] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        let changed = String(decoding: bytes, as: UTF8.self)
        #expect(try values("GITHUB_TOKEN", in: changed).isEmpty)
        #expect(!GitHubTokenChecksum.isValid(bytes[4...]))
    }

    @Test("near misses", arguments: [
        "ghp_KGpOyQNcdOyZbkBFTFoOxtzHq8STZH00FMR",                // 35 characters
        "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x",              // 37
        "x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",
        "ghx_KGpOyQNcdOyZbkBFTFoOxtzHq8STZH00FMRY",               // unknown type letter
        "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",               // a placeholder
        "github_pat_" + String(repeating: "A", count: 81),
    ])
    func notFound(text: String) throws {
        #expect(try values("GITHUB_TOKEN", in: text).isEmpty)
    }

    @Test func checksumCharactersRoundTrip() {
        let entropy = Array("zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ".utf8)
        let body = entropy + Array(GitHubTokenChecksum.checksumCharacters(for: entropy).utf8)
        #expect(GitHubTokenChecksum.isValid(body))
    }
}

@Suite("SLACK_TOKEN")
struct CredentialSlackTokenTests {
    @Test("tokens and webhooks", arguments: [
        "xoxb-687516484348-3101790071510-SD652OvHjHFFbp48WEXJC7Zc",
        "xoxp-711756838140-045365912712-0104730893229-43265c588f612e60a65d48e4229c9481",
        "xoxb-153445930147-Tjy1ZgGxUW6Cf9zYOYwtzG0K",
        "xoxa-2-711756838140-9bc4a7f2e10d4b7c8d1e2f3a4b5c6d7e",
        "xoxr-711756838140-9bc4a7f2e10d4b7c8d1e2f3a",
        "xoxs-711756838140-045365912712-0104730893229-9bc4a7f2e10d4b7c",
        "xapp-1-AFBCWXUGD95-4427720142889-fab98f0d340b857972beb75e685e947ceafb20ee13aea54bc9c48755c70a6043",
        "https://hooks.slack.com/services/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",
    ])
    func found(token: String) throws {
        #expect(try values("SLACK_TOKEN", in: "SLACK=\"\(token)\"") == [token])
    }

    @Test("near misses", arguments: [
        "xoxb-your-bot-token",
        "xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx",
        "xoxb-123",
        "xoxq-687516484348-3101790071510-SD652OvHjHFFbp48WEXJC7Zc",
        "https://hooks.slack.com/services/T7IJ4FWEC/BEPTAFBVPJF/short",
        "https://hooks.slack.com/services/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extra",
    ])
    func notFound(text: String) throws {
        #expect(try values("SLACK_TOKEN", in: text).isEmpty)
    }
}

@Suite("Credential patterns on adversarial input")
struct CredentialAdversarialTests {
    @Test("runs of trigger bytes finish without hitting the match limit", arguments: [
        String(repeating: "-----BEGIN RSA PRIVATE KEY-----\n", count: 3_000),
        String(repeating: "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: x\n", count: 2_000),
        String(repeating: "PuTTY-User-Key-File-3: a\nComment: b\n", count: 3_000),
        "-----BEGIN OPENSSH PRIVATE KEY-----\n" + String(repeating: "QUFB", count: 30_000),
        String(repeating: "eyJhbGciOiJub25lIn0.", count: 5_000),
        String(repeating: "xoxb-1-", count: 20_000),
        String(repeating: "AKIA", count: 30_000),
        "secret key " + String(repeating: "Ab1/", count: 30_000),
        String(repeating: "ghp_", count: 30_000),
    ])
    func completes(text: String) throws {
        var configuration = ScanConfiguration()
        configuration.include = ["CREDENTIALS"]
        configuration.chunkSize = 1 << 16
        let (result, findings) = scanText(try ScanEngine(configuration: configuration), text)
        #expect(result.status == .complete)
        #expect(findings.allSatisfy { $0.location.length <= 16_384 })
    }
}

@Suite("Credential helpers")
struct CredentialHelperTests {
    @Test func crc32MatchesZlib() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("abc".utf8)) == 891_568_578)
    }

    @Test("base64url", arguments: [
        ("", ""), ("Zg", "f"), ("Zm8", "fo"), ("Zm9v", "foo"), ("Zm9vYg", "foob"), ("Zm9vYg==", "foob"),
        ("PDw_Pz4-", "<<??>>"),
    ])
    func base64URL(encoded: String, decoded: String) {
        #expect(Base64URL.decode(Array(encoded.utf8)) == Array(decoded.utf8))
    }

    @Test func base64URLRejectsOtherAlphabetsAndLengths() {
        #expect(Base64URL.decode(Array("Zm9vY".utf8)) == nil)      // one character left over
        #expect(Base64URL.decode(Array("PDw/Pz4+".utf8)) == nil)   // standard alphabet
        #expect(Base64URL.decode(Array("Zg=g".utf8)) == nil)
    }

    @Test("JSON objects", arguments: [
        #"{"alg":"HS256","typ":"JWT"}"#, #" { "a" : [1, -2.5e3, true, null, {"b": "\u00e9\n"}] } "#, "{}",
    ])
    func jsonObjects(text: String) {
        #expect(JSONObjectSyntax.members(of: Array(text.utf8)) != nil)
    }

    @Test("not JSON objects", arguments: [
        #"{"alg":"HS256""#, #"["alg"]"#, #"{"a":01}"#, #"{"a":1,}"#, #"{'a':1}"#, #"{"a":"x"} x"#,
        #"{"a":tru}"#, #"{"a":"\q"}"#, "", "{\"a\":\"\u{01}\"}",
    ])
    func notJSONObjects(text: String) {
        #expect(JSONObjectSyntax.members(of: Array(text.utf8)) == nil)
    }

    @Test func topLevelMembers() throws {
        let members = try #require(JSONObjectSyntax.members(of: Array(#"{"alg":"ES256","n":{"alg":"x"},"k":7}"#.utf8)))
        #expect(members.map(\.key) == ["alg", "n", "k"])
        #expect(members.map(\.stringValue) == ["ES256", nil, nil])
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: #"{"a":"#, count: 40) + "1" + String(repeating: "}", count: 40)
        #expect(JSONObjectSyntax.members(of: Array(deep.utf8)) == nil)
    }
}

/// Throwaway keys generated for these tests, and hand-made blocks of random base64.
enum KeySamples {
    static let openSSH = """
        -----BEGIN OPENSSH PRIVATE KEY-----
        b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
        QyNTUxOQAAACCniAqhuxIPSwkwYDYsNwT4qtS3iEe9HSB2FKBe3he/qAAAAJA9ntbkPZ7W
        5AAAAAtzc2gtZWQyNTUxOQAAACCniAqhuxIPSwkwYDYsNwT4qtS3iEe9HSB2FKBe3he/qA
        AAAEAQ3scaO4xNf++bTaxZiWjki79RDyb+OUirKdKbIzZ9SaeICqG7Eg9LCTBgNiw3BPiq
        1LeIR70dIHYUoF7eF7+oAAAACXN5bnRoZXRpYwECAwQ=
        -----END OPENSSH PRIVATE KEY-----
        """

    static let pkcs8 = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEIHofap36LzUXTkuEcyQcxdO6fIGQZStbY+BvvpVF4sUS
        -----END PRIVATE KEY-----
        """

    static let ec = """
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIF4ZnA8TIqAVAOn59pbzjEIKOggvhocD6MTP23gcZm1boAoGCCqGSM49
        AwEHoUQDQgAEJ5WtkGEi5eMVe3F8Ph7vNqfiHiHm+W1QnHFhE6TeyOf9RVHs9qvD
        xbwjNewJNjVgc0+8cwo7NSLu1XE5SnG1Iw==
        -----END EC PRIVATE KEY-----
        """

    static let encryptedPKCS8 = """
        -----BEGIN ENCRYPTED PRIVATE KEY-----
        MIGbMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAiD06yt4LVbpwICCAAw
        DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEI6SSFyoPNUsiPnksHpJTZcEQO84
        ybbetHHoNtPneWsJa8SnjjTQpUWz0PvZIp2XGseCJbdqVufYMsTQaB0kYnSkkHW2
        d23Uuy7y3ddeeBkg070=
        -----END ENCRYPTED PRIVATE KEY-----
        """

    static let rsa = """
        -----BEGIN RSA PRIVATE KEY-----
        MIIBPAIBAAJBAN/ofolppSaN7A8dO9kjJyfU+nQXnsazU0rvrZnelPzuKTqbR4Uv
        HY/9Wi3kaSMTM+Eqr1DGrsQkbWRVYJY7+gcCAwEAAQJBAL8pL18B4w3XfQIqYz4u
        1O8c1fbnc5cQ4rvHhN8pOOn2kkivJG9KUJOSYBgxhLF/TmoB3VZ2TOWib4H94MGA
        bIECIQDxsd5UE9/nIQOjNyh/jynibj0+VY5S8LpLM4VObRbV9QIhAO0pIALla1L+
        TGuWPd3Z4K4oZyYNzDf5Q9LQx2uML9aLAiEAjzlL+p7ca+aQdUPWZ+C6fUe+WxXw
        BQ5KFw4szNCwW5ECIQCDC4dhsk1EdbnadRFIZhztfuvILjWa9ERS2ARpW/QPEwIg
        cYmn7VYbk26jLXR8hKIELUkN2LwX5u23VVEGKJOCJ1w=
        -----END RSA PRIVATE KEY-----
        """

    /// A legacy OpenSSL-encrypted key layout (RFC 1421 headers) around random base64.
    static let legacyEncryptedRSA = """
        -----BEGIN RSA PRIVATE KEY-----
        Proc-Type: 4,ENCRYPTED
        DEK-Info: AES-128-CBC,A4C123B1612DD272D1371C17149D4395

        nyVmihA/2O76UMFxFkM/R5Kjp1vRt+1fjORS/6ilI8ihN5KXSc7Tvo/hBKqFYY/k
        v5ZJr3J1TWDtkwtDDb+xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+7
        99NksnRH9ucAUsdMlHUvTCQCyEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7
        Zkuvqdt7s8Stqcbnr3yBdGBLEPH1qhT61qtc4xatws8phP9nhFyJfm5di4PzJ59F
        Hz5r1pY4OjE2jBMptUsG==
        -----END RSA PRIVATE KEY-----
        """

    static let pgp = """
        -----BEGIN PGP PRIVATE KEY BLOCK-----

        lFgEawM2tBYJKwYBBAHaRw8BAQdAwOSB8uRmlSsOdUXz2tweaqOUhG9t0qMEui8G
        lzif1QMAAQCQvfgVDmAIggh9QEm28ZvFCwmEQNaAZCd31gRnZS/uTg2ptCpTeW50
        aGV0aWMgVGVzdCA8c3ludGhldGljQGV4YW1wbGUuaW52YWxpZD6IkAQTFggAOBYh
        BDQ7kVeLSK4MyK3kfZzqTqLAQxMABQJrAza0AhsDBQsJCAcCBhUKCQgLAgQWAgMB
        Ah4BAheAAAoJEJzqTqLAQxMAhJIBAJDLZSJFfTXBISbzBTCoQWCYJN0DTIQQbSrP
        GZV4IBt3AQCAosTfu92KUqQ4+PIvEWv44n7mSeXna9AJZAMRV42GDQ==
        =weeX
        -----END PGP PRIVATE KEY BLOCK-----
        """

    /// PPK version 3 layout around random base64 and a random MAC.
    static let putty = """
        PuTTY-User-Key-File-3: ssh-ed25519
        Encryption: none
        Comment: synthetic-test-key
        Public-Lines: 2
        LgkGoy6/LmMrBwuEsC3tkOBvuO2LhkTU9xZrPKyw7zsJXSAs655mGj4N/MCnlEEp
        XhqUsGaClEKL3RwoFLbfTFoLiMQCxukSW08H6FB5D2MQ
        Private-Lines: 1
        XhqUsGaClEKL3RwoFLbfTFoLiMQCxukSW08H6FB5D2MQ
        Private-MAC: bfc6cfbf38ea3aba3b782033735f15434f3cb8fecb37f8cc701e66c2f9d02c37
        """

    static let publicKey = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAx0ZJ3Q3m3qkq4v9vJ6vWn4l8m0kM4o9kq0xw1G0Q2sQ=
        -----END PUBLIC KEY-----
        """

    static let certificate = """
        -----BEGIN CERTIFICATE-----
        MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGUgZm9yIHRlc3RzMAoGCCqGSM49BAMC
        MBQxEjAQBgNVBAMMCXN5bnRoZXRpYzAeFw0yNjAxMDEwMDAwMDBaFw0yNzAxMDEw
        -----END CERTIFICATE-----
        """

    static let sshPublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeICqG7Eg9LCTBgNiw3BPiq1LeIR70dIHYUoF7eF7+o synthetic"
}
