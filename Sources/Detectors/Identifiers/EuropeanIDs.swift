extension ManagedIdentifiers {
    /// European national, tax and social security identifiers.
    static let europeanIDs: [ManagedIdentifier] = []
}
