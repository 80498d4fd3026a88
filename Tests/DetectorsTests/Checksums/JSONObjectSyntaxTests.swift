@testable import Detectors
import Testing

extension ChecksumTests {
    /// The strict JSON object check behind JSON_WEB_TOKEN.
    @Suite("JSON object syntax")
    struct JSONObjectSyntaxTests {
        @Test("JSON objects", arguments: [
            #"{"alg":"HS256","typ":"JWT"}"#, #" { "a" : [1, -2.5e3, true, null, {"b": "\u00e9\n"}] } "#, "{}",
            // RFC 8259 §13's first example, shortened.
            #"{"Image": {"Width": 800, "Height": 600, "Title": "View from 15th Floor", "Animated" : false, "IDs": [116, 943, 234, 38793]}}"#,
        ])
        func jsonObjects(text: String) {
            #expect(JSONObjectSyntax.members(of: Array(text.utf8)) != nil)
        }

        @Test("not JSON objects", arguments: [
            #"{"alg":"HS256""#, #"["alg"]"#, #"{"a":01}"#, #"{"a":1,}"#, #"{'a':1}"#, #"{"a":"x"} x"#,
            #"{"a":tru}"#, #"{"a":"\q"}"#, "", "{\"a\":\"\u{01}\"}",
        ])
        func notJSONObjects(text: String) {
            #expect(JSONObjectSyntax.members(of: Array(text.utf8)) == nil)
        }

        @Test func topLevelMembers() throws {
            let members = try #require(JSONObjectSyntax.members(of: Array(#"{"alg":"ES256","n":{"alg":"x"},"k":7}"#.utf8)))
            #expect(members.map(\.key) == ["alg", "n", "k"])
            #expect(members.map(\.stringValue) == ["ES256", nil, nil])
        }

        @Test func deepNestingIsRefused() {
            let deep = String(repeating: #"{"a":"#, count: 40) + "1" + String(repeating: "}", count: 40)
            #expect(JSONObjectSyntax.members(of: Array(deep.utf8)) == nil)
        }
    }
}
