public import WiecCore

/// A voter's personal data, kept outside the log in an erasable table. The PESEL itself is
/// never stored: only a keyed HMAC of it, for de-duplication within an edition.
public struct PersonalData: Sendable, Hashable {
    /// The validated PESEL.
    public var pesel: Pesel
    /// The person's name.
    public var name: String
    /// An e-mail address or phone number, if given.
    public var contact: String?

    /// Creates a person's data.
    public init(pesel: Pesel, name: String, contact: String? = nil) {
        self.pesel = pesel
        self.name = name
        self.contact = contact
    }
}
