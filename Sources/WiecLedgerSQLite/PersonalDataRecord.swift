import Foundation
import GRDB
import WiecLedger

/// A row of `personal_data`: a resident's name and contact under the PESEL's keyed hash.
struct PersonalDataRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "personal_data"

    /// The columns of `personal_data`.
    enum Columns {
        static let residentID = Column(CodingKeys.residentID)
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
