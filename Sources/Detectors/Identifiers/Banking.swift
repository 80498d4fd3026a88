extension ManagedIdentifiers {
    /// Card data beyond the number, bank accounts, routing numbers, BIC.
    static let banking: [ManagedIdentifier] = []
}
