/// Luhn test vectors: published numbers only (issuers' test cards, textbook examples).
enum LuhnVectors {
    /// Numbers that pass: issuers' and processors' published test card numbers, the textbook
    /// example 79927398713 and Wikipedia's specimen SIN 046 454 286.
    static let valid: [String] = [
        "4111111111111111", "4012888888881881", "4222222222222", "5555555555554444",
        "5105105105105100", "2223003122003222", "378282246310005", "371449635398431",
        "6011111111111117", "6011000990139424", "3530111333300000", "3566002020360505",
        "30569309025904", "38520000023237", "6200000000000005", "6205500000000000004",
        "6304000000000000", "79927398713", "046454286",
    ]
}
