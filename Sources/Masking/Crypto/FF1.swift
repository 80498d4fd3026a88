import Crypto
import _CryptoExtras

/// NIST SP 800-38G FF1 format-preserving encryption over AES: a keyed permutation of the
/// numeral strings of one length, so `0123456789` enciphers to another 10-digit string.
///
/// The key is an AES key of 16, 24 or 32 bytes; the radix is 2...65536. A numeral string must
/// have at least `minimumLength` numerals (radix^length ≥ 1,000,000, the floor that SP 800-38G
/// Rev. 1 sets) and at most `FF1.maximumLength` (a bound of this implementation; the standard
/// allows 2^32). The tweak is any byte string; encrypting and decrypting must use the same one.
///
/// Cost: 10 Feistel rounds, each one AES block per 16 bytes of the round input (tweak plus
/// about half the value) plus one more per 16 bytes of round output beyond the first, so a
/// 16-digit value with a short tweak takes 11 AES blocks. swift-crypto's `AES.permute` redoes
/// the key schedule for every block, which dominates the cost. Numbers up to 2^62 use 64-bit
/// arithmetic; longer strings use a small big-number routine (O(n²) per round).
public struct FF1: Sendable {
    /// The longest numeral string accepted.
    public static let maximumLength = 4096

    /// The number of distinct numerals.
    public let radix: Int
    /// The shortest numeral string accepted: the least n with radix^n ≥ 1,000,000.
    public let minimumLength: Int
    private let key: AESKey

    /// A cipher under `key` (16, 24 or 32 bytes: AES-128, -192, -256) for numerals in
    /// `0..<radix`. Throws `invalidKey` for another key size and `invalidOption` for a radix
    /// outside 2...65536.
    public init(key: [UInt8], radix: Int) throws(TransformError) {
        guard [16, 24, 32].contains(key.count) else {
            throw TransformError(.invalidKey, "an FF1 key must be 16, 24 or 32 bytes, not \(key.count)")
        }
        guard (2...65536).contains(radix) else {
            throw TransformError(.invalidOption, "FF1's radix must be in 2...65536, not \(radix)")
        }
        self.key = AESKey(SymmetricKey(data: key))
        self.radix = radix
        var length = 1
        var domain = radix
        while domain < 1_000_000 {
            domain *= radix
            length += 1
        }
        self.minimumLength = max(2, length)
    }

    /// Enciphers `numerals` (each in `0..<radix`) under `tweak`; the result has the same length.
    /// Throws `valueTooShort`, `valueTooLong` or `invalidNumeral`.
    public func encrypt(_ numerals: [UInt16], tweak: [UInt8]) throws(TransformError) -> [UInt16] {
        try crypt(numerals, tweak: tweak, decrypting: false, wideArithmetic: false)
    }

    /// Reverses `encrypt` under the same key, radix and tweak.
    public func decrypt(_ numerals: [UInt16], tweak: [UInt8]) throws(TransformError) -> [UInt16] {
        try crypt(numerals, tweak: tweak, decrypting: true, wideArithmetic: false)
    }

    /// `encrypt`/`decrypt` with the choice of arithmetic exposed, so tests can check the
    /// big-number path against the 64-bit one on the same inputs.
    func crypt(
        _ numerals: [UInt16], tweak: [UInt8], decrypting: Bool, wideArithmetic forceWide: Bool
    ) throws(TransformError) -> [UInt16] {
        let n = numerals.count
        guard n >= minimumLength else {
            throw TransformError(.valueTooShort, "FF1 needs at least \(minimumLength) numerals in radix \(radix), got \(n)")
        }
        guard n <= Self.maximumLength else {
            throw TransformError(.valueTooLong, "FF1 takes at most \(Self.maximumLength) numerals, got \(n)")
        }
        for numeral in numerals where Int(numeral) >= radix {
            throw TransformError(.invalidNumeral, "a numeral is not below the radix \(radix)")
        }
        let t = tweak.count
        let u = n / 2
        let v = n - u

        // Steps 3–4: b = ⌈⌈v·log2(radix)⌉ / 8⌉ is the byte length of radix^v − 1, computed exactly.
        let narrowPowers = forceWide ? nil : Self.narrowPowers(radix: radix, u: u, v: v)
        let b: Int
        if let powers = narrowPowers {
            b = (64 - (powers.v - 1).leadingZeroBitCount + 7) / 8
        } else {
            var largest = BigUnsigned(radix: radix, power: v)
            largest.decrement()
            b = (largest.bitWidth + 7) / 8
        }
        let d = 4 * ((b + 3) / 4) + 4

        // Step 5: P, whose cipher block starts every round's CBC-MAC; computed once.
        var firstBlock = [UInt8](repeating: 0, count: 16)
        firstBlock[0] = 1
        firstBlock[1] = 2
        firstBlock[2] = 1
        firstBlock[3] = UInt8(truncatingIfNeeded: radix >> 16)
        firstBlock[4] = UInt8(truncatingIfNeeded: radix >> 8)
        firstBlock[5] = UInt8(truncatingIfNeeded: radix)
        firstBlock[6] = 10
        firstBlock[7] = UInt8(truncatingIfNeeded: u)
        for k in 0..<4 {
            firstBlock[8 + k] = UInt8(truncatingIfNeeded: n >> (24 - 8 * k))
            firstBlock[12 + k] = UInt8(truncatingIfNeeded: t >> (24 - 8 * k))
        }
        try key.permute(&firstBlock)

        // Q = T || 0^((−t−b−1) mod 16) || [i] || [NUM_radix(B)]^b, a whole number of blocks.
        let padding = ((-(t + b + 1)) % 16 + 16) % 16
        let qLength = t + padding + 1 + b
        var q = [UInt8](repeating: 0, count: qLength)
        q.replaceSubrange(0..<t, with: tweak)
        let roundIndex = t + padding
        let numberStart = roundIndex + 1

        var a = Array(numerals[0..<u])
        var bHalf = Array(numerals[u...])
        var r = [UInt8](repeating: 0, count: 16)
        var s = [UInt8](repeating: 0, count: ((d + 15) / 16) * 16)
        var extra = [UInt8](repeating: 0, count: 16)

        for step in 0..<10 {
            let i = decrypting ? 9 - step : step
            // Encryption feeds B into the PRF; decryption feeds A (which holds the old B).
            let fed = decrypting ? a : bHalf
            q[roundIndex] = UInt8(i)
            if narrowPowers != nil {
                var number = Self.narrowNumber(fed, radix: radix)
                for position in stride(from: qLength - 1, through: numberStart, by: -1) {
                    q[position] = UInt8(truncatingIfNeeded: number)
                    number >>= 8
                }
            } else {
                BigUnsigned(numerals: fed, radix: radix).write(bigEndianInto: &q[numberStart..<qLength])
            }

            // R = PRF(P || Q): CBC-MAC with a zero IV, continuing from E(P).
            for k in 0..<16 { r[k] = firstBlock[k] }
            var offset = 0
            while offset < qLength {
                for k in 0..<16 { r[k] ^= q[offset + k] }
                try key.permute(&r)
                offset += 16
            }

            // S = R || E(R ⊕ [1]^16) || E(R ⊕ [2]^16) || …, first d bytes.
            for k in 0..<16 { s[k] = r[k] }
            var j = 1
            while j * 16 < d {
                for k in 0..<16 { extra[k] = r[k] }
                for k in 0..<8 { extra[15 - k] ^= UInt8(truncatingIfNeeded: j >> (8 * k)) }
                try key.permute(&extra)
                for k in 0..<16 { s[j * 16 + k] = extra[k] }
                j += 1
            }

            let m = i % 2 == 0 ? u : v
            let c: [UInt16]
            if let powers = narrowPowers {
                let modulus = m == u ? powers.u : powers.v
                let y = Self.narrowRemainder(s[0..<d], modulus: modulus)
                if decrypting {
                    let x = Self.narrowNumber(bHalf, radix: radix)
                    c = Self.narrowDigits((x + modulus - y) % modulus, count: m, radix: radix)
                } else {
                    let x = Self.narrowNumber(a, radix: radix)
                    c = Self.narrowDigits((x + y) % modulus, count: m, radix: radix)
                }
            } else {
                var y = BigUnsigned(bigEndianBytes: s[0..<d])
                let yDigits = y.lowDigits(m, radix: radix)
                c = decrypting
                    ? Self.subtract(bHalf, yDigits, radix: radix)
                    : Self.add(a, yDigits, radix: radix)
            }
            if decrypting {
                bHalf = a
                a = c
            } else {
                a = bHalf
                bHalf = c
            }
        }
        return a + bHalf
    }

    // MARK: 64-bit arithmetic

    /// radix^u and radix^v when radix^v ≤ 2^62, so sums of two residues never overflow.
    private static func narrowPowers(radix: Int, u: Int, v: Int) -> (u: UInt64, v: UInt64)? {
        var power: UInt64 = 1
        var powerU: UInt64 = 1
        for exponent in 1...v {
            let (product, overflow) = power.multipliedReportingOverflow(by: UInt64(radix))
            if overflow || product > 1 << 62 { return nil }
            power = product
            if exponent == u { powerU = product }
        }
        return (powerU, power)
    }

    private static func narrowNumber(_ numerals: [UInt16], radix: Int) -> UInt64 {
        var number: UInt64 = 0
        for numeral in numerals {
            number = number &* UInt64(radix) &+ UInt64(numeral)
        }
        return number
    }

    /// NUM(bytes) mod modulus, eight bytes at a time.
    private static func narrowRemainder(_ bytes: ArraySlice<UInt8>, modulus: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        var word: UInt64 = 0
        var index = bytes.startIndex
        // The leading partial word, then whole words: remainder·2^64 + word < modulus·2^64.
        let leading = bytes.count % 8
        for _ in 0..<leading {
            word = word << 8 | UInt64(bytes[index])
            index += 1
        }
        remainder = word % modulus
        while index < bytes.endIndex {
            word = 0
            for _ in 0..<8 {
                word = word << 8 | UInt64(bytes[index])
                index += 1
            }
            remainder = modulus.dividingFullWidth((high: remainder, low: word)).remainder
        }
        return remainder
    }

    private static func narrowDigits(_ value: UInt64, count: Int, radix: Int) -> [UInt16] {
        var digits = [UInt16](repeating: 0, count: count)
        var rest = value
        var position = count
        while position > 0 {
            position -= 1
            digits[position] = UInt16(rest % UInt64(radix))
            rest /= UInt64(radix)
        }
        return digits
    }

    // MARK: Digit-wise arithmetic for the big-number path

    /// (x + y) mod radix^m, digit by digit; both have m digits, most significant first.
    private static func add(_ x: [UInt16], _ y: [UInt16], radix: Int) -> [UInt16] {
        var result = [UInt16](repeating: 0, count: x.count)
        var carry = 0
        for index in x.indices.reversed() {
            var sum = Int(x[index]) + Int(y[index]) + carry
            carry = sum >= radix ? 1 : 0
            sum -= carry * radix
            result[index] = UInt16(sum)
        }
        return result
    }

    /// (x − y) mod radix^m, digit by digit.
    private static func subtract(_ x: [UInt16], _ y: [UInt16], radix: Int) -> [UInt16] {
        var result = [UInt16](repeating: 0, count: x.count)
        var borrow = 0
        for index in x.indices.reversed() {
            var difference = Int(x[index]) - Int(y[index]) - borrow
            borrow = difference < 0 ? 1 : 0
            difference += borrow * radix
            result[index] = UInt16(difference)
        }
        return result
    }
}

/// An AES key for the single-block permutation.
///
/// `SymmetricKey` is not marked `Sendable`, but it is an immutable value (its storage is never
/// written after creation), so sharing it between threads is safe.
struct AESKey: @unchecked Sendable {
    let key: SymmetricKey

    init(_ key: SymmetricKey) { self.key = key }

    /// Enciphers one 16-byte block in place.
    func permute(_ block: inout [UInt8]) throws(TransformError) {
        do {
            try AES.permute(&block, key: key)
        } catch {
            throw TransformError(.invalidKey, "AES rejected the key or block size")
        }
    }
}
