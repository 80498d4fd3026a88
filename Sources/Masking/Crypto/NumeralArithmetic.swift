/// The little unsigned big-number arithmetic FF1 needs: converting numeral strings and byte
/// strings to numbers and back (NIST SP 800-38G's NUM, NUM_radix, STR^m_radix) for numbers too
/// large for 64 bits. Only multiply-add and divide by a small number are needed, so this is a
/// few loops rather than a dependency.
///
/// Limbs are 32-bit, least significant first, so every intermediate fits in a `UInt64`.
struct BigUnsigned {
    private(set) var limbs: [UInt32]

    init() { limbs = [] }

    /// NUM_radix: the number whose base-`radix` digits, most significant first, are `numerals`.
    /// O(n²).
    init<C: Collection>(numerals: C, radix: Int) where C.Element == UInt16 {
        limbs = []
        limbs.reserveCapacity(numerals.count / 2 + 1)
        for numeral in numerals {
            multiplyAdd(UInt32(radix), UInt32(numeral))
        }
    }

    /// NUM: the number whose big-endian bytes are `bytes`. O(n).
    init<C: Collection>(bigEndianBytes bytes: C) where C.Element == UInt8 {
        limbs = []
        limbs.reserveCapacity(bytes.count / 4 + 1)
        for byte in bytes {
            multiplyAdd(256, UInt32(byte))
        }
    }

    /// `radix` to the power `exponent`. O(exponent²).
    init(radix: Int, power exponent: Int) {
        limbs = [1]
        for _ in 0..<exponent {
            multiplyAdd(UInt32(radix), 0)
        }
    }

    var isZero: Bool { limbs.allSatisfy { $0 == 0 } }

    /// The number of significant bits (0 for zero).
    var bitWidth: Int {
        guard let top = limbs.lastIndex(where: { $0 != 0 }) else { return 0 }
        return top * 32 + (32 - limbs[top].leadingZeroBitCount)
    }

    /// self = self × factor + addend.
    mutating func multiplyAdd(_ factor: UInt32, _ addend: UInt32) {
        var carry = UInt64(addend)
        for index in limbs.indices {
            let product = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// self = self − 1; self must not be zero.
    mutating func decrement() {
        for index in limbs.indices {
            if limbs[index] != 0 {
                limbs[index] -= 1
                return
            }
            limbs[index] = UInt32.max
        }
    }

    /// Divides in place by `divisor` (not zero) and returns the remainder. O(n).
    mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for index in limbs.indices.reversed() {
            let current = (remainder << 32) | UInt64(limbs[index])
            limbs[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        while let last = limbs.last, last == 0 { limbs.removeLast() }
        return UInt32(remainder)
    }

    /// Writes the number modulo 256^count as `count` big-endian bytes (STR^count_256).
    func write<B: MutableCollection>(bigEndianInto bytes: inout B) where B.Element == UInt8, B.Index == Int {
        var position = bytes.endIndex
        var limbIndex = 0
        var shift = 0
        while position > bytes.startIndex {
            position -= 1
            if limbIndex < limbs.count {
                bytes[position] = UInt8(truncatingIfNeeded: limbs[limbIndex] >> UInt32(shift))
                shift += 8
                if shift == 32 {
                    shift = 0
                    limbIndex += 1
                }
            } else {
                bytes[position] = 0
            }
        }
    }

    /// The lowest `count` base-`radix` digits, most significant first (STR^count_radix of the
    /// number modulo radix^count). Consumes the number. O(count × n).
    mutating func lowDigits(_ count: Int, radix: Int) -> [UInt16] {
        var digits = [UInt16](repeating: 0, count: count)
        var position = count
        while position > 0, !limbs.isEmpty {
            position -= 1
            digits[position] = UInt16(divide(by: UInt32(radix)))
        }
        return digits
    }
}
