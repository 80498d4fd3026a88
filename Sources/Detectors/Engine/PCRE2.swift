internal import CPCRE2

/// An error from PCRE2: a pattern that does not compile, or a match that failed for a reason
/// other than "no match" (such as the match limit).
public struct PCRE2Error: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case compile
        case jit
        case matchLimit
        case match
    }
    public var kind: Kind
    /// PCRE2's error code.
    public var code: Int32
    /// For compile errors, the offset in the pattern where PCRE2 stopped.
    public var offset: Int?
    /// PCRE2's own message for the code.
    public var message: String

    public var description: String {
        if let offset { return "\(message) at offset \(offset) in the pattern" }
        return message
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, 256) }
        return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}

/// A compiled, JIT-compiled PCRE2 pattern. Immutable once built, so one value serves every
/// thread; each thread matches with its own `PCRE2MatchState`.
final class PCRE2Pattern: @unchecked Sendable {
    let code: OpaquePointer

    /// Compiles `pattern`. `anchored` compiles it with `PCRE2_ANCHORED`, which the JIT fast path
    /// needs (it ignores the option at match time); `endAnchored` with `PCRE2_ENDANCHORED` (the
    /// match must end at the subject's end). `partialMatching` also JIT-compiles the
    /// `PCRE2_PARTIAL_HARD` variant (see `PCRE2+Custom.swift`). Invalid UTF-8 in subjects is
    /// data: the pattern is byte-oriented (no `PCRE2_UTF`) unless the pattern itself says
    /// `(*UTF)`, and then it is compiled with `PCRE2_MATCH_INVALID_UTF` so invalid sequences
    /// simply do not match.
    init(_ pattern: String, anchored: Bool, caseless: Bool = false, endAnchored: Bool = false,
         partialMatching: Bool = false) throws(PCRE2Error) {
        var options: UInt32 = 0
        if anchored { options |= UInt32(PCRE2_ANCHORED) }
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        if endAnchored { options |= UInt32(PCRE2_ENDANCHORED) }
        let bytes = Array(pattern.utf8)
        func compile(_ options: UInt32) throws(PCRE2Error) -> OpaquePointer {
            var errorCode: Int32 = 0
            var errorOffset: Int = 0
            let compiled = bytes.withUnsafeBufferPointer { p in
                pcre2_compile_8(p.baseAddress, p.count, options, &errorCode, &errorOffset, nil)
            }
            guard let compiled else {
                throw PCRE2Error(kind: .compile, code: errorCode, offset: errorOffset,
                                 message: PCRE2Error.message(for: errorCode))
            }
            return compiled
        }
        var compiled = try compile(options)
        var all: UInt32 = 0
        _ = pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_ALLOPTIONS), &all)
        if all & UInt32(PCRE2_UTF) != 0 && options & UInt32(PCRE2_MATCH_INVALID_UTF) == 0 {
            pcre2_code_free_8(compiled)
            compiled = try compile(options | UInt32(PCRE2_MATCH_INVALID_UTF))
        }
        var jitOptions = UInt32(PCRE2_JIT_COMPLETE)
        if partialMatching { jitOptions |= UInt32(PCRE2_JIT_PARTIAL_HARD) }
        let jit = pcre2_jit_compile_8(compiled, jitOptions)
        if jit != 0 {
            pcre2_code_free_8(compiled)
            throw PCRE2Error(kind: .jit, code: jit, offset: nil, message: PCRE2Error.message(for: jit))
        }
        code = compiled
    }

    deinit { pcre2_code_free_8(code) }

    /// The number of capturing groups.
    var captureCount: Int {
        var n: UInt32 = 0
        _ = pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &n)
        return Int(n)
    }

    /// Matches at `start` (the pattern is anchored) in `subject` and returns the end of the
    /// match, nil for no match, or throws when the match limit is hit.
    /// Complexity: bounded by the match limit.
    @inline(__always)
    func matchEnd(in subject: UnsafeRawBufferPointer, at start: Int, state: PCRE2MatchState) throws(PCRE2Error) -> Int? {
        let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let rc = pcre2_jit_match_8(code, base, subject.count, start, 0, state.matchData, state.context)
        if rc >= 0 {
            // rc == 0 means the ovector had too few pairs for every group; pair 0 is still set.
            guard let ovector = pcre2_get_ovector_pointer_8(state.matchData) else { return nil }
            return ovector[1]
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT {
            throw PCRE2Error(kind: .matchLimit, code: rc, offset: nil, message: PCRE2Error.message(for: rc))
        }
        throw PCRE2Error(kind: .match, code: rc, offset: nil, message: PCRE2Error.message(for: rc))
    }
}

/// Per-thread PCRE2 state: one match-data block and one match context (carrying the match
/// limit), created once per scratch and reused for every verification.
final class PCRE2MatchState {
    let matchData: OpaquePointer
    let context: OpaquePointer

    init(matchLimit: UInt32) {
        // 32 pairs covers any group a custom identifier may name; creation cannot fail short of
        // memory exhaustion, which Swift treats as fatal anyway.
        guard let md = pcre2_match_data_create_8(32, nil), let ctx = pcre2_match_context_create_8(nil) else {
            fatalError("PCRE2 could not allocate match data (out of memory)")
        }
        pcre2_set_match_limit_8(ctx, matchLimit)
        pcre2_set_depth_limit_8(ctx, matchLimit)
        matchData = md
        context = ctx
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
    }
}
