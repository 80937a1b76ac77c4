import Synchronization
import WiecCore
import WiecTally

/// The recount behind a published pool's "Dlaczego?": the tally run again on the log as
/// published, with its explanation. A published edition no longer changes, so each pool is
/// counted once per process and kept.
final class ResultsCache: Sendable {
    /// A pool's count and the election it counted.
    struct Count: Sendable {
        var election: Election
        var result: TallyResult
    }

    private let counts = Mutex<[String: Count]>([:])

    /// The count of a published pool, made on first use.
    ///
    /// - Returns: `nil` when the pool cannot be counted again by its own rule.
    func count(_ state: EditionState, pool: PoolID) -> Count? {
        let key = state.id + "\u{0}" + pool
        if let known = counts.withLock({ $0[key] }) { return known }
        guard state.phase == .published, let count = Self.recount(state, pool: pool) else { return nil }
        counts.withLock { $0[key] = count }
        return count
    }

    /// A pool counted by its own rule on the log as it is now, with the explanation's rounds:
    /// what the staff's publish confirmation shows once voting is closed, before anything is published.
    ///
    /// - Returns: `nil` when the pool cannot be counted by its own rule.
    static func recount(_ state: EditionState, pool: PoolID) -> Count? {
        guard let config = state.pools[pool]?.config, let tieBreaking = TieBreaking(name: config.tieBreaking),
            let election = try? state.election(for: pool), let spec = try? RuleSpec(name: config.rule),
            let result = try? Tally.run(election, spec: spec, options: TallyOptions(tieBreaking: tieBreaking, explainRounds: true))
        else { return nil }
        return Count(election: election, result: result)
    }
}
