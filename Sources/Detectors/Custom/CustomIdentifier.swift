/// A custom data identifier: Amazon Macie's definition (the same field names, so a definition
/// exported from Macie loads as is) plus two extensions, a checksum a match must pass and a
/// capture group whose range is the finding's range.
///
/// Semantics (README, "Custom identifiers"):
/// - `regex` is full PCRE2 syntax (Macie accepts a subset), compiled with JIT; it is
///   byte-oriented unless it starts with `(*UTF)`. Matches are searched left to right; the
///   subject is the field's value in structured data and the whole text otherwise.
/// - with `keywords`, a match counts only when one of them (case-insensitive, ASCII letters
///   folded, at word edges) ends before the match starts and at most `maximumMatchDistance`
///   bytes before the match *ends*, or is carried by the field's column name or a name on
///   its JSON path. A match without a keyword does not hide a match starting one byte later.
/// - a match that contains one of `ignoreWords` (case-sensitive), fails `check`, or is
///   allowed by an allow list is dropped, and the search goes on after it.
/// - findings have `type` = `name`, category `CUSTOM_IDENTIFIER`, and a severity from
///   `severityLevels` and the number of findings of this identifier in the object.
public struct CustomIdentifier: Sendable, Hashable {
    /// The finding type; unique, and no managed identifier's ID or a category name.
    public var name: String
    public var description: String?
    /// A PCRE2 pattern; it must not match the empty string.
    public var regex: String
    /// Words that must precede a match (see the type's docs); empty for none needed.
    public var keywords: [String]
    /// Case-sensitive words: a match containing one is not reported.
    public var ignoreWords: [String]
    /// Bytes from the end of a keyword to the end of the match, 1...300 (Macie's default 50).
    public var maximumMatchDistance: Int
    /// Occurrence thresholds per object; empty means every finding is MEDIUM (Macie's default).
    public var severityLevels: [SeverityLevel]
    /// Beyond Macie: a checksum the reported text must pass.
    public var check: CustomCheck?
    /// Beyond Macie: the capture group (number, or name) whose range is the finding's range.
    public var captureGroup: CaptureGroup?

    /// Macie's default `maximumMatchDistance`.
    public static let defaultMaximumMatchDistance = 50

    public init(name: String, description: String? = nil, regex: String, keywords: [String] = [],
                ignoreWords: [String] = [], maximumMatchDistance: Int = CustomIdentifier.defaultMaximumMatchDistance,
                severityLevels: [SeverityLevel] = [], check: CustomCheck? = nil, captureGroup: CaptureGroup? = nil) {
        self.name = name
        self.description = description
        self.regex = regex
        self.keywords = keywords
        self.ignoreWords = ignoreWords
        self.maximumMatchDistance = maximumMatchDistance
        self.severityLevels = severityLevels
        self.check = check
        self.captureGroup = captureGroup
    }

    /// A capture group, by number (from 1) or by name (`(?<id>...)`).
    public enum CaptureGroup: Sendable, Hashable, CustomStringConvertible {
        case number(Int)
        case name(String)

        public var description: String {
            switch self {
            case .number(let n): return String(n)
            case .name(let name): return name
            }
        }
    }
}

/// One of Macie's severity levels: findings of an object with at least `occurrencesThreshold`
/// occurrences (and fewer than the next level's threshold) get `severity`.
public struct SeverityLevel: Sendable, Hashable {
    public var occurrencesThreshold: Int
    public var severity: Severity

    public init(occurrencesThreshold: Int, severity: Severity) {
        self.occurrencesThreshold = occurrencesThreshold
        self.severity = severity
    }
}

/// The limits a custom identifier definition must respect (README documents them).
public enum CustomIdentifierLimits {
    /// Custom identifiers per configuration (Macie allows 10,000 per account, 30 per job).
    public static let maximumCount = 200
    /// Regex length in bytes (Macie: 512 characters).
    public static let maximumRegexLength = 2048
    public static let maximumNameLength = 128
    public static let maximumDescriptionLength = 512
    /// Keywords per identifier and characters per keyword (Macie: 50 of 3-90).
    public static let maximumKeywords = 50
    /// Ignore words per identifier (Macie: 10 of 4-90).
    public static let maximumIgnoreWords = 50
    public static let maximumWordLength = 90
    /// `maximumMatchDistance`, as Macie.
    public static let matchDistance = 1...300
    /// Severity thresholds: a held finding waits in memory until its object's count reaches the
    /// highest threshold, so the highest threshold bounds that memory.
    public static let occurrencesThreshold = 1...1_000_000
    /// `ScanConfiguration.customMatchLength`.
    public static let matchLength = 16...65_536
}

/// A checksum a custom identifier's match must pass (beyond Macie).
public enum CustomCheck: String, Sendable, Hashable, CaseIterable {
    /// ISO/IEC 7812 Luhn over the match's digits (other bytes ignored).
    case luhn
    /// ISO 7064 MOD 97-10 over the match's letters and digits as one number (A = 10 ... Z = 35):
    /// the remainder must be 1.
    case mod97
    /// The IBAN check (ISO 13616): MOD 97-10 after moving the first four characters to the end.
    case iban
    /// The UK NHS number's modulus 11 check digit over the match's ten digits.
    case nhs
    /// The North American VIN check digit (position 9) over 17 characters.
    case vin

    /// What the check is, in a few words (for `piiscan identifiers`).
    public var summary: String {
        switch self {
        case .luhn: return "Luhn"
        case .mod97: return "ISO 7064 mod 97-10"
        case .iban: return "IBAN mod 97"
        case .nhs: return "NHS mod 11"
        case .vin: return "VIN check digit"
        }
    }

    /// Whether `text` passes. O(n).
    public func passes(_ text: some Collection<UInt8>) -> Bool {
        switch self {
        case .luhn:
            return Luhn.isValid(text.filter { $0 >= 0x30 && $0 <= 0x39 }.map { Int($0 - 0x30) })
        case .mod97:
            var remainder = 0
            var count = 0
            for byte in text {
                let value: Int
                switch byte {
                case 0x30...0x39: value = Int(byte - 0x30)
                case 0x41...0x5A: value = Int(byte - 0x41) + 10
                case 0x61...0x7A: value = Int(byte - 0x61) + 10
                default: continue
                }
                remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97
                count += 1
            }
            return count >= 3 && remainder == 1
        case .iban:
            let compact = text.filter { ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }
            return Mod97.ibanRemainder(compact) == 1
        case .nhs:
            return NHSMod11.isValid(text.filter { $0 >= 0x30 && $0 <= 0x39 }.map { Int($0 - 0x30) })
        case .vin:
            let compact = text.filter { $0 != 0x20 && $0 != 0x2D }.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
            guard compact.count == 17, let check = VINCheckDigit.checkCharacter(for: compact) else { return false }
            return compact[8] == check
        }
    }
}
