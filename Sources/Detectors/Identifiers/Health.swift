extension ManagedIdentifiers {
    /// Health identifiers (Macie's PHI).
    static let health: [ManagedIdentifier] = []
}
