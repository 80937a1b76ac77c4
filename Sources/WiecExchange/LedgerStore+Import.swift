public import Foundation
public import WiecCore
public import WiecLedger

extension LedgerStore {
    /// Imports pabulib elections as a new edition in one transaction: all or nothing.
    ///
    /// - Throws: `Refusal` naming the first command refused (e.g. the edition exists);
    ///   ``LedgerError`` when a file cannot be turned into commands.
    public func importPabulib(
        _ pools: [PabulibImport.Pool], edition: EditionID, name: String, idempotencyKey: String, at time: Date
    ) throws -> Receipt {
        try execute(
            batch: try PabulibImport.commands(edition: edition, name: name, pools: pools),
            idempotencyKey: idempotencyKey, at: time)
    }
}
