/// Keyword proximity, as Macie's managed identifiers use it.
///
/// In text a keyword counts when it ends at most `distance` bytes before the match starts,
/// compared case-insensitively (ASCII letters), with no letter or digit just before or after it
/// (so `ssn` counts in `user_ssn:` and `SSN#` but not in `classname`, and `cc` not inside the
/// hex digest `53cc02`). In structured data a column
/// name or any element name on a record's path counts too; names are compared word by word
/// after splitting camelCase and punctuation (`DateOfBirth`, `date_of_birth` and
/// `date-of-birth` all carry `date of birth`).
enum Keywords {
    /// The index of the first keyword (in `keywords`, lower-case bytes) that ends within
    /// `distance` bytes before `start` in `buffer`, or nil.
    static func before(_ start: Int, in buffer: UnsafeRawBufferPointer, keywords: [[UInt8]], distance: Int) -> Int? {
        for (k, keyword) in keywords.enumerated() {
            let n = keyword.count
            guard n > 0 else { continue }
            var end = start
            let lowest = max(n, start - distance)
            while end >= lowest {
                if matches(keyword, at: end - n, in: buffer) { return k }
                end -= 1
            }
        }
        return nil
    }

    @inline(__always)
    static func isAlphanumeric(_ b: UInt8) -> Bool {
        ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    @inline(__always)
    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    private static func matches(_ keyword: [UInt8], at position: Int, in buffer: UnsafeRawBufferPointer) -> Bool {
        for (k, expected) in keyword.enumerated() where lower(buffer[position + k]) != expected { return false }
        if let first = keyword.first, isAlphanumeric(first), position > 0, isAlphanumeric(buffer[position - 1]) {
            return false
        }
        let after = position + keyword.count
        if let last = keyword.last, isAlphanumeric(last), after < buffer.count, isAlphanumeric(buffer[after]) {
            return false
        }
        return true
    }

    /// The first keyword carried by one of `names`, or nil.
    static func inNames(_ names: [String], keywords: [String]) -> String? {
        let nameWords = names.map(words)
        for keyword in keywords {
            let keywordWords = words(keyword)
            guard !keywordWords.isEmpty else { continue }
            let joined = keywordWords.joined()
            for candidate in nameWords {
                if contains(candidate, keywordWords) || candidate.contains(joined) || candidate.joined() == joined {
                    return keyword
                }
            }
        }
        return nil
    }

    /// Lower-case words of a name: split at non-alphanumerics and at lower-to-upper case changes.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previousWasLower = false
        for scalar in text.unicodeScalars {
            let isAlnum = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if !isAlnum {
                if !current.isEmpty { result.append(current); current = "" }
                previousWasLower = false
                continue
            }
            let isUpper = scalar.properties.isUppercase
            if isUpper && previousWasLower && !current.isEmpty {
                result.append(current)
                current = ""
            }
            current += String(scalar).lowercased()
            previousWasLower = scalar.properties.isLowercase
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle {
            return true
        }
        return false
    }
}
