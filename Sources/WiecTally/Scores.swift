extension Election {
    /// Each project's score from the ballots, indexed like ``projects``.
    ///
    /// Approvals for `approval` and `choose-1`, the sum of points for `cumulative` and `scoring`,
    /// and Borda points for `ordinal`: a project at position `i` (from 0) of a ranking of `k`
    /// projects earns `k - i`, so a ballot's first choice earns as many points as it ranks
    /// projects (pabulib's published scores are counted this way).
    public func scores() -> [Int64] {
        var scores = [Int64](repeating: 0, count: projects.count)
        // Spans borrow the ballots: no reference counting per ballot.
        let ballots = ballots.span
        scores.withUnsafeMutableBufferPointer { scores in
            for index in 0..<ballots.count {
                let named = ballots[index].projects.span
                switch voteType {
                case .approval, .chooseOne:
                    for position in 0..<named.count { scores[named[position]] += 1 }
                case .cumulative, .scoring:
                    let points = ballots[index].points.span
                    for position in 0..<named.count { scores[named[position]] += points[position] }
                case .ordinal:
                    let length = Int64(named.count)
                    for position in 0..<named.count { scores[named[position]] += length - Int64(position) }
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
