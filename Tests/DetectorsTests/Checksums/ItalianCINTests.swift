@testable import Detectors
import Testing

/// Published Italian-format BBANs: those of the SWIFT IBAN registry's examples for Italy
/// (IT60 X054 2811 1010 0000 0123 456) and San Marino (SM86 U032 2509 8000 0000 0270 100),
/// which use the same CIN.
private let publishedBBANs = ["X0542811101000000123456", "U0322509800000000270100"]

@Suite("Checksums: Italian CIN")
struct ItalianCINTests {
    @Test("published BBANs pass", arguments: publishedBBANs)
    func published(bban: String) {
        #expect(ItalianCIN.isValid(Array(bban.utf8)))
    }

    @Test("the computed letter is the published one", arguments: publishedBBANs)
    func letter(bban: String) {
        #expect(ItalianCIN.checkLetter(for: Array(bban.utf8).dropFirst()) == bban.utf8.first)
    }

    @Test("every other letter fails", arguments: publishedBBANs)
    func otherLetters(bban: String) {
        for letter in UInt8(ascii: "A")...UInt8(ascii: "Z") where letter != bban.utf8.first {
            #expect(!ItalianCIN.isValid([letter] + Array(bban.utf8.dropFirst())))
        }
    }

    @Test("a changed account character or swapped neighbours fail")
    func mutations() {
        #expect(!ItalianCIN.isValid(Array("X0542811101000000123457".utf8)))
        #expect(!ItalianCIN.isValid(Array("X0542811101000000213456".utf8)))
    }

    @Test("wrong lengths and other characters are invalid")
    func degenerate() {
        #expect(!ItalianCIN.isValid(Array("X054281110100000012345".utf8)))
        #expect(!ItalianCIN.isValid(Array("X05428111010000001234-6".utf8)))
        #expect(ItalianCIN.checkLetter(for: Array("123".utf8)) == nil)
    }
}
