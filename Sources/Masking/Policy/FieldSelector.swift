import Records

/// A JSONPath-like pattern that selects fields of a record: `$.customer.email`,
/// `$.orders[*].card`, `$['first name']`, `$.phones[0]`.
///
/// A pattern selects a field when it is a prefix of the field's path, so `$.customer` selects
/// every value under `customer`. `[*]` matches any array index; a name never matches an index.
public struct PathPattern: Sendable, Hashable, CustomStringConvertible {
    public enum Step: Sendable, Hashable {
        case name(String)
        case index(Int)
        case anyIndex
    }

    public var steps: [Step]
    /// The text the pattern was parsed from.
    public var description: String

    /// Parses `$`, then `.name`, `['name']`, `["name"]`, `[N]` or `[*]` steps.
    /// - Returns: nil when the text is not such a path.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "$") else { return nil }
        var steps: [Step] = []
        var i = 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: ".") {
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: "."), bytes[j] != UInt8(ascii: "[") { j += 1 }
                guard j > i + 1 else { return nil }
                steps.append(.name(String(decoding: bytes[(i + 1)..<j], as: UTF8.self)))
                i = j
            } else if bytes[i] == UInt8(ascii: "[") {
                guard i + 1 < bytes.count else { return nil }
                let quote = bytes[i + 1]
                if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") {
                    var name: [UInt8] = []
                    var j = i + 2
                    var closed = false
                    while j < bytes.count {
                        if bytes[j] == UInt8(ascii: "\\"), j + 1 < bytes.count {
                            name.append(bytes[j + 1])
                            j += 2
                            continue
                        }
                        if bytes[j] == quote { closed = true; break }
                        name.append(bytes[j])
                        j += 1
                    }
                    guard closed, j + 1 < bytes.count, bytes[j + 1] == UInt8(ascii: "]") else { return nil }
                    steps.append(.name(String(decoding: name, as: UTF8.self)))
                    i = j + 2
                } else {
                    guard let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
                    let inner = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                    if inner == "*" {
                        steps.append(.anyIndex)
                    } else if let n = Int(inner), n >= 0 {
                        steps.append(.index(n))
                    } else {
                        return nil
                    }
                    i = close + 1
                }
            } else {
                return nil
            }
        }
        self.steps = steps
        self.description = text
    }

    /// The pattern `$.name`: a top-level field.
    public init(topLevel name: String) {
        steps = [.name(name)]
        description = FieldPath([.name(name)]).description
    }

    /// Whether the pattern is a prefix of `path`.
    public func selects(_ path: FieldPath) -> Bool {
        guard steps.count <= path.elements.count else { return false }
        for (step, element) in zip(steps, path.elements) {
            switch (step, element) {
            case (.name(let a), .name(let b)) where a == b: continue
            case (.index(let a), .index(let b)) where a == b: continue
            case (.anyIndex, .index): continue
            default: return false
            }
        }
        return true
    }
}
