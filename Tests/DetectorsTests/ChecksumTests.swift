@testable import Detectors
import Testing

@Suite("Checksums")
struct ChecksumTests {}

/// Replaces the last character with the next digit (9 becomes 0, X becomes 0).
private func mutatingLastDigit(_ number: String) -> String {
    let last = number.last?.wholeNumberValue ?? 9
    return String(number.dropLast()) + String((last + 1) % 10)
}

private func digits(_ number: String) -> [Int] { number.compactMap(\.wholeNumberValue) }

extension ChecksumTests {
    @Suite("Luhn")
    struct LuhnTests {
        @Test("published numbers pass", arguments: LuhnVectors.valid)
        func published(number: String) {
            #expect(Luhn.isValid(digits(number)))
        }

        @Test("a mutated check digit fails", arguments: LuhnVectors.valid)
        func mutatedCheckDigit(number: String) {
            #expect(!Luhn.isValid(digits(mutatingLastDigit(number))))
        }

        @Test("the computed check digit is the published one", arguments: LuhnVectors.valid)
        func checkDigit(number: String) {
            let all = digits(number)
            #expect(Luhn.checkDigit(for: Array(all.dropLast())) == all.last)
        }

        @Test("swapping two adjacent different digits fails")
        func transposition() {
            #expect(!Luhn.isValid(digits("1411111111111111")))
            #expect(!Luhn.isValid(digits("79927398731")))
        }

        @Test("fewer than two digits and out-of-range values are invalid")
        func degenerate() {
            #expect(!Luhn.isValid([]))
            #expect(!Luhn.isValid([0]))
            #expect(!Luhn.isValid([1, 10, 8]))
            #expect(Luhn.checkDigit(for: [1, -1]) == nil)
        }
    }
}

extension ChecksumTests {
    @Suite("Mod 97 (IBAN)")
    struct Mod97Tests {
        static let examples = Mod97Vectors.registryExamples.values.sorted()

        @Test("the registry's example IBANs pass", arguments: examples)
        func registryExample(iban: String) {
            #expect(Mod97.isValidIBAN(iban))
            #expect(Mod97.ibanRemainder(Array(iban.lowercased().utf8)) == 1)
        }

        @Test("the printed form with spaces passes")
        func printedForm() {
            #expect(Mod97.isValidIBAN("DE89 3704 0044 0532 0130 00"))
            #expect(Mod97.isValidIBAN("GB29 NWBK 6016 1331 9268 19"))
        }

        @Test("a mutated check digit fails", arguments: examples)
        func mutatedCheckDigits(iban: String) {
            let bytes = Array(iban.utf8)
            let check = bytes[3] == UInt8(ascii: "9") ? UInt8(ascii: "0") : bytes[3] + 1
            let mutated = String(decoding: bytes[0..<3] + [check] + bytes[4...], as: UTF8.self)
            #expect(!Mod97.isValidIBAN(mutated))
        }

        @Test("a mutated BBAN digit fails", arguments: examples)
        func mutatedBBAN(iban: String) {
            #expect(!Mod97.isValidIBAN(mutatingLastDigit(iban)))
        }

        @Test("computed check digits are the registry's", arguments: examples)
        func checkDigits(iban: String) {
            let country = String(iban.prefix(2)), check = String(iban.dropFirst(2).prefix(2))
            #expect(Mod97.ibanCheckDigits(countryCode: country, bban: String(iban.dropFirst(4))) == check)
        }

        @Test("short input and non-alphanumeric bytes have no remainder")
        func degenerate() {
            #expect(Mod97.ibanRemainder(Array("DE89".utf8)) == nil)
            #expect(Mod97.ibanRemainder(Array("DE89-3704".utf8)) == nil)
            #expect(!Mod97.isValidIBAN(""))
        }
    }
}

extension ChecksumTests {
    @Suite("NHS modulus 11")
    struct NHSMod11Tests {
        @Test("published and synthetic test-range numbers pass", arguments: NHSMod11Vectors.valid)
        func valid(number: String) {
            #expect(NHSMod11.isValid(digits(number)))
        }

        @Test("a mutated check digit fails", arguments: NHSMod11Vectors.valid)
        func mutatedCheckDigit(number: String) {
            #expect(!NHSMod11.isValid(digits(mutatingLastDigit(number))))
        }

        @Test("a stem whose check digit would be 10 has none", arguments: NHSMod11Vectors.stemsWithoutCheckDigit)
        func stemWithoutCheckDigit(stem: String) {
            #expect(NHSMod11.checkDigit(for: digits(stem)) == nil)
            for check in 0...9 {
                #expect(!NHSMod11.isValid(digits(stem) + [check]))
            }
        }

        @Test("a remainder of 0 gives check digit 0 (11 is written 0)")
        func elevenIsZero() {
            #expect(NHSMod11.checkDigit(for: [0, 0, 0, 0, 0, 0, 0, 0, 0]) == 0)
        }

        @Test("wrong lengths are invalid")
        func wrongLength() {
            #expect(!NHSMod11.isValid(digits("943476591")))
            #expect(!NHSMod11.isValid(digits("94347659190")))
        }
    }
}

extension ChecksumTests {
    @Suite("VIN check digit")
    struct VINCheckDigitTests {
        @Test("specimen VINs pass", arguments: VINVectors.valid)
        func valid(vin: String) {
            #expect(VINCheckDigit.isValid(vin))
        }

        @Test("a mutated check digit fails", arguments: VINVectors.valid)
        func mutatedCheckDigit(vin: String) {
            var characters = Array(vin)
            characters[8] = characters[8] == "X" ? "0" : characters[8] == "9" ? "X" : Character(
                String((characters[8].wholeNumberValue ?? 0) + 1))
            #expect(!VINCheckDigit.isValid(String(characters)))
        }

        @Test("the ISO example's check digit is X (remainder 10)")
        func remainderTen() {
            #expect(VINCheckDigit.checkCharacter(for: Array("1M8GDM9AXKP042788".utf8)) == UInt8(ascii: "X"))
        }

        @Test("I, O and Q have no value; a wrong length has no check character")
        func invalidCharacters() {
            for letter in "IOQ".utf8 { #expect(VINCheckDigit.value(of: letter) == nil) }
            #expect(VINCheckDigit.value(of: UInt8(ascii: "a")) == nil)
            #expect(VINCheckDigit.value(of: UInt8(ascii: "Z")) == 9)
            #expect(!VINCheckDigit.isValid("1M8GDM9AXKP04278"))
            #expect(!VINCheckDigit.isValid("1M8GDM9AXKP042788A"))
            #expect(!VINCheckDigit.isValid("1M8GDM9AXKP0427O8"))
        }
    }
}
