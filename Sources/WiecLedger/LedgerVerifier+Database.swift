import Foundation
import GRDB

extension LedgerVerifier {
    /// Verifies a ledger file in place, read-only: every entry, every checkpoint, every tally.
    ///
    /// - Throws: ``VerificationFailure`` for the first problem found; ``LedgerError`` when the
    ///   file cannot be read.
    public static func verify(databaseAt path: String, verifier: CheckpointVerifier) throws -> VerificationReport {
        guard FileManager.default.fileExists(atPath: path) else { throw LedgerError.notFound("no ledger at \(path)") }
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: path, configuration: configuration)
        return try database.read { db in
            var notes: [String] = []
            for row in try Row.fetchAll(db, sql: "SELECT size, note FROM checkpoints ORDER BY size") {
                try checkFiled(row["note"], as: row["size"])
                notes.append(row["note"])
            }
            var verification = LedgerVerifier(checkpointSizes: Set(notes.compactMap(claimedSize)))
            let rows = try Row.fetchCursor(
                db, sql: "SELECT seq, id, time, type, actor_role, actor_id, edition, body, hash FROM entries ORDER BY seq")
            while let row = try rows.next() {
                let hash: Data = row[8]
                try verification.add(LedgerEntry(row: row), statedPrevious: nil, statedHash: Array(hash))
            }
            return try verification.finish(checkpoints: notes, verifier: verifier)
        }
    }
}
