public import Pabulib
import WiecCore
import WiecTally

/// Turns pabulib elections into the ordinary commands of an edition: the edition, one pool per
/// file, its projects submitted and reviewed (the file's cost is the reviewed cost), its voters
/// registered, its ballots cast (online by the voter or on paper by an official, after the
/// file's `voting_method`), withdrawn projects withdrawn, and the phases up to `closed`.
///
/// Only the voter id of each vote reaches the log; the file's other voter columns (age, sex, ...)
/// stay out of it.
public enum PabulibImport {
    /// The actor recorded for the official steps of an import.
    public static let official = Actor(role: .official, id: "pabulib-import")

    /// One pool to import: its id in the edition and its file.
    public struct Pool: Sendable {
        /// The pool's id in the edition.
        public var id: PoolID
        /// The election as read from its `.pb` file.
        public var file: PabulibFile

        /// Names a file's pool.
        public init(id: PoolID, file: PabulibFile) {
            self.id = id
            self.file = file
        }
    }

    /// The commands that rebuild the elections as an edition.
    ///
    /// - Throws: ``LedgerError`` when a file cannot describe a pool or a project id appears in
    ///   two pools.
    public static func commands(edition: EditionID, name: String, pools: [Pool]) throws(LedgerError) -> [LedgerCommand] {
        var commands: [LedgerCommand] = []
        func add(_ command: Command, by actor: Actor = official) {
            commands.append(LedgerCommand(command, on: edition, by: actor))
        }
        add(.createEdition(name: name))
        var elections: [Election] = []
        for pool in pools {
            let election: Election
            do {
                election = try pool.file.election()
            } catch {
                throw .malformed("pool \(pool.id): \(error)")
            }
            elections.append(election)
            add(.addPool(PoolConfig(
                id: pool.id, name: pool.file[meta: "description"] ?? pool.id, budget: election.budget,
                voteType: election.voteType, limits: election.limits, rule: pool.file.rule ?? "unknown",
                tieBreaking: TieBreaking.fileOrder.name, minProjectScoreThreshold: election.minProjectScoreThreshold,
                currency: pool.file[meta: "currency"] ?? "PLN")))
        }
        add(.advancePhase(to: .submission))
        var owner: [ProposalID: PoolID] = [:]
        for pool in pools {
            for project in pool.file.projects {
                if let other = owner.updateValue(pool.id, forKey: project.id) {
                    throw .malformed("project \(project.id) appears in pools \(other) and \(pool.id)")
                }
                add(.submitProposal(
                    id: project.id, pool: pool.id, title: pool.file.value("name", of: project) ?? project.id,
                    description: "", category: pool.file.value("category", of: project).flatMap { $0.isEmpty ? nil : $0 },
                    location: nil, costEstimate: project.cost, initiative: nil))
            }
        }
        add(.advancePhase(to: .review))
        for pool in pools {
            for project in pool.file.projects {
                for stage in ReviewStage.allCases {
                    add(.reviewProposal(
                        proposal: project.id, stage: stage, outcome: .positive, justification: "imported from pabulib",
                        reviewedCost: stage == .cost ? project.cost : nil))
                }
            }
        }
        add(.advancePhase(to: .appeals))
        add(.advancePhase(to: .voting))
        var registered = Set<VoterID>()
        for (pool, election) in zip(pools, elections) {
            let methodColumn = pool.file.voteColumns.firstIndex(of: "voting_method")
            // Some ordinal files restate each ranking as points (3,2,1); the ranking is what counts.
            let takesPoints = election.voteType == .cumulative || election.voteType == .scoring
            for vote in pool.file.votes {
                if registered.insert(vote.voterID).inserted { add(.registerVoter(voter: vote.voterID)) }
                let online = methodColumn.map { vote.values[$0] == VotingMethod.internet.rawValue } ?? true
                add(
                    .castBallot(
                        ballot: "\(pool.id)/\(vote.voterID)", voter: vote.voterID, pool: pool.id,
                        projects: vote.projects.map { pool.file.projects[$0].id }, points: takesPoints ? vote.points : [],
                        method: online ? .internet : .paper),
                    by: online ? Actor(role: .voter, id: vote.voterID) : official)
            }
        }
        for (pool, election) in zip(pools, elections) {
            for (project, model) in zip(pool.file.projects, election.projects) where model.isWithdrawn {
                add(.withdrawProject(proposal: project.id, reason: "withdrawn or excluded after the vote (pabulib)"))
            }
        }
        add(.advancePhase(to: .closed))
        return commands
    }
}
