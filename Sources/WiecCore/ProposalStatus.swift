/// Where a proposal stands, as the API and the pages both show it.
public enum ProposalStatus: String, Sendable, Hashable, CaseIterable {
    /// Not yet through every review stage, or its support list not yet complete.
    case pending
    /// On the ballot: every stage positive (after appeals) and the support list complete.
    case admitted
    /// A negative review stage that no appeal overturned.
    case rejected
    /// Withdrawn after the vote started.
    case withdrawn
}

extension EditionState {
    /// A proposal's status in this edition.
    public func status(of proposal: Proposal) -> ProposalStatus {
        let size = pools[proposal.pool]?.config.supportListSize ?? 0
        if proposal.withdrawal != nil { return .withdrawn }
        if proposal.isAdmitted(supportListSize: size) { return .admitted }
        if ReviewStage.allCases.contains(where: { proposal.outcome(of: $0) == .negative }) { return .rejected }
        return .pending
    }
}
