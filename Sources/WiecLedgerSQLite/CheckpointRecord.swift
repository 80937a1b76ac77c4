import GRDB
import WiecLedger

/// A row of `checkpoints`: the size of the tree a signed note covers, and the note.
struct CheckpointRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "checkpoints"

    /// The columns of `checkpoints`.
    enum Columns {
        static let size = Column(CodingKeys.size)
    }

    var size: Int64
    var note: String
}
