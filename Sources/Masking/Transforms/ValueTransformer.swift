/// Applies one `Transform` to one value: the value-level half of masking, below the policies
/// and the record rewriter.
///
/// Create one per run and share it between threads: it derives the subkeys once and holds
/// only immutable state. Keyed transforms with the same key give the same output in every run
/// and process (tokens and hashes join across tables; FF1 ciphertexts decrypt later);
/// different keys give unrelated output.
///
/// Errors (`TransformError`) describe what was wrong without quoting the value; the caller
/// adds the place (file, record, column).
public final class ValueTransformer: Sendable {
    private let keys: DerivedKeys?

    /// The key's id (`k1-…`), or nil without a key.
    public let keyID: String?

    /// A transformer under `key`; without one, transforms that need a key
    /// (`needsKey`) throw `TransformError` of kind `.keyRequired`.
    public init(key: MaskingKey?) {
        keyID = key?.id
        keys = key.map(DerivedKeys.init)
    }

    /// Whether `transform` needs a masking key: keyed hashes, tokens, FF1 encryption and date
    /// shifts do; removal, redaction, masks and generalisation do not.
    public static func needsKey(_ transform: Transform) -> Bool {
        switch transform {
        case .hash, .token, .encrypt, .shiftDate: true
        case .remove, .redact, .mask, .generalize: false
        }
    }

    /// Applies `transform` to `value`.
    ///
    /// - Parameters:
    ///   - type: the finding's identifier (`CREDIT_CARD_NUMBER`), used by `[TYPE]` labels and
    ///     token prefixes.
    ///   - subject: for `.shiftDate`, the value of the record's subject field (nil: the run-wide
    ///     offset); ignored by other transforms.
    /// - Returns: the replacement text. `.remove` gives "" whatever its scope: removing a field
    ///   or a record is the rewriter's job.
    /// - Throws: `invalidOption` when the options fail `validate`, `keyRequired` without a key,
    ///   and the transform's own errors (`valueTooShort`, `notADate`, ...).
    /// - Complexity: O(n) in the value's length, except FF1 on values longer than about 18
    ///   digits or 13 letters (O(n²) big-number arithmetic).
    public func apply(_ transform: Transform, to value: String, type: String, subject: String?) throws(TransformError) -> String {
        try Self.validate(transform)
        switch transform {
        case .remove:
            return ""
        case .redact(.label):
            return "[" + type + "]"
        case .redact(.fixed(let text)):
            return text
        case .mask(let mask):
            return CharacterMasking.mask(value, mask)
        case .hash(let options):
            let mac = try requireKeys().hash.authenticationCode(forUTF8: value)
            return mac.withUnsafeBytes { digest in
                switch options.encoding {
                case .hex: DigestText.hex(digest, count: options.length ?? 64)
                case .base32: DigestText.base32(digest, count: options.length ?? 52)
                }
            }
        case .token(let options):
            let mac = try requireKeys().token.authenticationCode(forUTF8: value)
            let body = mac.withUnsafeBytes { DigestText.base32($0, count: options.length) }
            switch options.prefix {
            case .none: return body
            case .type: return type + "_" + body
            case .fixed(let prefix): return prefix + body
            }
        case .encrypt(let options):
            let ciphertext = try FormatPreserving.crypt(value, options, keys: requireKeys(), decrypting: false)
            guard let name = options.surrogate else { return ciphertext }
            return name + "(" + String(ciphertext.count) + "):" + ciphertext
        case .shiftDate(let options):
            let offset = try dateOffset(maxDays: options.maxDays, subject: subject)
            return try DateText.shift(value, byDays: offset, dayFirst: options.dayFirst)
        case .generalize(.year):
            return try DateText.year(of: value)
        case .generalize(.prefix(let count, let fill)):
            return CharacterMasking.keepPrefix(value, count: count, fill: fill)
        }
    }

    /// Reverses `.encrypt` with the same options: `value` is the ciphertext alone, without a
    /// surrogate annotation (`findSurrogates` separates them).
    public func decrypt(_ options: FormatPreservingEncryption, _ value: String) throws(TransformError) -> String {
        try Self.validate(.encrypt(options))
        return try FormatPreserving.crypt(value, options, keys: requireKeys(), decrypting: true)
    }

    /// The number of days `.shiftDate` moves a date of `subject` (nil: the run-wide offset):
    /// HMAC-SHA256 under the date subkey, of `0x00` for the run or `0x01` and the subject's UTF-8,
    /// mapped onto −maxDays...maxDays without 0.
    public func dateOffset(maxDays: Int, subject: String?) throws(TransformError) -> Int {
        try Self.validate(.shiftDate(DateShift(maxDays: maxDays)))
        let keys = try requireKeys()
        let message: [UInt8] = subject.map { [1] + Array($0.utf8) } ?? [0]
        let mac = keys.date.authenticationCode(for: message)
        let number = mac.withUnsafeBytes { bytes in
            bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        // 2·maxDays ≤ 73,000 choices from 64 bits: the bias is below 2^-46.
        let choice = Int(number % UInt64(2 * maxDays))
        return choice < maxDays ? choice - maxDays : choice - maxDays + 1
    }

    private func requireKeys() throws(TransformError) -> DerivedKeys {
        guard let keys else { throw TransformError(.keyRequired) }
        return keys
    }
}

/// The subkeys of one masking key, derived once.
struct DerivedKeys: Sendable {
    let hash: PrekeyedHMAC
    let token: PrekeyedHMAC
    let date: PrekeyedHMAC
    let digits: FF1
    let letters: FF1

    init(_ key: MaskingKey) {
        hash = PrekeyedHMAC(key: key.subkey(.hash))
        token = PrekeyedHMAC(key: key.subkey(.token))
        date = PrekeyedHMAC(key: key.subkey(.date))
        let ff1Key = key.subkey(.ff1)
        // A 32-byte key and radixes 10 and 26 are always accepted.
        do {
            digits = try FF1(key: ff1Key, radix: 10)
            letters = try FF1(key: ff1Key, radix: 26)
        } catch {
            preconditionFailure("FF1 rejected a 32-byte key: \(error)")
        }
    }
}
