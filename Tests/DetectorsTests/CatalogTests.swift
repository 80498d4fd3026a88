import Testing
@testable import Detectors

/// Checks every managed identifier's definition for what `piiscan identifiers` and the engine
/// rely on; one failure names the identifier at fault.
@Suite("Managed identifier catalog")
struct CatalogTests {
    static let all = ManagedIdentifiers.all

    @Test(arguments: all.map(\.id))
    func definitionIsComplete(id: String) {
        for identifier in Self.all where identifier.id == id {
            #expect(id.allSatisfy { $0.isUppercase || $0.isNumber || "_()".contains($0) }, "ID spelling")
            #expect(!identifier.summary.isEmpty, "summary")
            #expect(!identifier.validation.isEmpty, "validation")
            #expect(identifier.maxLength > 0)
            if identifier.keywordRule != .none {
                #expect(!identifier.keywords.isEmpty, "a keyword rule needs keywords")
            }
            for keyword in identifier.keywords {
                #expect(keyword == keyword.lowercased() && keyword.count >= 2, "keyword \(keyword)")
            }
        }
    }

    @Test func everyPatternCompiles() throws {
        let engine = try ScanEngine()
        #expect(engine.identifiers.count == Self.all.count)
    }

    /// Two definitions may share an ID (Macie's AWS_CREDENTIALS covers a key ID and a secret),
    /// but then they must agree on what a user sees: category and severity.
    @Test func definitionsSharingAnIDAgree() {
        for (id, group) in Dictionary(grouping: Self.all, by: \.id) where group.count > 1 {
            #expect(Set(group.map(\.category)).count == 1, "\(id) category")
            #expect(Set(group.map(\.severity)).count == 1, "\(id) severity")
        }
    }
}
