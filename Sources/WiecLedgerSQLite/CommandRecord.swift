import Foundation
import GRDB
import WiecCore
import WiecLedger

/// A row of `commands`: an idempotency key, the fingerprint of what was asked, and the receipt as JSON.
struct CommandRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "commands"

    enum CodingKeys: String, CodingKey {
        case idempotencyKey = "idempotency_key", fingerprint, receipt
    }

    var idempotencyKey: String
    var fingerprint: Data
    var receipt: String

    init(_ command: StoredCommand, key: String) {
        idempotencyKey = key
        fingerprint = Data(command.fingerprint)
        receipt = command.receiptJSON()
    }

    /// The command as the ledger takes it.
    func stored() throws -> StoredCommand {
        try StoredCommand(fingerprint: Array(fingerprint), receiptJSON: receipt)
    }
}
