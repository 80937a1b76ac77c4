/// The outcome of a review stage.
public enum ReviewOutcome: String, Sendable, Hashable, Codable {
    case positive
    case negative
}
