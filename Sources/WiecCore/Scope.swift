/// The part of an edition an actor may act on.
public enum Scope: Sendable, Hashable, Codable {
    /// The whole edition.
    case edition
    /// Only these pools (a district, a sołectwo, ...).
    case pools(Set<PoolID>)
}
