/// What to do with a sensitive value. Transforms are typed values: a policy is checked when it
/// loads, so a run never starts with a transform it cannot apply.
///
/// | Transform | Output for `4111-1111-1111-1111` (a card) | Reversible |
/// |---|---|---|
/// | `.remove(.value)` | `` (empty) | no |
/// | `.redact(.label)` | `[CREDIT_CARD_NUMBER]` | no |
/// | `.mask(...)` keep last 4, keep separators | `****-****-****-1111` | no |
/// | `.hash(...)` | `3f9a...` (HMAC-SHA256, hex or base32) | no |
/// | `.token(...)` | `CREDIT_CARD_NUMBER_k3v9...` (same value and key, same token) | no |
/// | `.encrypt(...)` | `4929-0613-5770-2214` (FF1, digits stay digits) | with the key |
/// | `.shiftDate(...)` | for dates: `1984-03-07` → `1984-05-19` (one offset per subject) | no |
/// | `.generalize(...)` | for dates `1984`, for postal codes `941**` | no |
public enum Transform: Sendable, Hashable {
    /// Drop the value (empty it), the whole field or column, or the whole record.
    case remove(RemovalScope)
    /// Replace the value with the identifier's label (`[EMAIL_ADDRESS]`) or a fixed string.
    case redact(Redaction)
    /// Replace characters with a masking character, keeping some.
    case mask(CharacterMask)
    /// HMAC-SHA256 of the value under the run's key.
    case hash(KeyedHash)
    /// A deterministic surrogate: the same value and key give the same token in every file and
    /// run, so joins across tables still work.
    case token(DeterministicToken)
    /// NIST SP 800-38G FF1 over AES-256: digits stay digits, letters stay letters, length and
    /// separators are kept; `piiscan unmask` reverses it with the key.
    case encrypt(FormatPreservingEncryption)
    /// Move a date by a number of days that is the same for every date of one subject.
    case shiftDate(DateShift)
    /// Keep only a coarse part of the value.
    case generalize(Generalization)
}

/// How much `Transform.remove` takes away.
public enum RemovalScope: String, Sendable, Hashable, CaseIterable {
    /// The matched value only; the rest of the field stays (`"mail me at "`).
    case value
    /// The whole field: a CSV column (header included, in every row), a JSON key, a Parquet
    /// column. For a finding in free text, the whole line's text is emptied.
    case field
    /// The whole record (CSV row, JSON Lines line, Parquet row, text line).
    case record
}

/// The text that replaces a redacted value.
public enum Redaction: Sendable, Hashable {
    /// `[TYPE]`, the finding's identifier in brackets (`[EMAIL_ADDRESS]`).
    case label
    /// This text.
    case fixed(String)
}

/// A character mask: `****-****-****-1111`.
///
/// Characters are grapheme clusters (what `String.count` counts), so an accented letter
/// written with a combining mark is masked as one. Letters and numbers in Unicode's sense are
/// maskable; everything else is a separator. When the kept characters would cover the whole
/// value, every maskable character is masked instead: a mask never returns the value it was
/// given (`1234` with `keepLast: 4` gives `****`).
public struct CharacterMask: Sendable, Hashable {
    /// The character written over masked characters (one Unicode scalar).
    public var character: Unicode.Scalar
    /// Characters kept at the start and at the end (counted over maskable characters only when
    /// `keepSeparators` is set).
    public var keepFirst: Int
    public var keepLast: Int
    /// Leave characters that are neither letters nor digits (`-`, space, `.`, `@`) as they are.
    public var keepSeparators: Bool

    public init(character: Unicode.Scalar = "*", keepFirst: Int = 0, keepLast: Int = 0, keepSeparators: Bool = true) {
        self.character = character
        self.keepFirst = keepFirst
        self.keepLast = keepLast
        self.keepSeparators = keepSeparators
    }
}

/// How a keyed hash is written.
public enum HashEncoding: String, Sendable, Hashable, CaseIterable {
    /// Lower-case hexadecimal.
    case hex
    /// RFC 4648 base32, lower-case, no padding.
    case base32
}

/// A keyed hash: HMAC-SHA256 of the value's UTF-8 bytes under the hash subkey of the run's key.
public struct KeyedHash: Sendable, Hashable {
    public var encoding: HashEncoding
    /// Keep only this many characters of the encoded hash (nil: all of it): 1...64 for hex,
    /// 1...52 for base32.
    public var length: Int?

    public init(encoding: HashEncoding = .hex, length: Int? = nil) {
        self.encoding = encoding
        self.length = length
    }
}

/// What goes before a deterministic token.
public enum TokenPrefix: Sendable, Hashable {
    /// Nothing.
    case none
    /// The finding's identifier and an underscore: `EMAIL_ADDRESS_...`.
    case type
    /// This text.
    case fixed(String)
}

/// A deterministic token: a prefix and a base32 surrogate derived with HMAC-SHA256 under a
/// subkey of the run's key that is kept apart from `hash`'s, so a token and a hash of the
/// same value do not match. The token depends on the value and the key only, not on the type,
/// so a value found as two types gets the same body under two prefixes.
public struct DeterministicToken: Sendable, Hashable {
    public var prefix: TokenPrefix
    /// Characters of base32 after the prefix (5 bits each): 16 (80 bits) to 52 (the whole MAC).
    public var length: Int

    public init(prefix: TokenPrefix = .type, length: Int = 20) {
        self.prefix = prefix
        self.length = length
    }
}

/// Format-preserving encryption with FF1 (NIST SP 800-38G) under AES-256.
///
/// Digits are enciphered as one radix-10 numeral string and letters as one radix-26 string
/// (each letter keeps its case); every other character stays where it is. A class shorter than
/// FF1's minimum (radix^length ≥ 1,000,000: 6 digits, 5 letters) is left as it is when the
/// other class is enciphered; a value where neither class is long enough cannot be enciphered
/// and is an error for its record.
///
/// Only ASCII digits and letters are enciphered: other characters, non-ASCII letters and digits
/// included (`é`, `٣`), stay where they are. The two classes (and the Luhn mode) use different
/// FF1 tweaks, the policy's tweak followed by a class byte, so the same string in two classes
/// does not encipher alike.
public struct FormatPreservingEncryption: Sendable, Hashable {
    /// Encipher every digit but the last and recompute the last as a Luhn check digit, so a card
    /// number stays Luhn-valid. A value that was not Luhn-valid stays invalid by the same
    /// amount, so decryption always gives the value back. Values with fewer than 7 digits are an
    /// error.
    public var keepLuhnValid: Bool
    /// FF1's tweak, as UTF-8 (at most 255 bytes): values enciphered with different tweaks
    /// differ. Must be the same for `unmask`.
    public var tweak: String
    /// Write the ciphertext as `NAME(length):ciphertext` (Google DLP's surrogate annotation), so
    /// `piiscan unmask` can find it in free text; without it, only values of columns and paths
    /// that a policy rule names are found again. `length` counts characters (grapheme
    /// clusters); `NAME` is 1...64 ASCII letters, digits and `_`, not starting with a digit.
    public var surrogate: String?

    public init(keepLuhnValid: Bool = false, tweak: String = "", surrogate: String? = nil) {
        self.keepLuhnValid = keepLuhnValid
        self.tweak = tweak
        self.surrogate = surrogate
    }
}

/// Shifting dates by a consistent per-subject offset.
///
/// The offset, a whole number of days in `-maxDays...maxDays` (never 0; `maxDays` is
/// 1...36500), is derived with
/// HMAC-SHA256 from the run's key and the subject: the value of the record's `subject` field
/// (a CSV column name or a JSONPath). Every date of one subject moves by the same amount, so
/// intervals (age at admission, days between visits) are kept. Without a subject field, or
/// when a record lacks it, the offset is derived from the key alone: one offset for the run.
///
/// Dates are recognised in these layouts and written back in the same one: `YYYY-MM-DD`,
/// `YYYY/MM/DD`, `YYYYMMDD`, `MM/DD/YYYY` (or `DD/MM/YYYY` with `dayFirst`), `DD.MM.YYYY`,
/// `DD-MM-YYYY`, each optionally followed by a time (`T10:30:00Z`, ` 10:30`), which is kept.
/// Month and day may have one digit in the separated layouts (`3/7/1984`) and keep their width.
/// A value in no layout, an impossible date (`2023-02-30`) or a result outside years 1...9999
/// is an error for its record.
public struct DateShift: Sendable, Hashable {
    public var maxDays: Int
    /// A column name or a JSONPath (`$.patient.id`) whose value names the subject.
    public var subject: String?
    /// Read `NN/NN/YYYY` as day/month rather than month/day.
    public var dayFirst: Bool

    public init(maxDays: Int = 365, subject: String? = nil, dayFirst: Bool = false) {
        self.maxDays = maxDays
        self.subject = subject
        self.dayFirst = dayFirst
    }
}

/// Keeping only a coarse part of a value.
public enum Generalization: Sendable, Hashable {
    /// A date becomes its year (`1984-03-07` → `1984`; layouts as `DateShift`).
    case year
    /// Keep the first `count` letters and digits; the rest of them become `fill` (or are dropped
    /// when `fill` is nil). Separators are kept when `fill` is set: `94105-1234` with 3 and `*`
    /// gives `941**-****`; without `fill` the value ends after the last kept character
    /// (`94105-1234` with 3 gives `941`, `AB-1234` gives `AB-1`).
    case prefix(count: Int, fill: Unicode.Scalar?)
}
