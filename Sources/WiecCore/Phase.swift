/// The phases of an edition, in the only order they can follow.
public enum Phase: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Pools and rules are being set up.
    case draft
    /// Initiatives, proposals and support signatures are accepted.
    case submission
    /// Proposals are reviewed (formal, merit, cost).
    case review
    /// Negative reviews can be appealed and appeals decided.
    case appeals
    /// Ballots are cast, online and on paper.
    case voting
    /// Voting is over; the log up to here decides the tally.
    case closed
    /// Results are published with the checkpoint covering the last ballot.
    case published

    /// The phase that follows this one, if any.
    public var next: Phase? {
        let all = Phase.allCases
        let index = all.firstIndex(of: self)!
        return index + 1 < all.count ? all[index + 1] : nil
    }

    public static func < (lhs: Phase, rhs: Phase) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
