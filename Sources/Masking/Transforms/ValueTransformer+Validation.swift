extension ValueTransformer {
    /// Checks a transform's options, so a policy loader rejects a bad policy before a run starts.
    ///
    /// Rules: mask and fill characters are one visible scalar (not a control, format, line
    /// separator or combining mark); `keepFirst`, `keepLast` and prefix counts are not negative;
    /// a hash keeps 1...64 hex or 1...52 base32 characters; a token has 16...52 characters; fixed
    /// redaction text and token prefixes have no control characters; an FF1 tweak is at most 255
    /// UTF-8 bytes and a surrogate name is 1...64 ASCII letters, digits and `_`, not starting with
    /// a digit; `maxDays` is 1...36500 and a subject field name is not empty.
    ///
    /// - Throws: `TransformError` of kind `.invalidOption`, naming the option.
    public static func validate(_ transform: Transform) throws(TransformError) {
        switch transform {
        case .remove, .redact(.label), .generalize(.year):
            return
        case .redact(.fixed(let text)):
            try require(!hasControlCharacters(text), "redaction text must not contain control characters")
        case .mask(let mask):
            try require(isVisibleFill(mask.character), "the mask character must be one visible character")
            try require(mask.keepFirst >= 0 && mask.keepLast >= 0, "keepFirst and keepLast must not be negative")
        case .hash(let options):
            if let length = options.length {
                let limit = options.encoding == .hex ? 64 : 52
                try require((1...limit).contains(length), "a \(options.encoding.rawValue) hash keeps 1...\(limit) characters, not \(length)")
            }
        case .token(let options):
            try require((16...52).contains(options.length), "a token has 16...52 characters, not \(options.length)")
            if case .fixed(let prefix) = options.prefix {
                try require(!hasControlCharacters(prefix), "a token prefix must not contain control characters")
            }
        case .encrypt(let options):
            try require(options.tweak.utf8.count <= 255, "an FF1 tweak is at most 255 UTF-8 bytes")
            if let name = options.surrogate {
                try require(isSurrogateName(name), "a surrogate name is 1...64 ASCII letters, digits or '_', not starting with a digit")
            }
        case .shiftDate(let options):
            try require((1...36500).contains(options.maxDays), "maxDays must be in 1...36500, not \(options.maxDays)")
            if let subject = options.subject {
                try require(!subject.isEmpty, "the subject field name must not be empty")
            }
        case .generalize(.prefix(let count, let fill)):
            try require(count >= 0, "the prefix count must not be negative")
            if let fill {
                try require(isVisibleFill(fill), "the fill character must be one visible character")
            }
        }
    }

    private static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(TransformError) {
        if !condition { throw TransformError(.invalidOption, message()) }
    }

    private static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// A scalar that shows as one character on its own.
    static func isVisibleFill(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .nonspacingMark, .spacingMark,
             .enclosingMark, .surrogate, .unassigned, .privateUse:
            false
        default:
            true
        }
    }

    /// `[A-Za-z_][A-Za-z0-9_]{0,63}`, the names `findSurrogates` recognises.
    static func isSurrogateName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...64).contains(bytes.count), !isASCIIDigit(bytes[0]) else { return false }
        return bytes.allSatisfy(isIdentifierByte)
    }
}

@inline(__always) func isASCIIDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

@inline(__always) func isIdentifierByte(_ byte: UInt8) -> Bool {
    isASCIIDigit(byte) || (byte | 0x20) &- 0x61 < 26 || byte == UInt8(ascii: "_")
}
