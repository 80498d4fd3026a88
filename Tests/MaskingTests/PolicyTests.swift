import Detectors
import Foundation
@testable import Masking
import Records
import Testing

/// Loading and checking masking policies.
@Suite struct PolicyTests {
    @Test func fullPolicyLoads() throws {
        let p = try policy("""
            version: 1
            key: {env: PIISCAN_TEST_KEY}
            onError: drop
            default: {token: {prefix: type, length: 24}}
            rules:
              - identifiers: [CREDIT_CARD_NUMBER]
                transform: {encrypt: {keepLuhnValid: true, surrogate: CARD}}
              - categories: [CREDENTIALS]
                transform: {remove: value}
              - identifiers: [EMAIL_ADDRESS]
                transform: {mask: {character: '#', keepFirst: 1, keepLast: 4, keepSeparators: true}}
              - identifiers: [EMPLOYEE_ID]
                transform: keep
              - columns: [dob]
                transform: {shiftDate: {maxDays: 90, subject: customer_id}}
              - paths: ['$.patient.zip', '$.visits[*].zip']
                transform: {generalize: {prefix: 3, fill: '*'}}
              - columns: [notes]
                transform: {remove: field}
            limits: {recordBytes: 4096}
            scan:
              managedIdentifiers: {exclude: [IP_ADDRESS]}
              customIdentifiers:
                - name: EMPLOYEE_ID
                  regex: 'EMP-[0-9]{6}'
            """)
        #expect(p.key == .environment("PIISCAN_TEST_KEY"))
        #expect(p.onError == .drop)
        #expect(p.maxRecordBytes == 4096)
        #expect(p.defaultAction == .transform(.token(DeterministicToken(prefix: .type, length: 24))))
        #expect(p.action(forType: "CREDIT_CARD_NUMBER", category: .financialInformation)
                == .transform(.encrypt(FormatPreservingEncryption(keepLuhnValid: true, surrogate: "CARD"))))
        #expect(p.action(forType: "AWS_CREDENTIALS", category: .credentials) == .transform(.remove(.value)))
        #expect(p.action(forType: "EMPLOYEE_ID", category: .customIdentifier) == .keep)
        #expect(p.action(forType: "PHONE_NUMBER", category: .personalInformation) == p.defaultAction)
        #expect(p.action(forColumn: "dob") == .transform(.shiftDate(DateShift(maxDays: 90, subject: "customer_id"))))
        #expect(p.action(forPath: FieldPath([.name("visits"), .index(4), .name("zip")]))
                == .transform(.generalize(.prefix(count: 3, fill: "*"))))
        #expect(p.action(forPath: FieldPath([.name("visits"), .name("zip")])) == nil)
        #expect(p.action(forPath: FieldPath([.name("notes")])) == .transform(.remove(.field)))
        #expect(p.surrogates.keys.sorted() == ["CARD"])
        #expect(p.needsKey)
        let configuration = p.scanConfiguration()
        #expect(configuration.exclude.contains("IP_ADDRESS"))
        #expect(configuration.customIdentifiers.map(\.name) == ["EMPLOYEE_ID"])
        #expect(p.sha256.count == 64)
    }

    @Test func jsonPolicyLoadsToo() throws {
        let p = try policy(#"{"version": 1, "default": "redact", "rules": [{"identifiers": ["EMAIL_ADDRESS"], "transform": {"hash": {"encoding": "base32", "length": 16}}}]}"#)
        #expect(p.action(forType: "EMAIL_ADDRESS", category: .personalInformation)
                == .transform(.hash(KeyedHash(encoding: .base32, length: 16))))
        #expect(p.needsKey)
    }

    @Test func redactOnlyPolicyNeedsNoKey() throws {
        let p = try policy("version: 1\ndefault: redact\n")
        #expect(!p.needsKey)
        #expect(p.defaultAction == .transform(.redact(.label)))
    }

    @Test(arguments: [
        ("version: 1\nrules:\n  - identifiers: [NOT_AN_ID]\n    transform: redact\n", "NOT_AN_ID"),
        ("version: 1\nrules:\n  - identifiers: [EMAIL_ADDRESS]\n    columns: [x]\n    transform: redact\n", "not both"),
        ("version: 1\nrules:\n  - identifiers: [EMAIL_ADDRESS]\n", "needs a transform"),
        ("version: 1\nrules:\n  - transform: redact\n", "needs identifiers"),
        ("version: 1\nrules:\n  - identifiers: [EMAIL_ADDRESS]\n    transform: redact\n  - identifiers: [EMAIL_ADDRESS]\n    transform: hash\n", "already named"),
        ("version: 1\ndefault: scramble\n", "unknown transform"),
        ("version: 1\ndefault: {remove: everything}\n", "value, field or record"),
        ("version: 1\nrules:\n  - paths: ['customer.email']\n    transform: redact\n", "is not a path"),
        ("version: 1\nonError: ignore\n", "pass, drop or fail"),
        ("version: 1\nkey: {file: a, env: B}\n", "exactly one"),
        ("version: 1\ncolour: blue\n", "unknown field"),
        ("version: 1\ndefault: {generalize: decade}\n", "year"),
        ("version: 1\ndefault: {mask: {character: '**'}}\n", "one character"),
        ("version: 1\nlimits: {recordBytes: 10}\n", "recordBytes"),
    ])
    func badPoliciesAreRejectedWithTheirLine(yaml: String, expected: String) {
        #expect {
            _ = try policy(yaml)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.description.contains(expected) && error.description.hasPrefix("test-policy.yaml: ")
        }
    }

    @Test func pathPatterns() throws {
        let pattern = try #require(PathPattern("$.a['b c'][*].d[2]"))
        #expect(pattern.steps == [.name("a"), .name("b c"), .anyIndex, .name("d"), .index(2)])
        #expect(pattern.selects(FieldPath([.name("a"), .name("b c"), .index(7), .name("d"), .index(2), .name("e")])))
        #expect(!pattern.selects(FieldPath([.name("a"), .name("b c"), .index(7), .name("d"), .index(3)])))
        #expect(PathPattern("a.b") == nil)
        #expect(PathPattern("$.a[x]") == nil)
    }
}
