/// Classifies bytes against a `ByteSet` 64 at a time and writes one bit per byte: bit `j` of
/// word `k` is set when byte `64k + j` is in the set.
///
/// The prefilter uses these bitmaps to decide a `Precondition` ("at least n digits within w
/// bytes") with one unaligned load and a population count instead of a loop over `w` bytes,
/// which matters because a digit at a token start is examined by dozens of identifiers.
///
/// The kernel follows the idioms TOOLCHAIN.md measured on Swift 6.3: `loadUnaligned` of
/// `SIMD32<UInt8>`, vector constants spelled with their type, masks combined with `.|`, and the
/// lane-to-bit packing done by hand with the multiply trick (the standard library's mask
/// helpers compile to per-lane loops). `fillScalar` is its plain twin and the test oracle.
struct ByteClassifier: Sendable {
    /// The set's runs as (low, high - low): a byte `b` is in the set when `b &- low <= span`
    /// for one of them.
    let lows: [UInt8]
    let spans: [UInt8]
    let set: ByteSet

    init(_ set: ByteSet) {
        self.set = set
        let ranges = set.ranges
        lows = ranges.map(\.lowerBound)
        spans = ranges.map { $0.upperBound - $0.lowerBound }
    }

    /// Writes the bits of `base[0..<count]` for words `firstWord..<lastWord` (at most
    /// `(count + 63) / 64`, the default) into `words` (indexed from word 0 of the buffer); when
    /// that reaches the end, also clears the word after it, so an unaligned 8-byte read at any
    /// byte offset below `count / 8 + 1` sees zeros past `count`. `words` must hold
    /// `(count + 63) / 64 + 1` words.
    func fill(_ base: UnsafePointer<UInt8>, count: Int, fromWord firstWord: Int, toWord lastWord: Int? = nil,
              into words: UnsafeMutablePointer<UInt64>) {
        let wordCount = (count + 63) / 64
        let last = min(lastWord ?? wordCount, wordCount)
        let fullBlocks = min(count / 64, last)
        var k = max(0, firstWord)
        let raw = UnsafeRawPointer(base)
        let rangeCount = lows.count
        lows.withUnsafeBufferPointer { lows in
            spans.withUnsafeBufferPointer { spans in
                while k < fullBlocks {
                    let a = raw.loadUnaligned(fromByteOffset: k &* 64, as: SIMD32<UInt8>.self)
                    let b = raw.loadUnaligned(fromByteOffset: k &* 64 &+ 32, as: SIMD32<UInt8>.self)
                    var ma = SIMDMask<SIMD32<Int8>>(repeating: false)
                    var mb = SIMDMask<SIMD32<Int8>>(repeating: false)
                    var r = 0
                    while r < rangeCount {
                        let low = SIMD32<UInt8>(repeating: lows[r])
                        let span = SIMD32<UInt8>(repeating: spans[r])
                        ma = ma .| ((a &- low) .<= span)
                        mb = mb .| ((b &- low) .<= span)
                        r &+= 1
                    }
                    words[k] = UInt64(Self.bits(ma)) | UInt64(Self.bits(mb)) << 32
                    k &+= 1
                }
            }
        }
        guard last == wordCount else { return }
        if k == fullBlocks && fullBlocks * 64 < count {
            var word: UInt64 = 0
            for j in 0..<(count - fullBlocks * 64) where set.contains(base[fullBlocks * 64 + j]) {
                word |= 1 << UInt64(j)
            }
            words[fullBlocks] = word
        }
        words[wordCount] = 0
    }

    /// The scalar twin of `fill`: same output, one byte at a time.
    func fillScalar(_ base: UnsafePointer<UInt8>, count: Int, fromWord firstWord: Int, into words: UnsafeMutablePointer<UInt64>) {
        let wordCount = (count + 63) / 64
        for k in max(0, firstWord)..<max(max(0, firstWord), wordCount) {
            var word: UInt64 = 0
            for j in 0..<64 where k * 64 + j < count && set.contains(base[k * 64 + j]) {
                word |= 1 << UInt64(j)
            }
            words[k] = word
        }
        words[wordCount] = 0
    }

    /// One bit per lane of a 32-lane mask (lane 0 in bit 0), packed with the multiply trick.
    @inline(__always)
    static func bits(_ mask: SIMDMask<SIMD32<Int8>>) -> UInt32 {
        let q = unsafeBitCast(mask, to: SIMD4<UInt64>.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let gather: UInt64 = 0x0002_0408_1020_4081
        let b0 = ((q[0] & high) &* gather) >> 56
        let b1 = ((q[1] & high) &* gather) >> 56
        let b2 = ((q[2] & high) &* gather) >> 56
        let b3 = ((q[3] & high) &* gather) >> 56
        return UInt32(truncatingIfNeeded: b0 | b1 << 8 | b2 << 16 | b3 << 24)
    }

    /// The bits of bytes `start..<start + 57` (fewer near the end: zeros past the buffer) from
    /// a bitmap written by `fill`, bit 0 for `start`.
    @inline(__always)
    static func window(_ words: UnsafeMutablePointer<UInt64>, at start: Int) -> UInt64 {
        UnsafeRawPointer(words).loadUnaligned(fromByteOffset: start &>> 3, as: UInt64.self) &>> UInt64(start & 7)
    }
}
