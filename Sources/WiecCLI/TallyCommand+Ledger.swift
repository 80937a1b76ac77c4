import ArgumentParser
import WiecCore
import WiecLedger
import WiecTally
import WiecServer

extension TallyCommand {
    /// `wiec tally --db FILE --edition ID [--pool P]`: counts pools from the log, with the pool's
    /// own rule and tie-breaking unless the options name others; the report is the one
    /// `wiec tally FILE.pb` prints, so an imported file counts the same both ways.
    func runLedger(database: String, edition: String) throws {
        let state = try StoreLocation(database).store(signer: nil).state(of: edition)
        guard state.exists else { throw ValidationError("no edition \(edition) in \(database)") }
        guard state.phase >= .closed else { throw ValidationError("edition \(edition) is in \(state.phase.rawValue); it is counted once voting is closed") }
        let pools = pool.map { [$0] } ?? state.poolOrder
        for id in pools {
            guard let config = state.pools[id]?.config else { throw ValidationError("edition \(edition) has no pool \(id)") }
            let election = try state.election(for: id)
            let spec = try counting.applying(to: RuleSpec(name: self.rule ?? config.rule))
            let options = counting.tallyOptions(fallback: TieBreaking(name: config.tieBreaking) ?? .fileOrder, explainRounds: true)
            let result = try Tally.run(election, spec: spec, options: options)
            let report = TallyReport(source: "\(id).pb", election: election, result: result, currency: config.currency)
            print(report.rendered(as: format, explain: explain))
        }
    }
}
