import WiecTally

extension PabulibFile {
    /// The official score of each project, indexed like ``projects``: the `score` column where
    /// the file has one, else `votes`; `nil` when it has neither or a value is missing.
    public var officialScores: [Int64]? {
        for column in ["score", "votes"] {
            guard let index = projectColumns.firstIndex(of: column) else { continue }
            let scores = projects.map { Int64($0.values[index]) }
            guard scores.allSatisfy({ $0 != nil }) else { return nil }
            return scores.map { $0! }
        }
        return nil
    }

    /// What the file states about itself that its data contradict: META's counts, and the
    /// `votes`/`score` columns against the ballots.
    public func consistencyWarnings() -> [PabulibWarning] {
        var warnings: [PabulibWarning] = []
        if let stated = self[meta: "num_projects"].flatMap({ Int($0) }), stated != projects.count {
            warnings.append(PabulibWarning(line: nil, field: "num_projects", message: "META says \(stated), PROJECTS lists \(projects.count)"))
        }
        if let stated = self[meta: "num_votes"].flatMap({ Int($0) }), stated != votes.count {
            warnings.append(PabulibWarning(line: nil, field: "num_votes", message: "META says \(stated), VOTES lists \(votes.count)"))
        }
        guard let election = try? election() else { return warnings }
        let computed: [(column: String, values: [Int64])] = [
            ("votes", election.supporterCounts()),
            ("score", election.scores()),
        ]
        for (column, values) in computed {
            guard let index = projectColumns.firstIndex(of: column) else { continue }
            for (project, value) in zip(projects, values) {
                let text = project.values[index]
                guard let stated = Int64(text) else { continue }
                if stated != value {
                    warnings.append(PabulibWarning(
                        line: nil, field: column,
                        message: "project \(project.id): the file says \(stated), the ballots give \(value)"
                    ))
                }
            }
        }
        return warnings
    }
}
