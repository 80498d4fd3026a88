extension ManagedIdentifiers {
    /// Cloud and SaaS credentials beyond the first set.
    static let cloudCredentials: [ManagedIdentifier] = []
}
