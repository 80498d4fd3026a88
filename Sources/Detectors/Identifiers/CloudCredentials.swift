extension ManagedIdentifiers {
    /// Cloud and SaaS credentials that secret scanners commonly report and Macie has no
    /// identifier for: GitLab, Azure Storage, Google OAuth, npm, SendGrid and Twilio keys. The IDs
    /// follow Macie's style (`<PROVIDER>_<KIND>`).
    static let cloudCredentials: [ManagedIdentifier] = [
        gitlabToken, azureStorageAccountKey, googleOAuthClientSecret, npmToken, sendGridAPIKey,
        twilioAPIKey,
    ]

    // MARK: GitLab

    /// `GITLAB_TOKEN`: GitLab tokens by their documented prefixes (GitLab's "Token prefixes"
    /// table): personal, project and group access tokens (`glpat-`), OAuth application secrets
    /// (`gloas-`), deploy tokens (`gldt-`), runner authentication and registration tokens
    /// (`glrt-`, `glrtr-`, legacy `GR1348941`), CI/CD job tokens (`glcbt-`), pipeline trigger
    /// tokens (`glptt-`), feed tokens (`glft-`), incoming mail tokens (`glimt-`), Kubernetes agent
    /// tokens (`glagent-`), SCIM tokens (`glsoat-`) and feature flag client tokens (`glffct-`).
    ///
    /// Routable tokens (`<prefix><base64url payload>.<length><CRC-32>`, GitLab 17.x) carry a
    /// checksum, which must hold; the older fixed-length forms have none and only placeholders
    /// (`glpat-xxxxxxxxxxxxxxxxxxxx`) are rejected.
    static let gitlabToken = ManagedIdentifier(
        id: "GITLAB_TOKEN",
        category: .credentials,
        severity: .high,
        summary: "GitLab token (glpat-, gloas-, gldt-, glrt-, glcbt-, glptt-, glft-, glimt-, "
            + "glagent-, glsoat-, glffct-, GR1348941): routable with a CRC-32, or the fixed-length forms",
        validation: "CRC-32 (base36) for routable tokens; structure only for the fixed-length forms",
        trigger: .literal(["glpat-", "gloas-", "gldt-", "glrt-", "glrtr-", "glcbt-", "glptt-", "glft-",
                           "glimt-", "glagent-", "glsoat-", "glffct-", "GR1348941"],
                          notAfter: ByteSet("A-Za-z0-9_-")),
        pattern: "(?:"
            // Routable: payload, `.`, 2 base36 digits of payload length, 7 of CRC-32.
            + #"gl(?:pat|oas|dt|rtr|rt|cbt|ptt|ft|imt|agent|soat|ffct)-[0-9A-Za-z_\-]{27,300}+\.[0-9a-z]{9}"#
            + #"|(?:glpat|gldt|glrtr|glrt|glft|glsoat|glffct)-[0-9A-Za-z_\-]{20}"#
            + #"|glimt-[0-9A-Za-z_\-]{25}|glagent-[0-9A-Za-z_\-]{50}|gloas-[0-9A-Za-z_\-]{64}"#
            + #"|glptt-[0-9a-f]{40}|glcbt-[0-9A-Za-z]{1,5}_[0-9A-Za-z_\-]{20}|GR1348941[0-9A-Za-z_\-]{20}"#
            + #")(?![0-9A-Za-z_\-]|\.[0-9A-Za-z])"#,
        // `glagent-` + 300 + 10.
        maxLength: 318,
        precondition: .run(of: ByteSet("0-9A-Za-z_-"), 24),
        validate: { context in
            let bytes = context.bytes
            if bytes.contains(UInt8(ascii: ".")) {
                return GitLabTokenChecksum.isValid(bytes) ? .accept : .reject
            }
            // The secret after the prefix (GR1348941, or the letters before the first `-`).
            let start = bytes.first == UInt8(ascii: "G") ? 9 : (bytes.firstIndex(of: UInt8(ascii: "-")) ?? 0) + 1
            return CredentialText.looksRandom(bytes[start...], distinct: 8) ? .accept : .reject
        }
    )

    // MARK: Azure

    /// Microsoft's published Azurite / storage emulator account key, a documentation value.
    static let azuriteAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

    /// `AZURE_STORAGE_ACCOUNT_KEY`: an Azure Storage account key, the canonical base64 of 64
    /// bytes (88 characters ending `==`), next to a keyword: `AccountKey=` in a connection string,
    /// or *storage account key*, *AZURE_STORAGE_KEY* and the like. Any 64-byte value in base64
    /// has this shape, hence the keyword. The emulator's published key is an example value.
    static let azureStorageAccountKey = ManagedIdentifier(
        id: "AZURE_STORAGE_ACCOUNT_KEY",
        category: .credentials,
        severity: .high,
        summary: "Azure Storage account key near a keyword (AccountKey=, storage account key): 88 "
            + "base64 characters ending ==, 64 bytes",
        validation: "canonical base64 of 64 bytes; mixed case and a digit",
        keywords: ["accountkey", "account key", "account_key", "storage account key",
                   "storage_account_key", "storageaccountkey", "storage key", "storage_key", "storagekey",
                   "azure storage key", "azure_storage_key", "azure_storage_access_key",
                   "azure_storage_account_key", "azure storage account key"],
        keywordRule: .required,
        // `=` is a far rarer prefilter stop than a letter; the start is 86 characters before it.
        trigger: .pivot(UInt8(ascii: "="), back: ByteSet("A-Za-z0-9+/"), maxBack: 86),
        pattern: #"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])"#,
        maxLength: 88,
        examples: [alphanumerics(azuriteAccountKey)],
        precondition: .run(of: ByteSet("A-Za-z0-9+/"), 86),
        validate: { context in
            guard ByteSet.hasUpperLowerAndDigit(context.bytes),
                  Base64.decode(context.bytes, canonical: true)?.count == 64 else { return .reject }
            return .accept
        }
    )

    // MARK: Google OAuth

    /// `GOOGLE_OAUTH_CLIENT_SECRET`: a Google OAuth 2.0 client secret in the current format,
    /// `GOCSPX-` and 28 characters of `A-Z a-z 0-9 _ -`.
    static let googleOAuthClientSecret = ManagedIdentifier(
        id: "GOOGLE_OAUTH_CLIENT_SECRET",
        category: .credentials,
        severity: .high,
        summary: "Google OAuth client secret: GOCSPX- and 28 characters of A-Z a-z 0-9 _ -",
        validation: "structure only; placeholders rejected",
        trigger: .literal(["GOCSPX-"], notAfter: ByteSet("A-Za-z0-9_-")),
        pattern: #"GOCSPX-[A-Za-z0-9_\-]{28}(?![A-Za-z0-9_\-])"#,
        maxLength: 35,
        validate: { context in
            CredentialText.looksRandom(context.bytes.dropFirst(7), distinct: 8) ? .accept : .reject
        }
    )

    // MARK: npm

    /// `NPM_TOKEN`: an npm access token, `npm_` and 36 base62 characters whose last 6 are the
    /// CRC-32 of the first 30 (GitHub's token format, which npm adopted in 2021).
    static let npmToken = ManagedIdentifier(
        id: "NPM_TOKEN",
        category: .credentials,
        severity: .high,
        summary: "npm access token: npm_ and 36 base62 characters with a valid CRC-32 checksum",
        validation: "CRC-32 (base62), as GitHub tokens",
        trigger: .literal(["npm_"], notAfter: .word),
        pattern: #"npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])"#,
        maxLength: 40,
        precondition: .run(of: ByteSet("A-Za-z0-9_"), 40),
        validate: { context in
            GitHubTokenChecksum.isValid(context.bytes.dropFirst(4)) ? .accept : .reject
        }
    )

    // MARK: SendGrid

    /// `SENDGRID_API_KEY`: a Twilio SendGrid API key, `SG.`, a 22-character key ID, `.` and a
    /// 43-character secret, both in base64url.
    static let sendGridAPIKey = ManagedIdentifier(
        id: "SENDGRID_API_KEY",
        category: .credentials,
        severity: .high,
        summary: "SendGrid API key: SG. + 22 + . + 43 characters of A-Z a-z 0-9 _ -",
        validation: "structure only; placeholders rejected",
        trigger: .literal(["SG."], notAfter: ByteSet("A-Za-z0-9_.-")),
        pattern: #"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}(?![A-Za-z0-9_\-]|\.[A-Za-z0-9])"#,
        maxLength: 69,
        validate: { context in
            CredentialText.looksRandom(context.bytes.dropFirst(26), distinct: 10) ? .accept : .reject
        }
    )

    // MARK: Twilio

    /// `TWILIO_API_KEY`: a Twilio API key SID, `SK` and 32 hexadecimal digits, next to a keyword
    /// (*twilio*, *api key sid*): 32 hex digits after two letters are common enough in other
    /// contexts (hashes, IDs) that trufflehog also asks for *twilio* nearby.
    static let twilioAPIKey = ManagedIdentifier(
        id: "TWILIO_API_KEY",
        category: .credentials,
        severity: .high,
        summary: "Twilio API key SID near a keyword (twilio): SK and 32 hex digits",
        validation: "structure only; placeholders rejected",
        keywords: ["twilio", "api key sid", "api_key_sid", "apikeysid"],
        keywordRule: .required,
        trigger: .literal(["SK"], notAfter: .word),
        pattern: #"SK[0-9a-fA-F]{32}(?![A-Za-z0-9_])"#,
        maxLength: 34,
        precondition: .run(of: ByteSet("0-9a-fA-FKS"), 34),
        validate: { context in
            CredentialText.looksRandom(context.bytes.dropFirst(2), distinct: 6) ? .accept : .reject
        }
    )
}
