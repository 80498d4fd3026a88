/// Why a masking key could not be loaded.
///
/// Names where the key was looked for (a file path or an environment variable's name) and what
/// was wrong with it, never any of its content: not the bytes, not a prefix, not its length in
/// characters beyond "too short".
public struct KeyError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; an open set.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The file or environment variable does not exist.
        public static let missing = Kind("missing")
        /// The file exists but could not be read (permissions, a directory, an I/O error).
        public static let unreadable = Kind("unreadable")
        /// The file or variable is empty (or only whitespace).
        public static let empty = Kind("empty")
        /// Fewer than 32 bytes (256 bits) of key.
        public static let tooShort = Kind("tooShort")
        /// Text that is neither hexadecimal nor base64, or a file too large to be a key.
        public static let malformed = Kind("malformed")

        public var description: String { name }
    }

    public var kind: Kind
    /// The file path or `$NAME` the key was read from, when it came from one.
    public var source: String?
    /// What was wrong, without any key material.
    public var message: String

    public init(_ kind: Kind, source: String? = nil, _ message: String) {
        self.kind = kind
        self.source = source
        self.message = message
    }

    public var description: String { (source.map { "\($0): " } ?? "") + message }
}
