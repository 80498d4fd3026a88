@testable import Detectors
import Testing

extension ChecksumTests {
    /// Base64 and base64url decoding, with RFC 4648's test vectors.
    @Suite("Base64")
    struct Base64Tests {
        /// RFC 4648 §10.
        @Test("RFC 4648 test vectors", arguments: [
            ("", ""), ("Zg==", "f"), ("Zm8=", "fo"), ("Zm9v", "foo"), ("Zm9vYg==", "foob"),
            ("Zm9vYmE=", "fooba"), ("Zm9vYmFy", "foobar"),
        ])
        func rfc4648(encoded: String, decoded: String) {
            #expect(Base64.decode(Array(encoded.utf8)) == Array(decoded.utf8))
            #expect(Base64.decode(Array(encoded.utf8), canonical: true) == Array(decoded.utf8))
            // Padding is optional.
            let bare = encoded.filter { $0 != "=" }
            #expect(Base64.decode(Array(bare.utf8)) == Array(decoded.utf8))
        }

        /// RFC 7617 §2's example credentials, `test:123£` in UTF-8.
        @Test func rfc7617Example() {
            #expect(Base64.decode(Array("dGVzdDoxMjPCow==".utf8)) == Array("test:123\u{A3}".utf8))
        }

        @Test("malformed", arguments: [
            "Zm9vY",      // one character left over
            "Zg=g",       // data after padding
            "Zm9v=",      // padding after a complete group
            "Zg=",        // padding that does not complete the group
            "Zg===",      // three padding characters
            "Zm9v YmFy",  // a space
            "PDw_Pz4-",   // the URL alphabet
        ])
        func malformed(text: String) {
            #expect(Base64.decode(Array(text.utf8)) == nil)
        }

        /// RFC 4648 §3.5: an encoder sets the unused bits of the last character to zero.
        @Test func nonCanonicalEndings() {
            #expect(Base64.decode(Array("Zh==".utf8)) == Array("f".utf8))
            #expect(Base64.decode(Array("Zh==".utf8), canonical: true) == nil)
            #expect(Base64.decode(Array("Zm9=".utf8), canonical: true) == nil)
            #expect(Base64.decode(Array("Zm8=".utf8), canonical: true) == Array("fo".utf8))
        }

        @Test("base64url", arguments: [
            ("", ""), ("Zg", "f"), ("Zm8", "fo"), ("Zm9v", "foo"), ("Zm9vYg", "foob"), ("Zm9vYg==", "foob"),
            ("PDw_Pz4-", "<<??>>"),
            // RFC 7515 appendix A.1: the example JWS header.
            ("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9", "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}"),
        ])
        func base64URL(encoded: String, decoded: String) {
            #expect(Base64URL.decode(Array(encoded.utf8)) == Array(decoded.utf8))
        }

        @Test func base64URLRejectsTheStandardAlphabet() {
            #expect(Base64URL.decode(Array("PDw/Pz4+".utf8)) == nil)
            #expect(Base64.decode(Array("PDw/Pz4+".utf8)) == Array("<<??>>".utf8))
        }
    }
}
