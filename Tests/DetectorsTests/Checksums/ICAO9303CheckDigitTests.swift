@testable import Detectors
import Testing

/// ICAO Doc 9303 Part 3, 4.9 and the Part 4 specimen passport (Anna Maria Eriksson, Utopia):
/// document number L898902C3 → 6, birth 740812 → 2, expiry 120415 → 9, optional data
/// ZE184226B<<<<< → 1, and the worked example 520727 → 3. The German specimen documents (Erika
/// Mustermann): identity cards L01X00T47 → 1 and T22000129 → 3, passport C01X00T47 → 8.
@Suite("ICAO 9303 check digit")
struct ICAO9303CheckDigitTests {
    static let vectors: [(String, Int)] = [
        ("L898902C3", 6), ("740812", 2), ("120415", 9), ("ZE184226B<<<<<", 1), ("520727", 3),
        ("L01X00T47", 1), ("T22000129", 3), ("C01X00T47", 8),
    ]

    @Test("published fields give their check digit", arguments: vectors)
    func published(field: String, check: Int) {
        #expect(ICAO9303CheckDigit.checkDigit(for: Array(field.utf8)) == check)
        #expect(ICAO9303CheckDigit.isValid(field + String(check)))
        #expect(!ICAO9303CheckDigit.isValid(field + String((check + 1) % 10)))
    }

    @Test("characters outside the MRZ set have no value")
    func invalidCharacters() {
        #expect(ICAO9303CheckDigit.checkDigit(for: Array("l898902c3".utf8)) == nil)
        #expect(ICAO9303CheckDigit.checkDigit(for: Array("L89-902C3".utf8)) == nil)
        #expect(!ICAO9303CheckDigit.isValid("6"))
    }
}
