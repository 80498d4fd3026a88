import Detectors
import Testing
@testable import Masking

@Suite struct TransformEncryptionTests {
    private func encrypt(_ value: String, _ options: FormatPreservingEncryption = FormatPreservingEncryption()) throws -> String {
        try syntheticTransformer().apply(.encrypt(options), to: value, type: "T", subject: nil)
    }

    /// The character classes of a string: digit, upper, lower, or the character itself.
    private func shape(_ value: String) -> [String] {
        value.map { character -> String in
            guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first, scalar.isASCII else {
                return String(character)
            }
            if character.isNumber { return "9" }
            if character.isUppercase { return "A" }
            if character.isLowercase { return "a" }
            return String(character)
        }
    }

    private func digits(_ value: String) -> [Int] { value.compactMap { $0.wholeNumberValue } }

    @Test(arguments: [
        "4111-1111-1111-1111", "123-45-6789", "John Smith", "AbCdEfG", "GB82 WEST 1234 5698 7654 32",
        "José Núñez 123456", "user.name+tag@example.com", "ab1234567", "1\u{20E3} 234567",
    ])
    func encryptionKeepsTheShapeAndRoundTrips(_ value: String) throws {
        let transformer = try syntheticTransformer()
        let options = FormatPreservingEncryption(tweak: "unit")
        let ciphertext = try transformer.apply(.encrypt(options), to: value, type: "T", subject: nil)
        #expect(ciphertext != value)
        #expect(shape(ciphertext) == shape(value))
        #expect(ciphertext.count == value.count)
        #expect(try transformer.decrypt(options, ciphertext) == value)
        #expect(try syntheticTransformer().apply(.encrypt(options), to: value, type: "T", subject: nil) == ciphertext)
    }

    @Test func shortClassesStayWhenTheOtherIsEnciphered() throws {
        // Two letters (< 5) stay; ten digits are enciphered.
        let ciphertext = try encrypt("AB12345678")
        #expect(ciphertext.hasPrefix("AB"))
        #expect(ciphertext != "AB12345678")
        // Five digits (< 6) stay; six letters are enciphered.
        let mixed = try encrypt("abcdef-12345")
        #expect(mixed.hasSuffix("-12345"))
        #expect(!mixed.hasPrefix("abcdef"))
    }

    @Test(arguments: ["12345", "abcd 12345", "", "----", "ÉÉÉÉÉÉÉÉ"])
    func valuesTooShortForEitherClassAreErrors(_ value: String) {
        expectError(.valueTooShort, notQuoting: value.isEmpty ? "\u{0}" : value) { _ = try encrypt(value) }
    }

    @Test func luhnValidNumbersStayValidAndDecrypt() throws {
        let transformer = try syntheticTransformer()
        let options = FormatPreservingEncryption(keepLuhnValid: true)
        for value in ["4111-1111-1111-1111", "5555 5555 5555 4444", "378282246310005", "4012888888881881", "79927398713"] {
            #expect(Luhn.isValid(digits(value)))
            let ciphertext = try transformer.apply(.encrypt(options), to: value, type: "T", subject: nil)
            #expect(Luhn.isValid(digits(ciphertext)))
            #expect(shape(ciphertext) == shape(value))
            #expect(ciphertext != value)
            #expect(try transformer.decrypt(options, ciphertext) == value)
        }
    }

    @Test func luhnInvalidNumbersStayInvalidAndDecryptExactly() throws {
        let transformer = try syntheticTransformer()
        let options = FormatPreservingEncryption(keepLuhnValid: true)
        let value = "4111-1111-1111-1112"
        #expect(!Luhn.isValid(digits(value)))
        let ciphertext = try transformer.apply(.encrypt(options), to: value, type: "T", subject: nil)
        #expect(!Luhn.isValid(digits(ciphertext)))
        #expect(try transformer.decrypt(options, ciphertext) == value)
    }

    @Test func luhnNeedsSevenDigits() {
        expectError(.valueTooShort, notQuoting: "123456") {
            _ = try encrypt("123456", FormatPreservingEncryption(keepLuhnValid: true))
        }
    }

    @Test func tweaksAndClassesSeparateCiphertexts() throws {
        let value = "1234567890"
        #expect(try encrypt(value, FormatPreservingEncryption(tweak: "a")) != encrypt(value, FormatPreservingEncryption(tweak: "b")))
        // The same string enciphered with and without the Luhn mode differs in its payload.
        let plain = try encrypt(value)
        let luhn = try encrypt(value, FormatPreservingEncryption(keepLuhnValid: true))
        #expect(plain.prefix(9) != luhn.prefix(9))
        // A decryption with the wrong tweak does not give the value back.
        let transformer = try syntheticTransformer()
        let ciphertext = try transformer.apply(.encrypt(FormatPreservingEncryption(tweak: "a")), to: value, type: "T", subject: nil)
        #expect(try transformer.decrypt(FormatPreservingEncryption(tweak: "b"), ciphertext) != value)
    }

    @Test func surrogateAnnotationIsFoundAndDecrypts() throws {
        let transformer = try syntheticTransformer()
        let options = FormatPreservingEncryption(surrogate: "SSN")
        let annotated = try transformer.apply(.encrypt(options), to: "123-45-6789", type: "USA_SSN", subject: nil)
        #expect(annotated.hasPrefix("SSN(11):"))
        #expect(annotated.count == "SSN(11):".count + 11)
        let text = "Patient SSN is " + annotated + ", card on file."
        let matches = findSurrogates(in: text, names: ["SSN"])
        #expect(matches.count == 1)
        let match = try #require(matches.first)
        #expect(match.name == "SSN")
        #expect(text[match.range] == annotated)
        #expect(try transformer.decrypt(options, String(match.ciphertext)) == "123-45-6789")
    }

    @Test func randomValuesRoundTrip() throws {
        let transformer = try syntheticTransformer()
        var generator = SeededGenerator(state: 42)
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -./@_é")
        for round in 0..<200 {
            let length = Int.random(in: 6...40, using: &generator)
            let value = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "0" })
            let options = FormatPreservingEncryption(tweak: "r\(round % 3)")
            guard let ciphertext = try? transformer.apply(.encrypt(options), to: value, type: "T", subject: nil) else {
                continue
            }
            #expect(shape(ciphertext) == shape(value))
            #expect(try transformer.decrypt(options, ciphertext) == value)
        }
    }
}

@Suite struct SurrogateTests {
    @Test func findsSeveralAnnotationsInOrder() {
        let text = "a SSN(3):xyz b CARD(4):1234 SSN(2):ab"
        let matches = findSurrogates(in: text, names: ["SSN", "CARD"])
        #expect(matches.map(\.name) == ["SSN", "CARD", "SSN"])
        #expect(matches.map { String($0.ciphertext) } == ["xyz", "1234", "ab"])
        #expect(matches.map { String(text[$0.range]) } == ["SSN(3):xyz", "CARD(4):1234", "SSN(2):ab"])
    }

    @Test func respectsIdentifierBoundariesNamesAndLengths() {
        #expect(findSurrogates(in: "XSSN(3):abc", names: ["SSN"]).isEmpty)
        #expect(findSurrogates(in: "SSN_2(3):abc", names: ["SSN"]).isEmpty)
        #expect(findSurrogates(in: "-SSN(3):abc", names: ["SSN"]).count == 1)
        #expect(findSurrogates(in: "OTHER(3):abc", names: ["SSN"]).isEmpty)
        #expect(findSurrogates(in: "SSN(5):abc", names: ["SSN"]).isEmpty)
        #expect(findSurrogates(in: "SSN(0):abc", names: ["SSN"]).isEmpty)
        #expect(findSurrogates(in: "SSN():abc", names: ["SSN"]).isEmpty)
        #expect(findSurrogates(in: "SSN(3)abc", names: ["SSN"]).isEmpty)
        #expect(findSurrogates(in: "SSN(99999999):abc", names: ["SSN"]).isEmpty)
        #expect(findSurrogates(in: "SSN(3):abc", names: []).isEmpty)
        #expect(findSurrogates(in: "(((", names: ["SSN"]).isEmpty)
    }

    @Test func countsCharactersNotBytes() {
        let text = "NAME(4):Zoë👍🏽! rest"
        let match = findSurrogates(in: text, names: ["NAME"]).first
        #expect(match.map { String($0.ciphertext) } == "Zoë👍🏽")
    }

    @Test func nestedAnnotationsDoNotOverlap() {
        let text = "SSN(9):SSN(3):ab tail"
        let matches = findSurrogates(in: text, names: ["SSN"])
        #expect(matches.count == 1)
        #expect(matches.first.map { String($0.ciphertext) } == "SSN(3):ab")
    }
}
