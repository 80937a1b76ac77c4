import GRDB
import WiecCore

/// Keeps the derived `view_*` tables in step with the log: after each event, the rows it
/// touches are rewritten from the folded state, so a rebuild from the entries gives the same rows.
enum Projector {
    /// Rewrites the rows an event touched.
    static func project(_ event: Event, sequence: Int64, state: EditionState, db: Database) throws {
        let edition = state.id
        switch event {
        case .editionCreated, .phaseChanged:
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO view_editions (edition, name, phase) VALUES (?, ?, ?)")
                .execute(arguments: [edition, state.name ?? "", state.phase.rawValue])
        case .proposalSubmitted(let id, _, _, _, _, _, _, _, _), .proposalAmended(let id, _, _, _),
            .supportSigned(let id, _), .proposalReviewed(let id, _, _, _, _, _), .projectWithdrawn(let id, _), .reviewReopened(let id):
            try proposal(id, state: state, db: db)
        case .appealDecided(let appeal, _, _, _):
            if let id = state.appeals[appeal]?.proposal { try proposal(id, state: state, db: db) }
        case .ballotCast(let ballot, let voter, let pool, _, _, let method):
            try db.cachedStatement(sql: """
                INSERT INTO view_ballots (edition, ballot, pool, voter, method, seq, voided) VALUES (?, ?, ?, ?, ?, ?, NULL)
                """).execute(arguments: [edition, ballot, pool, voter, method.rawValue, sequence])
        case .ballotVoided(let ballot, let reason):
            try db.cachedStatement(sql: "UPDATE view_ballots SET voided = ? WHERE edition = ? AND ballot = ?")
                .execute(arguments: [reason, edition, ballot])
        case .resultPublished(let pool, let result):
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO view_results (edition, pool, rule, selected, spent) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [edition, pool, result.rule, result.selected.joined(separator: ","), result.spent.minorUnits])
        case .voterAgeLimitSet, .amendmentPolicySet, .poolAdded, .workshopRecorded, .initiativeSubmitted, .appealFiled, .residentRegistered, .voterRegistered,
            .publishedBallotRecorded, .villageFund, .localInitiative, .votingPointAdded, .paperBatchEntered, .paperProtocolRecorded:
            break
        }
    }

    private static func proposal(_ id: ProposalID, state: EditionState, db: Database) throws {
        guard let proposal = state.proposals[id], let pool = state.pools[proposal.pool] else { return }
        let status: String
        if proposal.withdrawal != nil {
            status = "withdrawn"
        } else if proposal.isAdmitted(supportListSize: pool.config.supportListSize) {
            status = "admitted"
        } else if ReviewStage.allCases.contains(where: { proposal.outcome(of: $0) == .negative }) {
            status = "rejected"
        } else {
            status = "pending"
        }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO view_proposals
                (edition, proposal, pool, title, cost_estimate, reviewed_cost, supporters, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                state.id, id, proposal.pool, proposal.title, proposal.costEstimate.minorUnits,
                proposal.reviewedCost?.minorUnits, proposal.supporters.count, status,
            ])
    }
}
