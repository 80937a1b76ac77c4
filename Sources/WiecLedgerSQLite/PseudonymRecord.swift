import Foundation
import GRDB
import WiecLedger

/// A row of `voting_pseudonyms`: the register of an edition's voting pseudonyms by PESEL keyed hash.
struct PseudonymRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "voting_pseudonyms"

    /// The columns of `voting_pseudonyms`.
    enum Columns {
        static let edition = Column(CodingKeys.edition)
        static let peselHMAC = Column(CodingKeys.peselHMAC)
        static let pseudonym = Column(CodingKeys.pseudonym)
    }

    enum CodingKeys: String, CodingKey {
        case edition, peselHMAC = "pesel_hmac", pseudonym
    }

    var edition: String
    var peselHMAC: Data
    var pseudonym: String
}
