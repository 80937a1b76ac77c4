public import WiecCore

/// A resident's personal data as an engine keeps it beside the log: the name and contact under
/// the PESEL's keyed hash, never the PESEL.
public struct StoredPersonalData: Sendable, Hashable {
    /// The resident's random id, as the log has it.
    public var resident: ResidentID
    /// The edition the resident registered in.
    public var edition: EditionID
    /// HMAC-SHA256 of the PESEL under the edition's secret.
    public var peselHMAC: [UInt8]
    /// The person's name.
    public var name: String
    /// How to reach the person, if given.
    public var contact: String?

    /// Creates a row.
    public init(resident: ResidentID, edition: EditionID, peselHMAC: [UInt8], name: String, contact: String?) {
        self.resident = resident
        self.edition = edition
        self.peselHMAC = peselHMAC
        self.name = name
        self.contact = contact
    }
}
