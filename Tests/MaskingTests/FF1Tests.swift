import Testing
@testable import Masking

/// One FF1 known answer: key, tweak (hex), radix, plaintext and ciphertext over
/// `0123456789abcdefghijklmnopqrstuvwxyz`.
struct FF1Sample: Sendable, CustomStringConvertible {
    var number: Int
    var keyHex: String
    var tweakHex: String
    var radix: Int
    var plaintext: String
    var ciphertext: String

    var description: String { "Sample \(number)" }
}

/// NIST SP 800-38G FF1 samples 1–9 ("FF1samples.pdf", Cryptographic Standards and Guidelines,
/// examples: https://csrc.nist.gov/CSRC/media/Projects/Cryptographic-Standards-and-Guidelines/documents/examples/FF1samples.pdf),
/// as also listed in capitalone/fpe `ff1/ff1_test.go` (commit 072a96a1a85ec71c051ccf6c56139d126882dfa0).
let nistFF1Samples: [FF1Sample] = {
    let k128 = "2B7E151628AED2A6ABF7158809CF4F3C"
    let k192 = k128 + "EF4359D8D580AA4F"
    let k256 = k192 + "7F036D6F04FC6A94"
    let t10 = "39383736353433323130"
    let t11 = "3737373770717273373737"
    let digits = "0123456789"
    let alphanumeric = "0123456789abcdefghi"
    return [
        FF1Sample(number: 1, keyHex: k128, tweakHex: "", radix: 10, plaintext: digits, ciphertext: "2433477484"),
        FF1Sample(number: 2, keyHex: k128, tweakHex: t10, radix: 10, plaintext: digits, ciphertext: "6124200773"),
        FF1Sample(number: 3, keyHex: k128, tweakHex: t11, radix: 36, plaintext: alphanumeric, ciphertext: "a9tv40mll9kdu509eum"),
        FF1Sample(number: 4, keyHex: k192, tweakHex: "", radix: 10, plaintext: digits, ciphertext: "2830668132"),
        FF1Sample(number: 5, keyHex: k192, tweakHex: t10, radix: 10, plaintext: digits, ciphertext: "2496655549"),
        FF1Sample(number: 6, keyHex: k192, tweakHex: t11, radix: 36, plaintext: alphanumeric, ciphertext: "xbj3kv35jrawxv32ysr"),
        FF1Sample(number: 7, keyHex: k256, tweakHex: "", radix: 10, plaintext: digits, ciphertext: "6657667009"),
        FF1Sample(number: 8, keyHex: k256, tweakHex: t10, radix: 10, plaintext: digits, ciphertext: "1001623463"),
        FF1Sample(number: 9, keyHex: k256, tweakHex: t11, radix: 36, plaintext: alphanumeric, ciphertext: "xs8a0azh2avyalyzuwd"),
    ]
}()

private let alphabet36 = Array("0123456789abcdefghijklmnopqrstuvwxyz")

func hexBytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map { index in
        UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) ?? 0
    }
}

private func numerals(_ text: String) -> [UInt16] {
    text.map { character in UInt16(alphabet36.firstIndex(of: character) ?? 0) }
}

private func text(_ numerals: [UInt16]) -> String {
    String(numerals.map { alphabet36[Int($0)] })
}

/// Expects `body` to throw a `TransformError` of `kind`.
func expectError(
    _ kind: TransformError.Kind, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected a \(kind) error, got none", sourceLocation: sourceLocation)
    } catch let error as TransformError {
        #expect(error.kind == kind, sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a TransformError, got \(error)", sourceLocation: sourceLocation)
    }
}

/// A small deterministic generator (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct FF1Tests {
    @Test(arguments: nistFF1Samples)
    func nistSampleEncryptsAndDecrypts(_ sample: FF1Sample) throws {
        let cipher = try FF1(key: hexBytes(sample.keyHex), radix: sample.radix)
        let tweak = hexBytes(sample.tweakHex)
        #expect(text(try cipher.encrypt(numerals(sample.plaintext), tweak: tweak)) == sample.ciphertext)
        #expect(text(try cipher.decrypt(numerals(sample.ciphertext), tweak: tweak)) == sample.plaintext)
    }

    @Test(arguments: nistFF1Samples)
    func nistSampleMatchesWithBigNumberArithmetic(_ sample: FF1Sample) throws {
        let cipher = try FF1(key: hexBytes(sample.keyHex), radix: sample.radix)
        let tweak = hexBytes(sample.tweakHex)
        let encrypted = try cipher.crypt(numerals(sample.plaintext), tweak: tweak, decrypting: false, wideArithmetic: true)
        #expect(text(encrypted) == sample.ciphertext)
        let decrypted = try cipher.crypt(numerals(sample.ciphertext), tweak: tweak, decrypting: true, wideArithmetic: true)
        #expect(text(decrypted) == sample.plaintext)
    }

    @Test func roundTripsOverRandomRadixesLengthsAndTweaks() throws {
        var generator = SeededGenerator(state: 0x5EED_FF01)
        let radixes = [2, 3, 10, 16, 26, 36, 62, 255, 256, 1000, 65535, 65536]
        for round in 0..<300 {
            let radix = radixes[round % radixes.count]
            var key = [UInt8](repeating: 0, count: [16, 24, 32][round % 3])
            for index in key.indices { key[index] = UInt8.random(in: 0...255, using: &generator) }
            let cipher = try FF1(key: key, radix: radix)
            let length = Int.random(in: cipher.minimumLength...cipher.minimumLength + 60, using: &generator)
            let plain = (0..<length).map { _ in UInt16(Int.random(in: 0..<radix, using: &generator)) }
            let tweak = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let encrypted = try cipher.encrypt(plain, tweak: tweak)
            #expect(encrypted.count == plain.count)
            #expect(encrypted.allSatisfy { Int($0) < radix })
            #expect(try cipher.decrypt(encrypted, tweak: tweak) == plain)
            // Both arithmetic paths agree wherever the 64-bit one applies.
            let wide = try cipher.crypt(plain, tweak: tweak, decrypting: false, wideArithmetic: true)
            #expect(wide == encrypted)
        }
    }

    @Test func longValuesRoundTrip() throws {
        let cipher = try FF1(key: [UInt8](repeating: 7, count: 32), radix: 10)
        let plain = (0..<FF1.maximumLength).map { UInt16($0 % 10) }
        let encrypted = try cipher.encrypt(plain, tweak: [1, 2, 3])
        #expect(encrypted != plain)
        #expect(try cipher.decrypt(encrypted, tweak: [1, 2, 3]) == plain)
    }

    @Test func tweakChangesTheCiphertext() throws {
        let cipher = try FF1(key: [UInt8](repeating: 1, count: 32), radix: 10)
        let plain: [UInt16] = [4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
        #expect(try cipher.encrypt(plain, tweak: [1]) != cipher.encrypt(plain, tweak: [2]))
    }

    @Test func minimumLengthFollowsTheMillionDomain() throws {
        let key = [UInt8](repeating: 0, count: 16)
        #expect(try FF1(key: key, radix: 10).minimumLength == 6)
        #expect(try FF1(key: key, radix: 26).minimumLength == 5)
        #expect(try FF1(key: key, radix: 36).minimumLength == 4)
        #expect(try FF1(key: key, radix: 2).minimumLength == 20)
        #expect(try FF1(key: key, radix: 65536).minimumLength == 2)
    }

    @Test func rejectsBadKeysRadixesAndInputs() throws {
        expectError(.invalidKey) { _ = try FF1(key: [UInt8](repeating: 0, count: 20), radix: 10) }
        expectError(.invalidOption) { _ = try FF1(key: [UInt8](repeating: 0, count: 16), radix: 1) }
        expectError(.invalidOption) { _ = try FF1(key: [UInt8](repeating: 0, count: 16), radix: 65537) }
        let cipher = try FF1(key: [UInt8](repeating: 0, count: 16), radix: 10)
        expectError(.valueTooShort) { _ = try cipher.encrypt([1, 2, 3, 4, 5], tweak: []) }
        expectError(.valueTooLong) {
            _ = try cipher.encrypt([UInt16](repeating: 1, count: FF1.maximumLength + 1), tweak: [])
        }
        expectError(.invalidNumeral) { _ = try cipher.encrypt([1, 2, 3, 4, 5, 10], tweak: []) }
    }
}
