/// A set of byte values, used to declare what can start or continue a match.
public struct ByteSet: Sendable, Hashable {
    @usableFromInline var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    public init() {}

    /// Exactly these bytes.
    public init(bytes: some Sequence<UInt8>) {
        for b in bytes { insert(b) }
    }

    /// The bytes of an ASCII string, plus ranges written `a-z` (a `-` first or last is literal).
    public init(_ spec: String) {
        let b = Array(spec.utf8)
        var i = 0
        while i < b.count {
            if i + 2 < b.count, b[i + 1] == UInt8(ascii: "-") {
                for v in b[i]...b[i + 2] { insert(v) }
                i += 3
            } else {
                insert(b[i])
                i += 1
            }
        }
    }

    @inlinable public func contains(_ b: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: return w0 & bit != 0
        case 1: return w1 & bit != 0
        case 2: return w2 & bit != 0
        default: return w3 & bit != 0
        }
    }

    public mutating func insert(_ b: UInt8) {
        let bit = UInt64(1) << UInt64(b & 63)
        switch b >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        default: w3 |= bit
        }
    }

    public func union(_ o: ByteSet) -> ByteSet {
        var r = self
        r.w0 |= o.w0; r.w1 |= o.w1; r.w2 |= o.w2; r.w3 |= o.w3
        return r
    }

    public func intersection(_ o: ByteSet) -> ByteSet {
        var r = self
        r.w0 &= o.w0; r.w1 &= o.w1; r.w2 &= o.w2; r.w3 &= o.w3
        return r
    }

    public var isEmpty: Bool { (w0 | w1 | w2 | w3) == 0 }

    public static let digits = ByteSet("0-9")
    public static let upper = ByteSet("A-Z")
    public static let lower = ByteSet("a-z")
    public static let letters = ByteSet("A-Za-z")
    public static let alphanumerics = ByteSet("0-9A-Za-z")
    /// Letters, digits and `_`: what continues a word or token.
    public static let word = ByteSet("0-9A-Za-z_")
    public static let hexDigits = ByteSet("0-9A-Fa-f")
    public static let empty = ByteSet()
    public static let everything: ByteSet = {
        var all = ByteSet()
        all.w0 = .max; all.w1 = .max; all.w2 = .max; all.w3 = .max
        return all
    }()
}

extension ByteSet {
    /// Whether `bytes` hold an upper-case letter, a lower-case letter and a digit, as random
    /// base64 secrets of 40 or more characters almost always do and words or identifiers in
    /// code rarely do.
    static func hasUpperLowerAndDigit(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var upper = false, lower = false, digit = false
        for b in bytes {
            upper = upper || ByteSet.upper.contains(b)
            lower = lower || ByteSet.lower.contains(b)
            digit = digit || ByteSet.digits.contains(b)
        }
        return upper && lower && digit
    }
}

extension ByteSet {
    /// The set as maximal runs of consecutive byte values, in increasing order: what the SIMD
    /// classifier compares against (one subtract and one unsigned compare per run).
    var ranges: [ClosedRange<UInt8>] {
        var result: [ClosedRange<UInt8>] = []
        var b = 0
        while b < 256 {
            guard contains(UInt8(b)) else { b += 1; continue }
            let low = b
            while b + 1 < 256 && contains(UInt8(b + 1)) { b += 1 }
            result.append(UInt8(low)...UInt8(b))
            b += 1
        }
        return result
    }
}
