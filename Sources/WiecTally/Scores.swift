extension Election {
    /// Each project's score from the ballots, indexed like ``projects``.
    ///
    /// Approvals for `approval` and `choose-1`, the sum of points for `cumulative` and `scoring`,
    /// and Borda points for `ordinal`: a project at position `i` (from 0) of a ranking of `k`
    /// projects earns `k - i`, so a ballot's first choice earns as many points as it ranks
    /// projects (pabulib's published scores are counted this way).
    public func scores() -> [Int64] {
        var scores = [Int64](repeating: 0, count: projects.count)
        switch voteType {
        case .approval, .chooseOne:
            for ballot in ballots {
                for project in ballot.projects { scores[project] += 1 }
            }
        case .cumulative, .scoring:
            for ballot in ballots {
                for (project, points) in zip(ballot.projects, ballot.points) { scores[project] += points }
            }
        case .ordinal:
            for ballot in ballots {
                let length = Int64(ballot.projects.count)
                for (position, project) in ballot.projects.enumerated() {
                    scores[project] += length - Int64(position)
                }
            }
        }
        return scores
    }

    /// How many ballots name each project, whatever the vote type, indexed like ``projects``.
    public func supporterCounts() -> [Int64] {
        var counts = [Int64](repeating: 0, count: projects.count)
        for ballot in ballots {
            for project in ballot.projects { counts[project] += 1 }
        }
        return counts
    }
}
