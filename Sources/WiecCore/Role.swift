/// The roles of the people who act on an edition.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// An official (urzędnik) running the edition: phases, pools, workshops, voters, paper ballots.
    case official
    /// A reviewer (sołtys, radny or urzędnik reviewing proposals of the pools in scope).
    case reviewer
    /// The council's appeals team, deciding appeals.
    case appealsTeam = "appeals_team"
    /// A resident submitting initiatives and proposals and signing support lists.
    case resident
    /// A registered voter casting an online ballot; the actor id is the voter id.
    case voter
    /// An auditor: reads, never writes.
    case auditor
}
