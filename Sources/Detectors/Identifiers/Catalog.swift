/// The managed data identifiers piiscan ships, named with Amazon Macie's IDs where Macie has
/// one. Each group lives in its own file; adding an identifier is one definition there plus its
/// tests (see CONTRIBUTING.md).
public enum ManagedIdentifiers {
    /// Every managed identifier, in a stable order.
    public static let all: [ManagedIdentifier] = financial + banking + nationalIDs + europeanIDs
        + worldIDs + passports + driversLicenses + health + credentials + cloudCredentials + contact
        + countryPhones
}

extension ScanEngine {
    /// Builds an engine over every managed identifier (`ManagedIdentifiers.all`), narrowed by the
    /// configuration's `include`/`exclude`.
    /// - Throws: `ConfigurationError` naming the item at fault.
    public convenience init(configuration: ScanConfiguration = ScanConfiguration()) throws(ConfigurationError) {
        try self.init(configuration: configuration, catalog: ManagedIdentifiers.all)
    }
}
