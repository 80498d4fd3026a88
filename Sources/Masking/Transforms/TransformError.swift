/// Why a transform could not be applied to a value, or why its options are invalid.
///
/// Never holds the value or key material: the message says what was wrong in general terms
/// ("fewer than 6 digits and fewer than 5 letters"), and the caller adds the place (file,
/// record, column).
public struct TransformError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; an open set, so new kinds do not break callers that switch on it.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        public let name: String
        private init(_ name: String) { self.name = name }

        /// The transform needs a key (hash, token, encrypt, shiftDate) and none was given.
        public static let keyRequired = Kind("keyRequired")
        /// The value has too few characters of the kind the transform works on (FF1's
        /// minimum domain of 1,000,000, or fewer than 7 digits with `keepLuhnValid`).
        public static let valueTooShort = Kind("valueTooShort")
        /// The value is longer than the transform accepts (FF1: more than
        /// `FF1.maximumLength` numerals in one class).
        public static let valueTooLong = Kind("valueTooLong")
        /// The value is not a date in one of the recognised layouts, is not a real calendar
        /// date (`2023-02-30`), or would move outside years 1...9999.
        public static let notADate = Kind("notADate")
        /// A transform's options are out of range (a policy error, found when it loads).
        public static let invalidOption = Kind("invalidOption")
        /// A key of the wrong size was given to a cipher.
        public static let invalidKey = Kind("invalidKey")
        /// A numeral outside `0..<radix` was given to FF1.
        public static let invalidNumeral = Kind("invalidNumeral")

        public var description: String { name }
    }

    public var kind: Kind
    /// A description of the failure that never quotes the value.
    public var message: String

    /// An error of `kind`; without a message, a generic one for the kind.
    public init(_ kind: Kind, _ message: String? = nil) {
        self.kind = kind
        self.message = message ?? Self.defaultMessage(kind)
    }

    private static func defaultMessage(_ kind: Kind) -> String {
        switch kind {
        case .keyRequired: "this transform needs a masking key"
        case .valueTooShort: "the value is too short for this transform"
        case .valueTooLong: "the value is too long for this transform"
        case .notADate: "the value is not a date in a recognised layout"
        case .invalidOption: "invalid transform option"
        case .invalidKey: "invalid key size"
        case .invalidNumeral: "a numeral is outside the radix"
        default: kind.name
        }
    }

    public var description: String { "\(kind): \(message)" }
}
