/// Writing digests as text: lower-case hexadecimal and RFC 4648 base32 (lower-case, no
/// padding), straight into a string's storage.
enum DigestText {

    /// Characters of base32 that `byteCount` bytes give (no padding).
    static func base32Length(byteCount: Int) -> Int { (byteCount * 8 + 4) / 5 }

    /// The first `count` characters (at most 2 × bytes) of the bytes in hexadecimal.
    static func hex(_ bytes: UnsafeRawBufferPointer, count: Int) -> String {
        let count = min(count, bytes.count * 2)
        return String(unsafeUninitializedCapacity: count) { output in
            for index in 0..<count {
                let byte = bytes[index >> 1]
                let nibble = index & 1 == 0 ? byte >> 4 : byte & 0x0F
                output[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return count
        }
    }

    /// The first `count` characters (at most `base32Length`) of the bytes in base32.
    static func base32(_ bytes: UnsafeRawBufferPointer, count: Int) -> String {
        let count = min(count, base32Length(byteCount: bytes.count))
        return String(unsafeUninitializedCapacity: count) { output in
            var buffer: UInt32 = 0
            var bits = 0
            var byteIndex = 0
            for index in 0..<count {
                if bits < 5 {
                    if byteIndex < bytes.count {
                        buffer = buffer << 8 | UInt32(bytes[byteIndex])
                        byteIndex += 1
                        bits += 8
                    } else {
                        // The last group is padded with zero bits.
                        buffer <<= UInt32(5 - bits)
                        bits = 5
                    }
                }
                let group = UInt8(truncatingIfNeeded: buffer >> UInt32(bits - 5)) & 0x1F
                output[index] = group < 26 ? 0x61 + group : 0x18 + group
                bits -= 5
            }
            return count
        }
    }
}
