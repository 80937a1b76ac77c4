/// How a ballot reached the count, named as in pabulib's `voting_method`.
public enum VotingMethod: String, Sendable, Hashable, Codable {
    /// Cast online by the voter.
    case internet
    /// Written on paper and entered by an official.
    case paper
}
