/// The stages of a proposal's review (weryfikacja), in the order they happen.
public enum ReviewStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Formal review: the form is complete and the support list collected.
    case formal
    /// Merit review: legal, ownership and feasibility.
    case merit
    /// Cost review: the cost the tally will use.
    case cost
}
