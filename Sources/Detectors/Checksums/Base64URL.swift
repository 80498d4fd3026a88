/// Base64url decoding (RFC 4648 §5) without padding, as JSON Web Tokens use it.
public enum Base64URL {
    /// The decoded bytes of `text` (characters `A-Z a-z 0-9 - _`, optionally `=`-padded), or nil
    /// if a character is outside the alphabet or the length cannot be base64 (a remainder of one
    /// character). Complexity: O(n).
    public static func decode<C: Collection>(_ text: C) -> [UInt8]? where C.Element == UInt8 {
        Base64.decode(text, alphabet: .url)
    }
}
