extension ManagedIdentifiers {
    /// National and tax identifiers of Latin America, India and Australia, and Canada's permanent resident number.
    static let worldIDs: [ManagedIdentifier] = []
}
