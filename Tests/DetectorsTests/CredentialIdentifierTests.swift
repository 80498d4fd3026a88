import Testing
@testable import Detectors
import Records

// Every secret in this file is synthetic: random characters, tokens built with their format's
// checksum, and throwaway keys generated for these tests (ssh-keygen, openssl, gpg) and never
// used anywhere.

@Suite("AWS_CREDENTIALS")
struct CredentialAWSCredentialsTests {
    static let accessKeyID = "AKIA2GDMSAUR66NAM5WA"
    static let temporaryKeyID = "ASIA5YYDX5S6KC6O6OYA"
    static let secretKey = "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"

    @Test("access key IDs next to a keyword", arguments: [
        "aws_access_key_id=\(accessKeyID)", "\"AccessKeyId\": \"\(temporaryKeyID)\"",
        "AWS access key: \(accessKeyID).", "credentials \(temporaryKeyID)",
        "Set-AWSCredential -AccessKey \(accessKeyID)",
    ])
    func accessKeyIDs(text: String) throws {
        let found = try findings("AWS_CREDENTIALS", in: text)
        #expect(found.count == 1)
        #expect([Self.accessKeyID, Self.temporaryKeyID].contains(found.first?.value ?? ""))
        #expect(found.first?.category == .credentials && found.first?.severity == .high)
        #expect(found.first?.keyword != nil)
    }

    /// Macie requires a keyword for AWS_CREDENTIALS; a key ID alone grants nothing.
    @Test("access key IDs without a keyword are not reported", arguments: [
        "key \(accessKeyID) here", "\"\(temporaryKeyID)\"", "arn/\(accessKeyID).",
    ])
    func accessKeyIDsWithoutAKeyword(text: String) throws {
        #expect(try values("AWS_CREDENTIALS", in: text).isEmpty)
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
        #expect(try values("AWS_CREDENTIALS", in: "aws_access_key_id = \(text)").isEmpty)
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

/// A GCP service-account key file carries a PKCS #8 key in a JSON string with escaped line
/// breaks. The JSON reader decodes the string, so the engine sees a plain multi-line block; as
/// text the block is matched with its `\n` escapes. Either way it is reported under `PKCS`.
@Suite("PKCS in a GCP service-account key file")
struct CredentialServiceAccountKeyTests {
    /// An RSA-2048-sized PKCS #8 block of pseudo-random base64 (not a key), with the trailing
    /// line break Google's files have.
    static let key: String = {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var state: UInt64 = 0x5EED
        var body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ"
        while body.count < 1_620 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            body.append(alphabet[Int(state >> 58)])
        }
        body += "=="
        var lines: [String] = []
        var rest = Substring(body)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN PRIVATE KEY-----\n" + lines.joined(separator: "\n") + "\n-----END PRIVATE KEY-----\n"
    }()

    static let block = String(key.dropLast())
    static let escaped = key.replacing("\n", with: "\\n")

    /// The layout of a downloaded key file (synthetic project and IDs).
    static let file = """
        {
          "type": "service_account",
          "project_id": "synthetic-project-1234",
          "private_key_id": "0f3c9a7d51e2b8c4a6d0e9f1b2c3d4e5f6a7b8c9",
          "private_key": "\(escaped)",
          "client_email": "builder@synthetic-project-1234.iam.gserviceaccount.com",
          "client_id": "104729310587264918273",
          "auth_uri": "https://accounts.google.com/o/oauth2/auth",
          "token_uri": "https://oauth2.googleapis.com/token"
        }
        """

    static func scan(_ text: String, as format: FileFormat) throws -> [Finding] {
        var configuration = ScanConfiguration()
        configuration.include = ["CREDENTIALS"]
        configuration.includeValues = true
        let engine = try ScanEngine(configuration: configuration)
        var sink = FindingCollector()
        var source = MemoryByteSource(text)
        let result = engine.scan(from: &source, format: format, path: "key.json", scratch: engine.makeScratch(),
                                 into: &sink)
        #expect(result.status == .complete)
        return sink.findings
    }

    @Test func scannedAsJSON() throws {
        let found = try Self.scan(Self.file, as: .json)
        #expect(found.map(\.type) == ["PKCS"])
        #expect(found.map(\.value) == [Self.block])
        guard case .record(_, let path, _, _) = found.first?.location else {
            Issue.record("not a record location")
            return
        }
        #expect(path == "$.private_key")
    }

    @Test func scannedAsJSONLines() throws {
        let line = Self.file.split(separator: "\n").map { $0.trimmingPrefix(" ") }.joined()
        let found = try Self.scan(line + "\n", as: .jsonl)
        #expect(found.map(\.type) == ["PKCS"])
        #expect(found.map(\.value) == [Self.block])
    }

    @Test func scannedAsText() throws {
        let found = try Self.scan(Self.file, as: .text)
        #expect(found.map(\.type) == ["PKCS"])
        #expect(found.map(\.value) == [String(Self.escaped.dropLast(2))])
    }

    @Test func scannedAsCSV() throws {
        let quoted = "\"" + Self.key.replacing("\"", with: "\"\"") + "\""
        let found = try Self.scan("name,private_key\nbuilder,\(quoted)\n", as: .csv)
        #expect(found.map(\.value) == [Self.block])
    }
}

@Suite("GCP_API_KEY")
struct CredentialGCPAPIKeyTests {
    static let key = "AIzaSycCho1Oqde7uRZv_Shxrq7VQqaIMWAT4es"
    static let other = "AIza8XZ0hf_t1bnqJa7Sb0Hs17PRpxqsZp21ob0"

    @Test("keys next to one of Macie's keywords", arguments: [
        "GCP api key: \(key)", "google-api-key=\(other)", "X-goog-api-key: \(key)",
        "GOOGLE_API_KEY=\"\(key)\"", "G_PLACES_KEY \(other)", "googlekey: \(key)",
        "curl -H 'X-Goog-Api-Key: \(key)' https://example.invalid",
    ])
    func found(text: String) throws {
        let found = try findings("GCP_API_KEY", in: text)
        #expect(found.count == 1)
        #expect([Self.key, Self.other].contains(found.first?.value ?? ""))
        #expect(found.first?.category == .credentials && found.first?.keyword != nil)
    }

    @Test("not reported", arguments: [
        "key=\(key)",                                   // no keyword
        "google_api_key: \(key)A",                      // 36 characters after AIza
        "google_api_key: x\(key)",                      // inside a longer token
        "google_api_key: AIzaSycCho1Oqde7uRZv_Shxrq7VQqaIMWAT4e",
        "google_api_key: AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",  // a placeholder
        "google_api_key: AIzaSyabcdefghijklmnopqrstuvwxyz1234567",  // Firebase's sample placeholder
    ])
    func notReported(text: String) throws {
        #expect(try values("GCP_API_KEY", in: text).isEmpty)
    }

    @Test func aFieldNamedForTheKeyIsTheKeyword() throws {
        var configuration = ScanConfiguration()
        configuration.include = ["GCP_API_KEY"]
        let engine = try ScanEngine(configuration: configuration)
        var sink = FindingCollector()
        _ = engine.scan(record: [("googleApiKey", Self.key), ("etag", Self.other)], recordIndex: 0,
                        scratch: engine.makeScratch(), into: &sink)
        #expect(sink.findings.map(\.location) == [.record(recordIndex: 0, jsonPath: "$.googleApiKey", offset: 0, length: 39)])
    }
}

@Suite("HTTP_BASIC_AUTH_HEADER")
struct CredentialHTTPBasicAuthTests {
    /// `deploy:s3cr3t-Pa55`, `svc-ci:q9!Xw#2mLp`, `:tokenonly` (synthetic).
    static let deploy = "ZGVwbG95OnMzY3IzdC1QYTU1"
    static let service = "c3ZjLWNpOnE5IVh3IzJtTHA="
    static let emptyUser = "OnRva2Vub25seQ=="

    @Test("whole headers", arguments: [
        ("Authorization: Basic \(deploy)", "Authorization: Basic \(deploy)"),
        ("GET / HTTP/1.1\r\nauthorization: basic \(service)\r\nHost: x\r\n", "authorization: basic \(service)"),
        ("Proxy-Authorization: Basic \(emptyUser)\n", "Proxy-Authorization: Basic \(emptyUser)"),
        ("curl -H \"Authorization: Basic \(deploy)\" https://example.invalid", "Authorization: Basic \(deploy)"),
        ("headers = {\"Authorization\": \"Basic \(service)\"}", "Authorization\": \"Basic \(service)"),
        ("'Authorization' => 'Basic \(deploy)',", "Authorization' => 'Basic \(deploy)"),
        ("AUTHORIZATION:Basic \(deploy)", "AUTHORIZATION:Basic \(deploy)"),
    ])
    func found(text: String, expected: String) throws {
        let found = try findings("HTTP_BASIC_AUTH_HEADER", in: text)
        #expect(found.map(\.value) == [expected])
        #expect(found.first?.category == .credentials && found.first?.severity == .high)
    }

    @Test("not basic credentials", arguments: [
        "Authorization: Basic deploy:s3cr3t",                  // not encoded
        "Authorization: Basic ZGVwbG95czNjcjN0UGE1NQ==",       // no colon (deploys3cr3tPa55)
        "Authorization: Basic dXNlcjpwYQFzcw==",               // a control character
        "Authorization: Basic dXNlcjpw5HNz",                   // not UTF-8 (Latin-1)
        "Authorization: Basic c3ZjLWNpOnE5IVh3IzJtTHB=",       // non-canonical last character
        "Authorization: Basic \(deploy)!",                     // more after the credentials
        "Authorization: Bearer \(deploy)",
        "X-Authorization: Basic \(deploy)",
        "Basic \(deploy)",                                     // no header name
        "authorization code: Basic auth is not used here",
    ])
    func notFound(text: String) throws {
        #expect(try values("HTTP_BASIC_AUTH_HEADER", in: text).isEmpty)
    }

    @Test("the RFC's and MDN's examples are example values", arguments: [
        "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l",
        "Authorization: Basic dGVzdDoxMjPCow==",
    ])
    func examples(text: String) throws {
        #expect(try values("HTTP_BASIC_AUTH_HEADER", in: text).isEmpty)
        #expect(try values("HTTP_BASIC_AUTH_HEADER", in: text) { $0.reportExampleValues = true } == [text])
    }

    /// A HAR file or an API client's export keeps headers as name/value members.
    @Test func theValueOfAnAuthorizationField() throws {
        var configuration = ScanConfiguration()
        configuration.include = ["HTTP_BASIC_AUTH_HEADER"]
        configuration.includeValues = true
        let engine = try ScanEngine(configuration: configuration)
        var sink = FindingCollector()
        _ = engine.scan(record: [("Authorization", "Basic \(Self.deploy)"), ("X-Note", "Basic \(Self.service)"),
                                 ("authorization", "Basic \(Self.service) and more")],
                        recordIndex: 0, scratch: engine.makeScratch(), into: &sink)
        #expect(sink.findings.map(\.value) == ["Basic \(Self.deploy)"])
        #expect(sink.findings.first?.keyword == "authorization")
    }
}

@Suite("HTTP_COOKIE")
struct CredentialHTTPCookieTests {
    @Test("whole headers", arguments: [
        ("Cookie: sessionid=38afes7a8; csrftoken=u32t4o3tb3gg43", "Cookie: sessionid=38afes7a8; csrftoken=u32t4o3tb3gg43"),
        ("GET / HTTP/1.1\r\ncookie: SID=31d4d96e407aad42\r\n\r\n", "cookie: SID=31d4d96e407aad42"),
        ("Set-Cookie: id=a3fWa; Expires=Thu, 21 Oct 2027 07:28:00 GMT; Secure; HttpOnly\n",
         "Set-Cookie: id=a3fWa; Expires=Thu, 21 Oct 2027 07:28:00 GMT; Secure; HttpOnly"),
        ("set-cookie: __Host-sid=\"b64.x-y_z\"; Path=/; SameSite=Lax; Max-Age=3600",
         "set-cookie: __Host-sid=\"b64.x-y_z\"; Path=/; SameSite=Lax; Max-Age=3600"),
        ("[\"Cookie: lang=en-US; theme=dark\", \"Accept: */*\"]", "Cookie: lang=en-US; theme=dark"),
        ("Cookie: a=1;", "Cookie: a=1"),
        // An empty attribute and a two-digit year, as some servers write them.
        ("Set-Cookie: session=de73c7e08a3753ac6b2f; expires=Thu, 18-Apr-19 07:29:28 GMT; path=/;; HttpOnly; Secure",
         "Set-Cookie: session=de73c7e08a3753ac6b2f; expires=Thu, 18-Apr-19 07:29:28 GMT; path=/;; HttpOnly; Secure"),
    ])
    func found(text: String, expected: String) throws {
        let found = try findings("HTTP_COOKIE", in: text)
        #expect(found.map(\.value) == [expected])
        #expect(found.first?.category == .personalInformation)
    }

    @Test("not cookie headers", arguments: [
        "Cookie: chocolate chip",
        "Cookie: sessionid=",                  // no value
        "Set-Cookie: =38afes7a8",              // no name
        "cookie jar: sessionid=38afes7a8",
        "X-Cookie: sessionid=38afes7a8",
        "Cookie: sessionid=38afes7a8\u{E9}",  // not RFC 6265 characters
    ])
    func notFound(text: String) throws {
        #expect(try values("HTTP_COOKIE", in: text).isEmpty)
    }

    @Test func aSetCookieLineIsOneFinding() throws {
        #expect(try values("HTTP_COOKIE", in: "Set-Cookie: a=b\nSet-Cookie: c=d\n") == ["Set-Cookie: a=b", "Set-Cookie: c=d"])
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
        String(repeating: "Authorization: Basic QUFB", count: 5_000),
        "Authorization: Basic " + String(repeating: "QUFB", count: 30_000),
        String(repeating: "Cookie: a=b; ", count: 10_000),
        "Set-Cookie: a=b" + String(repeating: "; c=" + String(repeating: "d", count: 2_000), count: 20),
        String(repeating: "AIza", count: 30_000),
    ])
    func completes(text: String) throws {
        var configuration = ScanConfiguration()
        configuration.include = ["CREDENTIALS", "HTTP_COOKIE"]
        configuration.chunkSize = 1 << 16
        let (result, findings) = scanText(try ScanEngine(configuration: configuration), text)
        #expect(result.status == .complete)
        #expect(findings.allSatisfy { $0.location.length <= 16_384 })
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
