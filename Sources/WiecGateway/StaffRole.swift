/// The roles of staff accounts. Each maps to the core's roles per action: an admin acts as an
/// official, and as the appeals team when deciding appeals.
public enum StaffRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Runs editions: pools, phases, workshops, paper ballots, appeal decisions.
    case admin
    /// Reviews proposals of the pools in scope.
    case reviewer
    /// Reads everything public; writes nothing.
    case auditor
}
