public import Pabulib
import WiecCore
import WiecTally
public import WiecLedger

/// Turns pabulib elections into the ordinary commands of an edition: the edition, one pool per
/// file, its projects submitted and reviewed (the file's cost is the reviewed cost), its voters
/// registered, its ballots cast (online by the voter or on paper by an official, after the
/// file's `voting_method`), withdrawn projects withdrawn, and the phases up to `closed`.
///
/// A published ballot that breaks the file's stated rules (a project twice, length, cost or
/// points limits) is recorded as it was counted, with what it breaks: once per project, its
/// points added up, as the reader normalised it. So the log's re-tally is the file's count.
///
/// Only the voter id of each vote reaches the log; the file's other voter columns (age, sex, ...)
/// stay out of it.
public enum PabulibImport {
    /// The actor recorded for the official steps of an import.
    public static let official = Actor(role: .official, id: "pabulib-import")

    /// One pool to import: its id in the edition, its file and what its ballots break.
    public struct Pool: Sendable {
        /// The pool's id in the edition.
        public var id: PoolID
        /// The election as read from its `.pb` file.
        public var file: PabulibFile
        /// The reader's warnings about the file; those about a ballot (``PabulibWarning/vote``)
        /// are recorded with it.
        public var warnings: [PabulibWarning]
        /// Proposals of the pool of which only some may be funded (the file states them only in prose).
        public var exclusionGroups: [PoolExclusionGroup]

        /// Names a file's pool.
        public init(id: PoolID, file: PabulibFile, warnings: [PabulibWarning] = [], exclusionGroups: [PoolExclusionGroup] = []) {
            self.id = id
            self.file = file
            self.warnings = warnings
            self.exclusionGroups = exclusionGroups
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
            // A local rule the file names `greedy-custom` is recorded as Wiec applies it.
            let rule = (try? pool.file.ruleSpec())?.description ?? pool.file.rule ?? "unknown"
            add(.addPool(PoolConfig(
                id: pool.id, name: pool.file[meta: "description"] ?? pool.id, budget: election.budget,
                voteType: election.voteType, limits: election.limits, rule: rule,
                tieBreaking: TieBreaking.fileOrder.name, minProjectScoreThreshold: election.minProjectScoreThreshold,
                currency: pool.file[meta: "currency"] ?? "PLN", exclusionGroups: pool.exclusionGroups)))
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
            var breaks: [Int: [String]] = [:]
            for warning in pool.warnings {
                if let vote = warning.vote { breaks[vote, default: []].append(warning.description) }
            }
            for (index, vote) in pool.file.votes.enumerated() {
                if registered.insert(vote.voterID).inserted { add(.registerVoter(voter: vote.voterID)) }
                let online = methodColumn.map { vote.values[$0] == VotingMethod.internet.rawValue } ?? true
                let (ballot, projects) = ("\(pool.id)/\(vote.voterID)", vote.projects.map { pool.file.projects[$0].id })
                let points = takesPoints ? vote.points : []
                let method: VotingMethod = online ? .internet : .paper
                if let breaks = breaks[index] {
                    add(.recordPublishedBallot(
                        ballot: ballot, voter: vote.voterID, pool: pool.id, projects: projects, points: points, method: method,
                        breaks: breaks))
                } else {
                    add(
                        .castBallot(ballot: ballot, voter: vote.voterID, pool: pool.id, projects: projects, points: points, method: method),
                        by: online ? Actor(role: .voter, id: vote.voterID) : official)
                }
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
