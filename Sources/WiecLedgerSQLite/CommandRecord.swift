import Foundation
import GRDB
import WiecCore
import WiecLedger

/// A row of `commands`: an idempotency key, the fingerprint of what was asked, and the receipt as JSON.
struct CommandRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "commands"

    /// The columns of `commands`.
    enum Columns {
        static let idempotencyKey = Column(CodingKeys.idempotencyKey)
    }

    enum CodingKeys: String, CodingKey {
        case idempotencyKey = "idempotency_key", fingerprint, receipt
    }

    var idempotencyKey: String
    var fingerprint: Data
    var receipt: String

    init(_ command: StoredCommand, key: String) throws {
        idempotencyKey = key
        fingerprint = Data(command.fingerprint)
        receipt = String(decoding: try JSONEncoder().encode(command.receipt), as: UTF8.self)
    }

    /// The command as the ledger takes it.
    func stored() throws -> StoredCommand {
        StoredCommand(fingerprint: Array(fingerprint), receipt: try JSONDecoder().decode(Receipt.self, from: Data(receipt.utf8)))
    }
}
