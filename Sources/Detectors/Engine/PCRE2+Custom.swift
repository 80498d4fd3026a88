internal import CPCRE2

/// What custom identifiers need from PCRE2 beyond anchored verification: facts about a compiled
/// pattern (its possible first bytes, its shortest match, its longest lookbehind, its groups),
/// matching over a bounded subject with hard partial matching, unanchored search, and group
/// ranges.
extension PCRE2Pattern {
    /// The bytes a match can start with, from PCRE2's own study of the pattern: its first code
    /// unit (both ASCII cases, since a caseless first unit is reported in one case only) or its
    /// start bitmap. Nil when PCRE2 knows neither (the pattern starts with `.`, an assertion PCRE2
    /// cannot see through, `^` in multiline mode...), or when the first unit is not ASCII.
    ///
    /// Must be asked of the pattern compiled *without* `PCRE2_ANCHORED`: PCRE2 does not study
    /// the first unit of anchored patterns.
    var firstBytes: ByteSet? {
        var type: UInt32 = 0
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type) == 0 else { return nil }
        if type == 1 {
            var unit: UInt32 = 0
            guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &unit) == 0, unit < 0x80 else {
                return nil
            }
            var set = ByteSet(bytes: [UInt8(unit)])
            let byte = UInt8(unit)
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                set.insert(byte | 0x20)
                set.insert(byte & ~0x20)
            }
            return set
        }
        if type == 2 { return nil }
        var bitmap: UnsafePointer<UInt8>? = nil
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap) == 0, let bitmap else { return nil }
        var set = ByteSet()
        for b in 0..<256 where bitmap[b >> 3] & (UInt8(1) << UInt8(b & 7)) != 0 {
            set.insert(UInt8(b))
        }
        return set.isEmpty ? nil : set
    }

    /// A lower bound on the length of any match, in code units (bytes).
    var minLength: Int {
        var n: UInt32 = 0
        _ = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MINLENGTH), &n)
        return Int(n)
    }

    /// The longest lookbehind, in bytes (characters times four in UTF mode).
    var maxLookbehind: Int {
        var n: UInt32 = 0
        _ = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MAXLOOKBEHIND), &n)
        return isUTF ? Int(n) * 4 : Int(n)
    }

    /// Whether the pattern can match the empty string.
    var canMatchEmpty: Bool {
        var n: UInt32 = 0
        _ = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MATCHEMPTY), &n)
        return n != 0
    }

    /// Whether the pattern was compiled in UTF mode (it starts with `(*UTF)`).
    var isUTF: Bool {
        var all: UInt32 = 0
        _ = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_ALLOPTIONS), &all)
        return all & UInt32(PCRE2_UTF) != 0
    }

    /// The number of the group called `name`, or nil.
    func groupNumber(named name: String) -> Int? {
        let bytes = Array(name.utf8) + [0]
        let n = bytes.withUnsafeBufferPointer { pcre2_substring_number_from_name_8(code, $0.baseAddress) }
        return n > 0 ? Int(n) : nil
    }

    /// Matches the anchored pattern at `start` in `subject[0..<length]` (bytes before `start`
    /// are visible to lookbehind). With `partial`, a match attempt that reaches the end of the
    /// subject is reported as `.partial` (`PCRE2_PARTIAL_HARD`): the caller cut the subject
    /// short and cannot tell what the bytes after it would change. The pattern must have been
    /// compiled with `partialMatching` for `partial` to be used.
    ///
    /// On `.match`, `state` holds the ovector. Complexity: bounded by the match limit.
    @inline(__always)
    func match(in subject: UnsafeRawBufferPointer, length: Int, at start: Int, partial: Bool,
               state: PCRE2MatchState) throws(PCRE2Error) -> PCRE2Outcome {
        let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let options: UInt32 = partial ? UInt32(PCRE2_PARTIAL_HARD) : 0
        let rc = pcre2_jit_match_8(code, base, length, start, options, state.matchData, state.context)
        return try PCRE2Outcome(rc)
    }
}

extension PCRE2Pattern {
    /// The compiled code as plain data, for hot loops; valid while this pattern lives.
    var reference: PCRE2CodeReference { PCRE2CodeReference(code: code) }
}

/// A compiled pattern's code without ownership (no reference counting in hot loops). The
/// `PCRE2Pattern` it came from must outlive it.
struct PCRE2CodeReference {
    let code: OpaquePointer

    /// As `PCRE2Pattern.match(in:length:at:partial:state:)`.
    @inline(__always)
    func match(in base: UnsafePointer<UInt8>, length: Int, at start: Int, partial: Bool,
               state: PCRE2MatchState) throws(PCRE2Error) -> PCRE2Outcome {
        let options: UInt32 = partial ? UInt32(PCRE2_PARTIAL_HARD) : 0
        let rc = pcre2_jit_match_8(code, base, length, start, options, state.matchData, state.context)
        return try PCRE2Outcome(rc)
    }

    /// Searches (unanchored) `base[0..<length]` from `start` for the leftmost match; on
    /// `.match`, `state` holds the ovector. Complexity: O(length - start) times the pattern's
    /// work per position, bounded by the match limit.
    func search(in base: UnsafePointer<UInt8>, length: Int, from start: Int,
                state: PCRE2MatchState) throws(PCRE2Error) -> PCRE2Outcome {
        let rc = pcre2_jit_match_8(code, base, length, start, 0, state.matchData, state.context)
        return try PCRE2Outcome(rc)
    }
}

/// The result of one PCRE2 match call that did not fail.
enum PCRE2Outcome {
    case match
    case noMatch
    /// `PCRE2_PARTIAL_HARD` found the subject's end before deciding.
    case partial

    @inline(__always)
    init(_ rc: Int32) throws(PCRE2Error) {
        if rc >= 0 { self = .match; return }
        if rc == PCRE2_ERROR_NOMATCH { self = .noMatch; return }
        if rc == PCRE2_ERROR_PARTIAL { self = .partial; return }
        if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT
            || rc == PCRE2_ERROR_HEAPLIMIT {
            throw PCRE2Error(kind: .matchLimit, code: rc, offset: nil, message: PCRE2Error.message(for: rc))
        }
        throw PCRE2Error(kind: .match, code: rc, offset: nil, message: PCRE2Error.message(for: rc))
    }
}

extension PCRE2MatchState {
    /// The range of group `group` (0 for the whole match) after a successful match, or nil if the
    /// group did not take part in it.
    @inline(__always)
    func range(ofGroup group: Int) -> Range<Int>? {
        guard group < 32, let ovector = pcre2_get_ovector_pointer_8(matchData) else { return nil }
        let start = ovector[2 * group], end = ovector[2 * group + 1]
        // An unset pair holds PCRE2_UNSET (Int.max as a size_t read back as -1 or a huge value).
        guard start <= end, end != cpcre2_unset() else { return nil }
        return start..<end
    }
}
