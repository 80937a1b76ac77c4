public import WiecTally

extension PabulibFile {
    /// The cost pabulib's published files give a project that was withdrawn or excluded after
    /// the vote (in whole currency units).
    public static let withdrawnCost = Money(units: 999_999_999)

    /// The pool as an election for the tally rules.
    ///
    /// - Throws: ``PabulibError`` when META cannot describe a pool (no budget, unknown vote type);
    ///   a file returned by ``parse(_:fileName:)`` never throws here.
    public func election() throws(PabulibError) -> Election {
        let rules: BallotRules
        do {
            rules = try BallotRules(meta: meta)
        } catch {
            throw PabulibError(file: self[meta: "description"] ?? "election", line: 0, field: error.key, message: error.message)
        }
        return Election(
            projects: projects.map { Project(id: $0.id, cost: $0.cost, isWithdrawn: $0.cost == Self.withdrawnCost) },
            ballots: votes.map { Ballot(projects: $0.projects, points: $0.points) },
            budget: rules.budget,
            voteType: rules.voteType,
            limits: rules.limits,
            minProjectScoreThreshold: rules.threshold
        )
    }
}
