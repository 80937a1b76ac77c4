import WiecCore

/// A pool's counted ballots by channel (internet, paper) and its paper ballots by voting point,
/// as the results page states them beside the count; nothing when no paper ballot was counted.
enum BallotChannels {
    /// One fact per channel, then one per voting point that has counted ballots, in the points' order.
    ///
    /// - Parameter counted: The pool's counted ballots (``EditionState/countedBallots(in:)``).
    static func facts(_ state: EditionState, counted: [CastBallot], catalogue: Catalogue, language: Language) -> [Fact] {
        let paper = counted.filter { $0.method == .paper }
        guard !paper.isEmpty else { return [] }
        let number = { (value: Int) in PolishFormat.number(value, language) }
        let ids = Set(paper.map(\.id))
        var facts = [
            Fact(term: catalogue.text("results_channel_internet", language), value: number(counted.count - paper.count)),
            Fact(term: catalogue.text("results_channel_paper", language), value: number(paper.count)),
        ]
        for point in state.votingPointOrder.compactMap({ state.votingPoints[$0] }) {
            let here = point.ballots.count { ids.contains($0) }
            guard here > 0 else { continue }
            facts.append(Fact(term: catalogue.text("results_channel_point", language, ["point": point.point.name]), value: number(here)))
        }
        return facts
    }
}
