extension ManagedIdentifiers {
    /// Credentials: cloud and API keys, tokens, private key blocks, HTTP authorization headers
    /// (and HTTP cookies, which Macie files under personal information).
    ///
    /// `AWS_CREDENTIALS` has two definitions under one ID: access key IDs (found from their
    /// literal prefix) and secret access keys (40 characters with no prefix, found from a
    /// precondition); both need a keyword, as Macie requires for this ID. `HTTP_BASIC_AUTH_HEADER`
    /// also has two: the header in text, and its value as a whole field named `Authorization`.
    static let credentials: [ManagedIdentifier] = [
        awsAccessKeyID, awsSecretAccessKey, gcpAPIKey, httpBasicAuthHeader, httpBasicAuthField,
        openSSHPrivateKey, pkcsPrivateKey, pgpPrivateKey, puttyPrivateKey, jsonWebToken,
        stripeCredentials, githubToken, slackToken, httpCookie,
    ]

    // MARK: AWS

    /// AWS's documented example keys (IAM user guide, CLI and SDK docs), as their alphanumeric
    /// characters; Macie never reports them.
    static let awsExampleKeys: Set<String> = [
        "AKIAIOSFODNN7EXAMPLE", "ASIAIOSFODNN7EXAMPLE", "AKIAI44QH8DHBEXAMPLE",
        alphanumerics("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        alphanumerics("je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"),
    ]

    /// Macie's keywords for `AWS_CREDENTIALS` (*aws_secret_access_key, credentials, secret access
    /// key, secret key, set-awscredential*) and the spellings config files and SDKs use.
    static let awsSecretKeywords = [
        "aws_secret_access_key", "secret access key", "secretaccesskey", "secret_access_key",
        "secret key", "secretkey", "secret_key", "aws secret", "aws_secret_key", "set-awscredential",
        "credentials",
    ]

    /// `AWS_CREDENTIALS`, access key IDs: `AKIA` (long-term) or `ASIA` (temporary) and 16 base32
    /// characters (`A-Z`, `2-7`), next to a keyword: Macie requires one for `AWS_CREDENTIALS`, and
    /// a key ID alone grants nothing; the key ID keywords (*aws_access_key_id, access key*) and
    /// the secret key's count.
    ///
    /// Any other key ID ending in `EXAMPLE` is a documentation placeholder: an example value.
    static let awsAccessKeyID = ManagedIdentifier(
        id: "AWS_CREDENTIALS",
        category: .credentials,
        severity: .high,
        summary: "AWS access key ID near a keyword: AKIA or ASIA and 16 base32 characters; AWS's "
            + "example keys are not reported",
        validation: "structure only; AWS example keys suppressed",
        keywords: ["aws_access_key_id", "access key id", "access_key_id", "accesskeyid", "access key",
                   "access_key", "accesskey", "aws access key", "aws_access_key", "aws key"]
            + awsSecretKeywords,
        keywordRule: .required,
        trigger: .literal(["AKIA", "ASIA"], notAfter: .word),
        pattern: #"A[KS]IA[A-Z2-7]{16}(?![A-Za-z0-9_])"#,
        maxLength: 20,
        examples: awsExampleKeys,
        validate: { context in
            let key = context.compacted()
            return key.hasSuffix("EXAMPLE") ? .exampleValue : .accept
        }
    )

    /// `AWS_CREDENTIALS`, secret access keys: 40 characters of `A-Z a-z 0-9 / +`, not part of a
    /// longer token, with upper- and lower-case letters and a digit (which a random key has
    /// with near certainty, and a hex digest or a path does not), next to a keyword (Macie's:
    /// *aws_secret_access_key, credentials, secret access key, secret key, set-awscredential*).
    static let awsSecretAccessKey = ManagedIdentifier(
        id: "AWS_CREDENTIALS",
        category: .credentials,
        severity: .high,
        summary: "AWS secret access key near a keyword: 40 characters of A-Z a-z 0-9 / +; AWS's "
            + "example keys are not reported",
        validation: "mixed case and a digit; AWS example keys suppressed",
        keywords: awsSecretKeywords,
        keywordRule: .required,
        trigger: .start(first: ByteSet("A-Za-z0-9/+"), notAfter: ByteSet("A-Za-z0-9/+_")),
        pattern: #"(?<![A-Za-z0-9/+_\-])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=_\-])"#,
        maxLength: 40,
        examples: awsExampleKeys,
        precondition: .run(of: ByteSet("A-Za-z0-9/+"), 40),
        validate: { context in
            guard ByteSet.hasUpperLowerAndDigit(context.bytes) else { return .reject }
            let key = context.compacted()
            return key.hasSuffix("EXAMPLEKEY") ? .exampleValue : .accept
        }
    )

    // MARK: Google Cloud

    /// `GCP_API_KEY`: a Google API key's key string, `AIza` and 35 characters of `A-Z a-z 0-9 _ -`,
    /// next to a keyword (Macie's: *G_PLACES_KEY, GCP api key, GCP key, google cloud key,
    /// google-api-key, google-cloud-apikeys, GOOGLEKEY, X-goog-api-key*, and their usual
    /// spellings). Macie detects only the key string, not the key's ID or display name.
    static let gcpAPIKey = ManagedIdentifier(
        id: "GCP_API_KEY",
        category: .credentials,
        severity: .high,
        summary: "Google Cloud API key near a keyword: AIza and 35 characters of A-Z a-z 0-9 _ -",
        validation: "structure only; placeholders rejected",
        keywords: ["g_places_key", "gcp api key", "gcp_api_key", "gcp-api-key", "gcp key", "gcp_key",
                   "google cloud key", "google_cloud_key", "google-api-key", "google api key",
                   "google_api_key", "googleapikey", "google-cloud-apikeys", "googlekey", "google_key",
                   "x-goog-api-key", "google maps api key", "google_maps_api_key", "firebase api key",
                   "firebase_api_key"],
        keywordRule: .required,
        trigger: .literal(["AIza"], notAfter: ByteSet("A-Za-z0-9_-")),
        pattern: #"AIza[A-Za-z0-9_\-]{35}(?![A-Za-z0-9_\-])"#,
        maxLength: 39,
        // A placeholder in Firebase's SDK samples.
        examples: ["AIzaSyabcdefghijklmnopqrstuvwxyz1234567"],
        precondition: .run(of: ByteSet("A-Za-z0-9_-"), 39),
        validate: { context in
            CredentialText.looksRandom(context.bytes.dropFirst(4), distinct: 10) ? .accept : .reject
        }
    )

    // MARK: HTTP headers

    /// Credentials in the RFC 7617 example and MDN's (`Aladdin:open sesame`, `aladdin:opensesame`,
    /// `test:123£`): documentation specimens, reported only on request.
    static let basicAuthExamples: Set<[UInt8]> = [
        Array("Aladdin:open sesame".utf8), Array("aladdin:opensesame".utf8), Array("test:123\u{A3}".utf8),
    ]

    /// `HTTP_BASIC_AUTH_HEADER`: a whole `Authorization: Basic <credentials>` header (RFC 7617;
    /// also `Proxy-Authorization`), header name and scheme in any case, also as written in code
    /// (`"Authorization": "Basic ..."`, `'Authorization' => 'Basic ...'`). The credentials must
    /// be canonical base64 of `user-id:password` in UTF-8 without control characters.
    static let httpBasicAuthHeader = ManagedIdentifier(
        id: "HTTP_BASIC_AUTH_HEADER",
        category: .credentials,
        severity: .high,
        summary: "HTTP Basic authorization header: Authorization: Basic and base64 of user:password",
        validation: "base64 decodes to user-id:password (RFC 7617)",
        trigger: .literal(["Authorization", "authorization", "AUTHORIZATION", "Proxy-Authorization",
                           "proxy-authorization", "PROXY-AUTHORIZATION"], notAfter: ByteSet("A-Za-z0-9_-")),
        pattern: #"(?i:proxy-)?(?i:authorization)["']?[ \t]{0,8}+(?::|=>?)[ \t]{0,8}+["']?(?i:basic)[ \t]{1,8}+"#
            + BasicCredentials.token,
        // 19 + 1 + 8 + 2 + 8 + 1 + 5 + 8 + 1,026.
        maxLength: 1_079,
        validate: { context in BasicCredentials.verdict(context) }
    )

    /// `HTTP_BASIC_AUTH_HEADER`, the header's value alone (`Basic <credentials>`) as a whole field
    /// named `Authorization`: a JSON member of a HAR file or an API client's export, a CSV cell.
    /// In text the header form above applies.
    static let httpBasicAuthField = ManagedIdentifier(
        id: "HTTP_BASIC_AUTH_HEADER",
        category: .credentials,
        severity: .high,
        summary: "HTTP Basic credentials (Basic and base64 of user:password) as the whole value of "
            + "a field named Authorization",
        validation: "base64 decodes to user-id:password (RFC 7617)",
        keywords: ["authorization", "proxy-authorization"],
        keywordRule: .required,
        // Only at the start of the buffer, where the prefilter takes the previous byte as NUL.
        trigger: .literal(["Basic ", "basic ", "BASIC "], notAfter: BasicCredentials.anyByteButNUL),
        pattern: #"(?i:basic)[ \t]{1,8}+"# + BasicCredentials.token,
        maxLength: 1_039,
        validate: { context in
            // The whole field: nothing before, only white space after.
            guard context.range.lowerBound == 0,
                  context.buffer[context.range.upperBound...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            else { return .reject }
            return BasicCredentials.verdict(context)
        }
    )

    /// `HTTP_COOKIE`: a whole `Cookie:` or `Set-Cookie:` header (RFC 6265): name=value pairs
    /// (the first with a value), and for `Set-Cookie` its attributes (`Path=/`, `HttpOnly`,
    /// `Expires=<date>`). Macie lists it with personal information.
    static let httpCookie = ManagedIdentifier(
        id: "HTTP_COOKIE",
        category: .personalInformation,
        severity: .medium,
        summary: "HTTP Cookie or Set-Cookie header with its name=value pairs and attributes",
        validation: "RFC 6265 syntax",
        trigger: .literal(["Cookie:", "cookie:", "COOKIE:", "Set-Cookie:", "set-cookie:", "SET-COOKIE:"],
                          notAfter: ByteSet("A-Za-z0-9_-")),
        pattern: #"(?i:set-)?(?i:cookie):[ \t]{0,8}+"# + HTTPCookieSyntax.pair(minValue: 1)
            + "(?:;[; \\t]{0,4}+(?:" + HTTPCookieSyntax.expires + "|" + HTTPCookieSyntax.pair(minValue: 0)
            + "|[A-Za-z][A-Za-z0-9-]{0,30}+))" + "{0,12}+"
            + #"(?=[\s;"'\\,]|$)"#,
        // 11 + 8 + 1,091 + 12 x (5 + 1,091).
        maxLength: 14_262,
        precondition: nil
    )

    // MARK: Private keys

    /// `OPENSSH_PRIVATE_KEY`: an OpenSSH private key block, `-----BEGIN OPENSSH PRIVATE KEY-----`
    /// through its END line. Without an END line within reach, the BEGIN line alone.
    static let openSSHPrivateKey = ManagedIdentifier(
        id: "OPENSSH_PRIVATE_KEY",
        category: .credentials,
        severity: .high,
        summary: "OpenSSH private key block (BEGIN OPENSSH PRIVATE KEY ... END); the header line "
            + "alone when the block is cut",
        validation: "armor lines (BEGIN/END OPENSSH PRIVATE KEY)",
        trigger: .literal(["-----BEGIN OPENSSH PRIVATE KEY-----"], notAfter: .empty),
        pattern: "-----BEGIN OPENSSH PRIVATE KEY-----(?:" + PrivateKeyBlock.body(16_300)
            + "-----END OPENSSH PRIVATE KEY-----)?",
        // 35 + 16,300 + 33.
        maxLength: 16_368
    )

    /// `PKCS`: a PEM private key block: PKCS #8 (`PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`) or
    /// PKCS #1 / SEC 1 / DSA (`RSA`, `EC`, `DSA PRIVATE KEY`, with optional `Proc-Type` and
    /// `DEK-Info` headers), through the END line with the same label; the BEGIN line alone when
    /// there is none within reach. Public keys and certificates are not private keys.
    static let pkcsPrivateKey = ManagedIdentifier(
        id: "PKCS",
        category: .credentials,
        severity: .high,
        summary: "PEM private key block (PRIVATE KEY, ENCRYPTED/RSA/EC/DSA PRIVATE KEY) through "
            + "the matching END line; the header line alone when the block is cut",
        validation: "armor lines with matching labels",
        trigger: .literal(["-----BEGIN PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----",
                           "-----BEGIN EC PRIVATE KEY-----", "-----BEGIN DSA PRIVATE KEY-----",
                           "-----BEGIN ENCRYPTED PRIVATE KEY-----"], notAfter: .empty),
        pattern: "-----BEGIN (RSA |EC |DSA |ENCRYPTED |)PRIVATE KEY-----(?:"
            + PrivateKeyBlock.headers(4) + PrivateKeyBlock.body(15_700)
            + #"-----END \1PRIVATE KEY-----)?"#,
        // 37 + 4 header lines of 144 + 15,700 + 35.
        maxLength: 16_348
    )

    /// `PGP_PRIVATE_KEY`: an ASCII-armored OpenPGP secret key block, with its armor headers and
    /// checksum line, through `-----END PGP PRIVATE KEY BLOCK-----`; the BEGIN line alone when
    /// there is none within reach.
    static let pgpPrivateKey = ManagedIdentifier(
        id: "PGP_PRIVATE_KEY",
        category: .credentials,
        severity: .high,
        summary: "ASCII-armored PGP private key block (BEGIN PGP PRIVATE KEY BLOCK ... END); the "
            + "header line alone when the block is cut",
        validation: "armor lines (BEGIN/END PGP PRIVATE KEY BLOCK)",
        trigger: .literal(["-----BEGIN PGP PRIVATE KEY BLOCK-----"], notAfter: .empty),
        pattern: "-----BEGIN PGP PRIVATE KEY BLOCK-----(?:" + PrivateKeyBlock.headers(8)
            + PrivateKeyBlock.body(15_100) + "-----END PGP PRIVATE KEY BLOCK-----)?",
        // 37 + 8 header lines of 144 + 15,100 + 35.
        maxLength: 16_324
    )

    /// `PUTTY_PRIVATE_KEY`: a PuTTY key file (PPK version 2 or 3) from its
    /// `PuTTY-User-Key-File-N:` line through the `Private-MAC:` line, over at most 64 lines of
    /// `Key: value` headers and base64 (an RSA-4096 file has about 50); the first line alone
    /// when there is no MAC line within reach.
    static let puttyPrivateKey = ManagedIdentifier(
        id: "PUTTY_PRIVATE_KEY",
        category: .credentials,
        severity: .high,
        summary: "PuTTY private key file (PuTTY-User-Key-File-2/3 through Private-MAC); the "
            + "header line alone when the file is cut",
        validation: "PPK layout through the Private-MAC line",
        trigger: .literal(["PuTTY-User-Key-File-2: ", "PuTTY-User-Key-File-3: "], notAfter: .word),
        pattern: #"PuTTY-User-Key-File-[23]: [^\r\n\\]{1,100}+(?:(?:"# + PrivateKeyBlock.newline
            + #"(?:(?!Private-MAC:|PuTTY-User-Key-File-)[A-Za-z][A-Za-z0-9\-]{0,30}+: ?[^\r\n\\]{0,100}+"#
            + #"|[A-Za-z0-9+/=]{1,128}+)(?![^\r\n\\])){0,64}+"# + PrivateKeyBlock.newline
            + #"Private-MAC: ?[0-9a-fA-F]{40,64}+(?![0-9A-Za-z]))?"#,
        // 23 + 100 + 64 lines of at most 4 + 133 + 4 + 13 + 64.
        maxLength: 8_972
    )

    // MARK: Tokens

    /// `JSON_WEB_TOKEN`: a JWS in compact serialization (RFC 7515/7519): base64url header and
    /// claims that decode to JSON objects (the header with an `alg`), and a base64url
    /// signature, empty only for `"alg": "none"` (an unsecured JWT).
    static let jsonWebToken = ManagedIdentifier(
        id: "JSON_WEB_TOKEN",
        category: .credentials,
        severity: .high,
        summary: "JSON web token: header.claims.signature in base64url; header and claims decode "
            + "to JSON objects, the header names an alg",
        validation: "header and claims decode to JSON objects; alg present; signature per alg",
        // `J` is far rarer than `e` as a prefilter stop; the start is the `ey` before it.
        trigger: .pivot(UInt8(ascii: "J"), back: ByteSet("ey"), maxBack: 2),
        pattern: #"(?<![A-Za-z0-9_.\-])eyJ[A-Za-z0-9_\-]{2,2045}+\.eyJ[A-Za-z0-9_\-]{0,8189}+"#
            + #"\.[A-Za-z0-9_\-]{0,1024}+"#
            + #"(?![A-Za-z0-9_\-=]|\.[A-Za-z0-9_\-])"#,
        // 3 + 2,045 + 1 + 3 + 8,189 + 1 + 1,024.
        maxLength: 11_266,
        // jwt.io's sample token.
        examples: [alphanumerics("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZ"
            + "SI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")],
        // The shortest header with an alg, `{"alg":""}`, is 14 base64url characters.
        precondition: .run(of: ByteSet("A-Za-z0-9_-"), 14),
        validate: { context in JSONWebTokenCheck.verdict(Array(context.bytes)) }
    )

    /// `STRIPE_CREDENTIALS`: Stripe secret (`sk_live_`) and restricted (`rk_live_`) keys with 24
    /// to 99 alphanumerics. Test-mode keys (`sk_test_`, `rk_test_`) are matched but, like example values, not
    /// reported (Macie suppresses them); publishable keys (`pk_`) are not secrets.
    static let stripeCredentials = ManagedIdentifier(
        id: "STRIPE_CREDENTIALS",
        category: .credentials,
        severity: .high,
        summary: "Stripe secret or restricted live key: sk_live_/rk_live_ and 24-99 alphanumerics; "
            + "test keys are not reported",
        validation: "structure only; test-mode keys suppressed",
        // `_` is a far rarer prefilter stop than `s` or `r`; the start is the `sk`/`rk` before it.
        trigger: .pivot(UInt8(ascii: "_"), back: ByteSet("krs"), maxBack: 2),
        pattern: #"(?<![A-Za-z0-9_])[rs]k_(?:live|test)_[A-Za-z0-9]{24,99}+(?![A-Za-z0-9_])"#,
        maxLength: 107,
        precondition: .run(of: ByteSet("A-Za-z0-9_"), 32),
        validate: { context in
            // `sk_test_...`: the byte after `sk_` tells live from test.
            context.bytes[3] == UInt8(ascii: "t") ? .exampleValue : .accept
        }
    )

    /// `GITHUB_TOKEN`: GitHub tokens in the 2021 formats: `ghp_` (personal), `gho_` (OAuth),
    /// `ghu_` (user-to-server), `ghs_` (server-to-server), `ghr_` (refresh) with 36 base62
    /// characters whose last 6 are the CRC-32 of the first 30; fine-grained personal tokens
    /// `github_pat_` with 82 characters of `A-Za-z0-9_`.
    static let githubToken = ManagedIdentifier(
        id: "GITHUB_TOKEN",
        category: .credentials,
        severity: .high,
        summary: "GitHub token: ghp_/gho_/ghu_/ghs_/ghr_ and 36 base62 characters with a valid "
            + "CRC-32 checksum, or github_pat_ and 82 characters",
        validation: "CRC-32 (base62) for classic tokens; structure only for github_pat_",
        // `_` is a far rarer prefilter stop than `g`; the start is the prefix before it.
        trigger: .pivot(UInt8(ascii: "_"), back: .lower, maxBack: 6),
        pattern: #"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})"#
            + #"(?![A-Za-z0-9_])"#,
        maxLength: 93,
        precondition: .run(of: ByteSet("A-Za-z0-9_"), 40),
        validate: { context in
            let bytes = context.bytes
            if bytes.count == 40 {
                return GitHubTokenChecksum.isValid(bytes[4...]) ? .accept : .reject
            }
            return .accept
        }
    )

    /// `SLACK_TOKEN`: Slack API tokens (`xoxb-` bot, `xoxp-` user, `xoxa-` workspace, `xoxr-`
    /// refresh, `xoxs-` session: numeric IDs then a secret part; `xapp-` app-level tokens) and
    /// incoming webhook URLs (`https://hooks.slack.com/services/T.../B.../...`).
    static let slackToken = ManagedIdentifier(
        id: "SLACK_TOKEN",
        category: .credentials,
        severity: .high,
        summary: "Slack token (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xapp-) or incoming webhook URL "
            + "(hooks.slack.com/services/T.../B.../...)",
        validation: "structure only; placeholders rejected",
        trigger: .literal(["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xapp-",
                           "https://hooks.slack.com/services/"], notAfter: .word),
        pattern: "(?:"
            + #"xox[abprs]-[0-9]{1,13}+(?:-[0-9]{1,13}+){0,3}-[A-Za-z0-9]{8,200}+"#
            + #"|xapp-[0-9]-[A-Z0-9]{8,16}+-[0-9]{8,16}+-[A-Za-z0-9]{32,80}+"#
            + #"|https://hooks\.slack\.com/services/T[A-Z0-9]{8,12}+/B[A-Z0-9]{8,12}+/[A-Za-z0-9]{24}"#
            + #")(?![A-Za-z0-9_\-])"#,
        // `xoxb-` + 13 + 3 x 14 + `-` + 200.
        maxLength: 261,
        validate: { context in
            // Placeholders such as `xoxb-000-000-xxxxxxxxxxxxxxxxxxxxxxxx`.
            let bytes = Array(context.bytes)
            let start = (bytes.lastIndex { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") } ?? 0) + 1
            let secret = bytes[start...]
            guard let first = secret.first else { return .reject }
            return secret.allSatisfy({ $0 == first }) ? .reject : .accept
        }
    )
}

/// The letters and digits of `text` (how `examples` compare values).
func alphanumerics(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter {
        $0.isASCII && ByteSet.alphanumerics.contains(UInt8($0.value))
    }))
}

/// Pattern pieces for armored key blocks.
enum PrivateKeyBlock {
    /// A line break: a real one, or the two characters `\n` (or `\r\n`) of a key pasted from a
    /// JSON string into a text file.
    static let newline = #"(?:\r?\n|\\r\\n|\\n)"#

    /// Up to `count` RFC 1421 / RFC 4880 header lines (`Proc-Type: 4,ENCRYPTED`,
    /// `Version: GnuPG v2`), each at most 144 bytes.
    static func headers(_ count: Int) -> String {
        #"(?:[ \t]{0,8}+"# + newline + #"[A-Za-z][A-Za-z0-9\-]{0,30}+: ?[^\r\n\\]{0,100}+){0,"#
            + "\(count)}+"
    }

    /// The base64 body (with line breaks, escaped ones included), at most `limit` bytes.
    static func body(_ limit: Int) -> String { #"[A-Za-z0-9+/=\s\\]{0,"# + "\(limit)}+" }
}

/// JSON web token structure beyond the pattern.
enum JSONWebTokenCheck {
    static func verdict(_ bytes: [UInt8]) -> Verdict {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3,
              let header = Base64URL.decode(parts[0]),
              let headerMembers = JSONObjectSyntax.members(of: header),
              let alg = headerMembers.first(where: { $0.key == "alg" })?.stringValue,
              let claims = Base64URL.decode(parts[1]),
              JSONObjectSyntax.members(of: claims) != nil else { return .reject }
        let signature = parts[2]
        if alg.lowercased() == "none" { return signature.isEmpty ? .accept : .reject }
        return !signature.isEmpty && Base64URL.decode(signature) != nil ? .accept : .reject
    }
}

/// Checks shared by token identifiers.
enum CredentialText {
    /// Whether `bytes` has at least `distinct` different characters: a random secret does (35
    /// random base64url characters have about 27), a placeholder (`xxxx`, `0000`, `XXXX-XXXX`)
    /// does not.
    static func looksRandom<C: Collection>(_ bytes: C, distinct: Int) -> Bool where C.Element == UInt8 {
        var seen = [Bool](repeating: false, count: 256)
        var count = 0
        for b in bytes where !seen[Int(b)] {
            seen[Int(b)] = true
            count += 1
            if count >= distinct { return true }
        }
        return false
    }
}

/// HTTP Basic credentials (RFC 7617): `Basic` and the base64 of `user-id ":" password`.
enum BasicCredentials {
    /// Every byte but NUL: a trigger's `notAfter` that lets a match start only where the
    /// prefilter sees no previous byte (the start of a field).
    static let anyByteButNUL: ByteSet = {
        var set = ByteSet()
        for b in 1...255 { set.insert(UInt8(b)) }
        return set
    }()

    /// The base64 credentials, ending at white space, a quote, a delimiter or the end.
    static let token = #"[A-Za-z0-9+/]{2,1024}+={0,2}+(?![^\s"'`<>,;)\]}\\])"#

    /// Accepts a match ending in base64 credentials that decode (canonically) to UTF-8 text
    /// with a colon and no control characters; the RFC's and MDN's examples are example values.
    static func verdict(_ context: MatchContext) -> Verdict {
        let bytes = context.bytes
        guard let space = bytes.lastIndex(where: { $0 == 0x20 || $0 == 0x09 }),
              let decoded = Base64.decode(bytes[(space + 1)...], canonical: true),
              decoded.count >= 2, decoded.contains(UInt8(ascii: ":")),
              !decoded.contains(where: { $0 < 0x20 || $0 == 0x7F }),
              String(validating: decoded, as: UTF8.self) != nil else { return .reject }
        return ManagedIdentifiers.basicAuthExamples.contains(decoded) ? .exampleValue : .accept
    }
}

/// Pattern pieces for RFC 6265 cookie headers.
enum HTTPCookieSyntax {
    /// RFC 6265 §4.1.1 cookie-octet: printable ASCII except space, `"`, `,`, `;` and `\`.
    static let octet = #"[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]"#

    /// `name=value`: an RFC 7230 token (at most 64 characters), then a value of at least
    /// `minValue` and at most 1,024 cookie-octets, optionally in double quotes.
    static func pair(minValue: Int) -> String {
        #"[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,64}+=(?:""# + octet + "{\(minValue),1024}+\"|" + octet
            + "{\(minValue),1024}+)"
    }

    /// A Set-Cookie `Expires` attribute with its RFC 1123 date (`Wed, 21 Oct 2015 07:28:00 GMT`),
    /// whose comma and spaces a plain attribute value cannot hold.
    static let expires = #"(?i:expires)=[A-Za-z]{3},[ ][0-9]{2}[ \-][A-Za-z]{3}[ \-][0-9]{2,4}[ ][0-9]{2}:[0-9]{2}:[0-9]{2}[ ]GMT"#
}
