import Foundation
import GRDB
import WiecLedger

/// A row of `voting_pseudonyms`: the register of an edition's voting pseudonyms by PESEL keyed hash.
struct PseudonymRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "voting_pseudonyms"

    /// The columns of `voting_pseudonyms`.
    enum Columns {
        static let edition = Column(CodingKeys.edition)
    }

    enum CodingKeys: String, CodingKey {
        case edition, peselHMAC = "pesel_hmac", pseudonym
    }

    var edition: String
    var peselHMAC: Data
    var pseudonym: String
}
