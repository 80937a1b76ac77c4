import WiecCore
import WiecTally

/// What a resident has marked on a pool's ballot so far, read from the ballot form: the
/// projects ticked (approval, choose-1), the points given (cumulative, scoring) or the ranks
/// (ordinal). It turns into the ballot's projects and points in the order the core takes them.
struct BallotChoices: Sendable, Hashable {
    /// Points or ranks by project; ticked projects have 1.
    var marks: [ProposalID: Int64] = [:]
    /// Fields that were not numbers, by project (shown beside the project).
    var unreadable: Set<ProposalID> = []

    /// Reads a sent ballot form for a pool's admitted projects.
    init(form: FormData, config: PoolConfig, projects: [Proposal]) {
        let known = Set(projects.map(\.id))
        switch config.voteType {
        case .approval, .chooseOne:
            for id in form.values("projekt") where known.contains(id) { marks[id] = 1 }
        case .cumulative, .scoring, .ordinal:
            let prefix = config.voteType == .ordinal ? "miejsce-" : "punkty-"
            for (id, text) in form.prefixed(prefix) where known.contains(id) {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                guard let value = Int64(trimmed) else { unreadable.insert(id); continue }
                if value != 0 || config.voteType != .ordinal { marks[id] = value }
            }
            if config.voteType != .ordinal { marks = marks.filter { $0.value != 0 } }
        }
    }

    /// The choices of a ballot already cast.
    init(ballot: CastBallot, config: PoolConfig) {
        for (index, id) in ballot.projects.enumerated() {
            switch config.voteType {
            case .cumulative, .scoring: marks[id] = index < ballot.points.count ? ballot.points[index] : 0
            case .ordinal: marks[id] = Int64(index + 1)
            case .approval, .chooseOne: marks[id] = 1
            }
        }
    }

    /// No choice.
    init() {}

    /// The ballot's projects and points in the order the core takes them: the ballot's project
    /// order for ticks and points, rank order for a ranking.
    func ballot(config: PoolConfig, projects: [Proposal]) -> (projects: [ProposalID], points: [Int64]) {
        let chosen = projects.map(\.id).filter { marks[$0] != nil }
        switch config.voteType {
        case .approval, .chooseOne:
            return (chosen, [])
        case .cumulative, .scoring:
            return (chosen, chosen.map { marks[$0]! })
        case .ordinal:
            return (chosen.sorted { (marks[$0]!, $0) < (marks[$1]!, $1) }, [])
        }
    }
}
