import Foundation
import GRDB
import WiecLedger

/// A row of `personal_data`: a resident's name and contact under the PESEL's keyed hash.
struct PersonalDataRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "personal_data"

    /// The columns of `personal_data`.
    enum Columns {
        static let residentID = Column(CodingKeys.residentID)
        static let edition = Column(CodingKeys.edition)
        static let peselHMAC = Column(CodingKeys.peselHMAC)
    }

    enum CodingKeys: String, CodingKey {
        case residentID = "resident_id", edition, peselHMAC = "pesel_hmac", name, contact
    }

    var residentID: String
    var edition: String
    var peselHMAC: Data
    var name: String
    var contact: String?
}
