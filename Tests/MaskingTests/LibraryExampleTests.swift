@testable import Masking
import Testing

/// README's "Masking" library example, compiled and run (the key comes from a dictionary
/// standing in for the environment).
@Suite struct LibraryExampleTests {
    @Test func readmeExample() throws {
        let environment = ["PIISCAN_MASKING_KEY": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"]
        let policy = try MaskingPolicy(text: """
            version: 1
            default: {token: {prefix: type}}
            rules:
              - columns: [notes]
                transform: {remove: field}
            """, path: "inline-policy")
        let key = try MaskingKey(environmentVariable: "PIISCAN_MASKING_KEY", environment: environment)
        let masker = try Masker(policy: policy, key: key)

        let rows: [[(name: String, value: String)]] = [
            [("id", "1"), ("email", "riley.fixture46@example.org"), ("notes", "called twice")],
        ]
        var output: [[(name: String, value: String)]] = []
        for row in rows {
            guard let masked = try masker.mask(record: row) else { continue }
            output.append(masked)
        }
        #expect(output.count == 1)
        #expect(output[0].map(\.name) == ["id", "email"])
        #expect(output[0][0].value == "1")
        #expect(output[0][1].value.hasPrefix("EMAIL_ADDRESS_"))
        #expect(masker.recordCounts == ["EMAIL_ADDRESS": ["token": 1], "column:notes": ["remove-field": 1]])
    }
}
