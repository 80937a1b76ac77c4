/// What a staff member or resident acts as on an edition: the API and the pages name the same
/// action the same way, so both resolve it to the same core ``WiecCore/Actor`` through
/// ``Principal/actor(on:as:)``.
public enum Acting: Sendable, Hashable {
    /// An admin acting as an official of the edition.
    case official
    /// An admin acting as the council's appeals team.
    case appealsTeam
    /// A reviewer, or an admin acting as an official.
    case reviewer
    /// A resident acting for themselves (their public acts, or their ballot through their
    /// voting pseudonym: ``CommandGateway/voter(of:in:)``), or an admin acting as an official.
    case resident
}
