import Foundation
import GRDB
import WiecLedger

/// A row of `edition_secrets`: the key of an edition's keyed hashes of PESELs.
struct EditionSecretRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "edition_secrets"

    /// The columns of `edition_secrets`.
    enum Columns {
        static let edition = Column(CodingKeys.edition)
    }

    enum CodingKeys: String, CodingKey {
        case edition, hmacKey = "hmac_key"
    }

    var edition: String
    var hmacKey: Data
}
