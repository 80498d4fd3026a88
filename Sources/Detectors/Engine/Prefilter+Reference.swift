/// The prefilter's plain reference: the per-check loop the grouped, bitmap-driven
/// `forEachCandidate` replaced, kept as the test oracle for it (tests compare the candidate
/// sets of both on random and adversarial inputs).
extension PrefilterTables {
    /// Calls `body(id, start)` for every candidate of the per-byte checks, one check at a time,
    /// deciding preconditions with `Precondition.holds`.
    func forEachCandidateReference(_ base: UnsafePointer<UInt8>, count: Int, owned: Range<Int>, scanEnd: Int,
                                   _ body: (_ id: Int, _ start: Int) -> Void) {
        var i = owned.lowerBound
        // At the start of the buffer the previous byte is taken as 0x00 by the skip test.
        var previous: Int = i > 0 ? Int(base[i - 1]) : 0
        while i < scanEnd {
            let byte = Int(base[i])
            let bit = byte << 8 | previous
            previous = byte
            if skip[bit >> 3] & (UInt8(1) << UInt8(bit & 7)) != 0 {
                i += 1
                continue
            }
            let before: UInt8? = i > 0 ? base[i - 1] : nil
            for k in first[byte]..<first[byte + 1] {
                let check = checks[k]
                switch check.kind {
                case .start:
                    guard i < owned.upperBound else { continue }
                    if let before, check.bytes.contains(before) { continue }
                    if let p = check.precondition, !p.holds(base, i, count) { continue }
                    body(check.id, i)
                case .literal:
                    guard i < owned.upperBound, i + check.literalCount <= count else { continue }
                    if let before, check.bytes.contains(before) { continue }
                    var same = true
                    for j in 1..<max(1, check.literalCount) where base[i + j] != pool[check.literalStart + j] {
                        same = false
                        break
                    }
                    if !same { continue }
                    if let p = check.precondition, !p.holds(base, i, count) { continue }
                    body(check.id, i)
                case .pivot:
                    var s = i
                    let limit = max(0, i - check.maxBack)
                    while s > limit && check.bytes.contains(base[s - 1]) { s -= 1 }
                    if s > 0 && check.bytes.contains(base[s - 1]) { continue }
                    guard owned.contains(s), s < i else { continue }
                    if let p = check.precondition, !p.holds(base, s, count) { continue }
                    body(check.id, s)
                }
            }
            i += 1
        }
    }
}
