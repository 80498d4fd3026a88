import Detectors
import Testing
@testable import Masking

/// A transformer under the synthetic key (a fresh instance each time, as two runs would have).
func syntheticTransformer() throws -> ValueTransformer {
    ValueTransformer(key: try MaskingKey(bytes: syntheticKeyBytes))
}

/// Expects `body` to throw a `TransformError` of `kind` whose text does not quote `value`.
func expectError(
    _ kind: TransformError.Kind, notQuoting value: String,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected a \(kind) error, got none", sourceLocation: sourceLocation)
    } catch let error as TransformError {
        #expect(error.kind == kind, sourceLocation: sourceLocation)
        #expect(!error.description.contains(value), sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a TransformError, got \(error)", sourceLocation: sourceLocation)
    }
}

@Suite struct TransformTests {
    let card = "4111-1111-1111-1111"

    // MARK: remove, redact

    @Test func removeEmptiesTheValueWhateverTheScope() throws {
        let transformer = ValueTransformer(key: nil)
        for scope in RemovalScope.allCases {
            #expect(try transformer.apply(.remove(scope), to: card, type: "CREDIT_CARD_NUMBER", subject: nil) == "")
        }
    }

    @Test func redactWritesTheLabelOrFixedText() throws {
        let transformer = ValueTransformer(key: nil)
        #expect(try transformer.apply(.redact(.label), to: "a@b.example", type: "EMAIL_ADDRESS", subject: nil) == "[EMAIL_ADDRESS]")
        #expect(try transformer.apply(.redact(.fixed("<gone>")), to: "a@b.example", type: "EMAIL_ADDRESS", subject: nil) == "<gone>")
        #expect(try transformer.apply(.redact(.fixed("")), to: "x", type: "T", subject: nil) == "")
    }

    // MARK: mask

    @Test(arguments: [
        ("4111-1111-1111-1111", CharacterMask(keepLast: 4), "****-****-****-1111"),
        ("4111-1111-1111-1111", CharacterMask(keepFirst: 4, keepLast: 4), "4111-****-****-1111"),
        ("4111-1111-1111-1111", CharacterMask(keepLast: 4, keepSeparators: false), "***************1111"),
        ("ABC-123", CharacterMask(character: "#", keepFirst: 1), "A##-###"),
        ("jane.doe@example.com", CharacterMask(keepFirst: 1), "j***.***@*******.***"),
        ("Zoë e\u{301}", CharacterMask(), "*** *"),
        ("名前 山田", CharacterMask(character: "X", keepLast: 1), "XX X田"),
        ("1234", CharacterMask(keepLast: 4), "****"),
        ("12-34", CharacterMask(keepFirst: 2, keepLast: 2), "**-**"),
        ("--", CharacterMask(), "--"),
        ("", CharacterMask(), ""),
    ])
    func maskReplacesCharacters(_ value: String, _ mask: CharacterMask, _ expected: String) throws {
        #expect(try ValueTransformer(key: nil).apply(.mask(mask), to: value, type: "T", subject: nil) == expected)
    }

    @Test func maskKeepsCharacterCount() throws {
        let value = "e\u{301}\u{301}a👍🏽b"
        let masked = try ValueTransformer(key: nil).apply(.mask(CharacterMask(keepSeparators: false)), to: value, type: "T", subject: nil)
        #expect(masked == "****")
    }

    @Test func maskCountsCRLFAsOneCharacter() throws {
        let masked = try ValueTransformer(key: nil).apply(.mask(CharacterMask(keepSeparators: false)), to: "ab\r\ncd", type: "T", subject: nil)
        #expect(masked == "*****")
    }

    @Test func asciiAndCharacterMasksAgree() {
        var generator = SeededGenerator(state: 7)
        let alphabet = Array("ab09XZ-. @_+")
        for round in 0..<500 {
            let value = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            let mask = CharacterMask(
                character: round % 2 == 0 ? "*" : "#", keepFirst: Int.random(in: 0...5, using: &generator),
                keepLast: Int.random(in: 0...5, using: &generator), keepSeparators: round % 3 != 0
            )
            #expect(CharacterMasking.maskASCII(value, mask) == CharacterMasking.maskCharacters(value, mask))
        }
    }

    // MARK: hash

    @Test func hashIsKeyedDeterministicAndEncoded() throws {
        let first = try syntheticTransformer()
        let second = try syntheticTransformer()
        let hex = try first.apply(.hash(KeyedHash()), to: "jane@example.com", type: "EMAIL_ADDRESS", subject: nil)
        #expect(hex.count == 64)
        #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(try second.apply(.hash(KeyedHash()), to: "jane@example.com", type: "EMAIL_ADDRESS", subject: nil) == hex)
        #expect(try first.apply(.hash(KeyedHash()), to: "jane@example.org", type: "EMAIL_ADDRESS", subject: nil) != hex)
        let base32 = try first.apply(.hash(KeyedHash(encoding: .base32)), to: "jane@example.com", type: "T", subject: nil)
        #expect(base32.count == 52)
        #expect(base32.allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
        #expect(try first.apply(.hash(KeyedHash(length: 12)), to: "jane@example.com", type: "T", subject: nil) == String(hex.prefix(12)))
        #expect(try first.apply(.hash(KeyedHash(encoding: .base32, length: 1)), to: "jane@example.com", type: "T", subject: nil).count == 1)
        var otherKey = syntheticKeyBytes
        otherKey[0] = 0xFF
        let other = ValueTransformer(key: try MaskingKey(bytes: otherKey))
        #expect(try other.apply(.hash(KeyedHash()), to: "jane@example.com", type: "T", subject: nil) != hex)
    }

    /// The hash is HMAC-SHA256 under the hash subkey, of the value's UTF-8 bytes.
    @Test func hashIsHMACUnderTheHashSubkey() throws {
        let key = try MaskingKey(bytes: syntheticKeyBytes)
        let expected = PrekeyedHMAC(key: key.subkey(.hash)).authenticationCode(forUTF8: "Zoë")
            .withUnsafeBytes { DigestText.hex($0, count: 64) }
        #expect(try ValueTransformer(key: key).apply(.hash(KeyedHash()), to: "Zoë", type: "T", subject: nil) == expected)
    }

    // MARK: token

    @Test func tokensAreDeterministicAcrossInstancesAndDifferAcrossKeys() throws {
        let token = Transform.token(DeterministicToken())
        let first = try syntheticTransformer().apply(token, to: "jane@example.com", type: "EMAIL_ADDRESS", subject: nil)
        let second = try syntheticTransformer().apply(token, to: "jane@example.com", type: "EMAIL_ADDRESS", subject: nil)
        #expect(first == second)
        #expect(first.hasPrefix("EMAIL_ADDRESS_"))
        let body = first.dropFirst("EMAIL_ADDRESS_".count)
        #expect(body.count == 20)
        #expect(body.allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
        var otherKey = syntheticKeyBytes
        otherKey[5] ^= 0x80
        let other = try ValueTransformer(key: MaskingKey(bytes: otherKey)).apply(token, to: "jane@example.com", type: "EMAIL_ADDRESS", subject: nil)
        #expect(other != first)
        let transformer = try syntheticTransformer()
        #expect(try transformer.apply(token, to: "john@example.com", type: "EMAIL_ADDRESS", subject: nil) != first)
        // The token's body does not equal the hash's base32 of the same value (separate subkeys).
        let hash = try transformer.apply(.hash(KeyedHash(encoding: .base32, length: 20)), to: "jane@example.com", type: "T", subject: nil)
        #expect(hash != String(body))
    }

    @Test func tokenPrefixesAndLengths() throws {
        let transformer = try syntheticTransformer()
        let none = try transformer.apply(.token(DeterministicToken(prefix: .none, length: 16)), to: "v", type: "T", subject: nil)
        #expect(none.count == 16)
        let fixed = try transformer.apply(.token(DeterministicToken(prefix: .fixed("tok:"), length: 52)), to: "v", type: "T", subject: nil)
        #expect(fixed.hasPrefix("tok:"))
        #expect(fixed.count == 56)
        #expect(fixed.dropFirst(4).hasPrefix(none))
    }

    // MARK: keys and validation

    @Test func keyedTransformsNeedAKey() {
        let transformer = ValueTransformer(key: nil)
        #expect(transformer.keyID == nil)
        let keyed: [Transform] = [
            .hash(KeyedHash()), .token(DeterministicToken()), .encrypt(FormatPreservingEncryption()), .shiftDate(DateShift()),
        ]
        for transform in keyed {
            #expect(ValueTransformer.needsKey(transform))
            expectError(.keyRequired, notQuoting: card) { _ = try transformer.apply(transform, to: card, type: "T", subject: nil) }
        }
        expectError(.keyRequired, notQuoting: card) { _ = try transformer.decrypt(FormatPreservingEncryption(), card) }
        for transform: Transform in [.remove(.value), .redact(.label), .mask(CharacterMask()), .generalize(.year)] {
            #expect(!ValueTransformer.needsKey(transform))
        }
    }

    @Test(arguments: [
        Transform.mask(CharacterMask(character: "\n")),
        .mask(CharacterMask(character: "\u{301}")),
        .mask(CharacterMask(keepFirst: -1)),
        .mask(CharacterMask(keepLast: -2)),
        .hash(KeyedHash(encoding: .hex, length: 0)),
        .hash(KeyedHash(encoding: .hex, length: 65)),
        .hash(KeyedHash(encoding: .base32, length: 53)),
        .token(DeterministicToken(length: 15)),
        .token(DeterministicToken(length: 53)),
        .token(DeterministicToken(prefix: .fixed("a\tb"))),
        .redact(.fixed("line\nbreak")),
        .encrypt(FormatPreservingEncryption(tweak: String(repeating: "t", count: 256))),
        .encrypt(FormatPreservingEncryption(surrogate: "")),
        .encrypt(FormatPreservingEncryption(surrogate: "1SSN")),
        .encrypt(FormatPreservingEncryption(surrogate: "SS N")),
        .encrypt(FormatPreservingEncryption(surrogate: String(repeating: "A", count: 65))),
        .shiftDate(DateShift(maxDays: 0)),
        .shiftDate(DateShift(maxDays: 36501)),
        .shiftDate(DateShift(subject: "")),
        .generalize(.prefix(count: -1, fill: "*")),
        .generalize(.prefix(count: 2, fill: "\u{7}")),
    ])
    func invalidOptionsAreRejected(_ transform: Transform) throws {
        expectError(.invalidOption, notQuoting: card) { try ValueTransformer.validate(transform) }
        expectError(.invalidOption, notQuoting: card) {
            _ = try syntheticTransformer().apply(transform, to: card, type: "T", subject: nil)
        }
    }

    @Test(arguments: [
        Transform.remove(.record), .redact(.fixed("***")), .mask(CharacterMask(character: "X", keepFirst: 100)),
        .hash(KeyedHash(encoding: .hex, length: 64)), .hash(KeyedHash(encoding: .base32, length: 52)),
        .token(DeterministicToken(length: 16)), .token(DeterministicToken(length: 52)),
        .encrypt(FormatPreservingEncryption(tweak: String(repeating: "t", count: 255), surrogate: "_SSN_2")),
        .shiftDate(DateShift(maxDays: 1)), .shiftDate(DateShift(maxDays: 36500, subject: "$.patient.id")),
        .generalize(.year), .generalize(.prefix(count: 0, fill: nil)),
    ])
    func validOptionsPass(_ transform: Transform) throws {
        try ValueTransformer.validate(transform)
    }

    // MARK: generalize

    @Test(arguments: [
        ("94105-1234", 3, Optional<Unicode.Scalar>("*"), "941**-****"),
        ("94105-1234", 3, nil, "941"),
        ("AB-1234", 3, nil, "AB-1"),
        ("SW1A 1AA", 2, "#", "SW## ###"),
        ("941", 5, "*", "941"),
        ("94105", 0, nil, ""),
    ])
    func prefixGeneralization(_ value: String, _ count: Int, _ fill: Unicode.Scalar?, _ expected: String) throws {
        #expect(try ValueTransformer(key: nil).apply(.generalize(.prefix(count: count, fill: fill)), to: value, type: "T", subject: nil) == expected)
    }

    @Test(arguments: [
        ("1984-03-07", "1984"), ("1984/03/07", "1984"), ("19840307", "1984"), ("03/07/1984", "1984"),
        ("13/05/1984", "1984"), ("07.03.1984", "1984"), ("07-03-1984", "1984"), ("1984-03-07T10:30:00Z", "1984"),
        ("0800-01-01", "0800"),
    ])
    func yearGeneralization(_ value: String, _ expected: String) throws {
        #expect(try ValueTransformer(key: nil).apply(.generalize(.year), to: value, type: "DATE", subject: nil) == expected)
    }

    @Test func yearGeneralizationRejectsNonDates() {
        for value in ["1984", "1984-02-30", "hello", "31/31/1984"] {
            expectError(.notADate, notQuoting: value) {
                _ = try ValueTransformer(key: nil).apply(.generalize(.year), to: value, type: "DATE", subject: nil)
            }
        }
    }
}
