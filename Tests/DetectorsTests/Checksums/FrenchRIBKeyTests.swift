@testable import Detectors
import Testing

/// Published French-format RIBs: the BBANs of the SWIFT IBAN registry's examples for France
/// (FR14 2004 1010 0505 0001 3M02 606) and Monaco (MC58 1122 2000 0101 2345 6789 030), which use
/// the same RIB and key.
private let publishedRIBs = ["20041010050500013M02606", "11222000010123456789030"]

@Suite("Checksums: French RIB key")
struct FrenchRIBKeyTests {
    @Test("published RIBs pass", arguments: publishedRIBs)
    func published(rib: String) {
        #expect(FrenchRIBKey.isValid(Array(rib.utf8)))
    }

    @Test("the computed key is the published one", arguments: publishedRIBs)
    func key(rib: String) {
        let bytes = Array(rib.utf8)
        let expected = Int(String(rib.suffix(2)))
        #expect(FrenchRIBKey.key(bank: bytes[0..<5], branch: bytes[5..<10], account: bytes[10..<21])
            == expected)
    }

    @Test("every other key fails", arguments: publishedRIBs)
    func otherKeys(rib: String) {
        let body = String(rib.dropLast(2)), published = Int(String(rib.suffix(2))) ?? -1
        for key in 0...99 where key != published {
            let candidate = body + (key < 10 ? "0\(key)" : "\(key)")
            #expect(!FrenchRIBKey.isValid(Array(candidate.utf8)), "\(candidate)")
        }
    }

    @Test("a letter counts as its digit (M as 4), in either case")
    func letters() {
        #expect(FrenchRIBKey.isValid(Array("20041010050500013402606".utf8)))
        #expect(FrenchRIBKey.isValid(Array("20041010050500013m02606".utf8)))
        #expect(!FrenchRIBKey.isValid(Array("20041010050500013N02606".utf8)))
    }

    @Test("wrong lengths and other characters are invalid")
    func degenerate() {
        #expect(!FrenchRIBKey.isValid(Array("2004101005050001302606".utf8)))
        #expect(!FrenchRIBKey.isValid(Array("20041010050500013-02606".utf8)))
        #expect(!FrenchRIBKey.isValid([]))
    }
}
