/// The control letter of a Spanish DNI (`12345678Z`) and NIE (`X1234567L`), as the Ministerio
/// del Interior publishes it: the eight-digit number modulo 23 indexes `TRWAGMYFPDXBNJZSQVHLCKE`;
/// for a NIE the leading X, Y or Z stands for 0, 1 or 2. Spanish driving licences carry the
/// holder's DNI or NIE.
public enum SpanishIdentityLetter {
    static let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE".utf8)

    /// The control letter for an eight-digit number, or nil if it is out of range. O(1).
    public static func letter(for number: Int) -> Character? {
        guard (0...99_999_999).contains(number) else { return nil }
        return Character(Unicode.Scalar(letters[number % 23]))
    }

    /// Whether `identifier` (ASCII, upper case, no separators) is eight digits or a NIE prefix
    /// and seven digits, followed by the right control letter. O(1).
    public static func isValid<Bytes: Collection<UInt8>>(_ identifier: Bytes) -> Bool {
        let c = Array(identifier)
        guard c.count == 9 else { return false }
        var number = 0
        for (i, byte) in c.dropLast().enumerated() {
            var d = Int(byte) - 0x30
            if i == 0 {
                switch byte {
                case UInt8(ascii: "X"): d = 0
                case UInt8(ascii: "Y"): d = 1
                case UInt8(ascii: "Z"): d = 2
                default: break
                }
            }
            guard (0...9).contains(d) else { return false }
            number = number * 10 + d
        }
        return letter(for: number)?.asciiValue == c[8]
    }
}
