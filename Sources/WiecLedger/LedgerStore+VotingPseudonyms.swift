import Foundation
public import WiecCore

extension LedgerStore {
    /// The official the log records for the registration of a voting pseudonym, which comes in
    /// the same transaction as the pseudonym's first ballot.
    public static let votingRegister = Appender.votingRegister

    /// Decides a command against the edition as it is now and appends nothing: the decision an
    /// execution would take, a pseudonym's first ballot included, so that a form can explain a
    /// refusal before anything is stored.
    ///
    /// - Throws: the `Refusal` an execution would meet now; storage errors otherwise.
    public func check(_ item: LedgerCommand, at time: Date) throws {
        let state = try state(of: item.edition)
        _ = try engine.read { try Appender.decide(item, on: state, at: time, reading: $0) }
    }
}
