/// NHS number vectors: NHS Digital's published test number and synthetic numbers in the 999
/// range, which is never issued to patients.
enum NHSMod11Vectors {
    static let valid: [String] = ["9434765919", "9990000018", "9990000026"]
    /// Stems whose weighted sum leaves a check digit of 10: no number is issued with them.
    static let stemsWithoutCheckDigit: [String] = ["999123456", "123456789", "999000000"]
}
