extension ManagedIdentifiers {
    /// Passport numbers.
    static let passports: [ManagedIdentifier] = []
}
