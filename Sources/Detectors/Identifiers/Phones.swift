extension ManagedIdentifiers {
    /// Per-country phone numbers.
    static let countryPhones: [ManagedIdentifier] = []
}
