extension ManagedIdentifiers {
    /// Driver's licence numbers (US states and Macie's countries).
    static let driversLicenses: [ManagedIdentifier] = []
}
