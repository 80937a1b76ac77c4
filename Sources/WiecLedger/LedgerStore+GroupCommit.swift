import Foundation
import GRDB
public import WiecCore

extension LedgerStore {
    /// One command of a group commit, with its own idempotency key.
    public struct KeyedCommand: Sendable {
        /// What, on which edition, by whom.
        public var command: LedgerCommand
        /// The request's key: a retry with it returns the first receipt and appends nothing.
        public var idempotencyKey: String

        /// Pairs a command with its key.
        public init(_ command: LedgerCommand, idempotencyKey: String) {
            self.command = command
            self.idempotencyKey = idempotencyKey
        }
    }

    /// Decides and appends independent commands in one transaction, so that many requests
    /// share one durable commit (one fsync). Each is decided on the state its predecessors
    /// left; a refused one appends nothing and does not affect the others; a key already used
    /// returns its first receipt (or `idempotency_conflict` for another command).
    ///
    /// - Returns: Per command, in order, its receipt or its refusal.
    /// - Throws: ``LedgerError`` when the transaction itself fails; then nothing is appended.
    public func execute(each commands: [KeyedCommand], at time: Date) throws -> [Result<Receipt, any Error>] {
        guard let signer else { throw LedgerError.key("this store was opened without its signing key; it is read-only") }
        let timeText = Timestamp.format(time)
        return try cache.withLock { cache in
            do {
                return try database.writeWithoutTransaction { db in
                    var results: [Result<Receipt, any Error>] = []
                    try db.inTransaction(.immediate) {
                        try catchUp(db, &cache)
                        for item in commands {
                            results.append(try appendOne(item, db: db, cache: &cache!, time: time, timeText: timeText, signer: signer))
                        }
                        return .commit
                    }
                    return results
                }
            } catch {
                // The cache may hold events of the rolled-back transaction: fold again from the file.
                cache = nil
                throw Self.writeFailure(error)
            }
        }
    }

    /// Decides one command of a group and appends its events, or returns why not.
    private func appendOne(
        _ item: KeyedCommand, db: Database, cache: inout Cache, time: Date, timeText: String, signer: CheckpointSigner
    ) throws -> Result<Receipt, any Error> {
        let fingerprint = try Self.fingerprint([item.command])
        if let row = try Row.fetchOne(
            db, sql: "SELECT fingerprint, receipt FROM commands WHERE idempotency_key = ?", arguments: [item.idempotencyKey])
        {
            guard (row["fingerprint"] as Data) == Data(fingerprint) else {
                return .failure(Refusal(.idempotencyConflict, "idempotency key \(item.idempotencyKey) was used for another command"))
            }
            return .success(try JSONDecoder().decode(Receipt.self, from: Data((row["receipt"] as String).utf8)))
        }
        let command = item.command
        let events: [(event: Event, actor: Actor)]
        do {
            events = try Self.decide(command, on: cache.editions[command.edition] ?? EditionState(id: command.edition), at: time, db: db)
        } catch let refusal as Refusal {
            return .failure(refusal)
        }
        let first = cache.head + 1
        var checkpointed = false
        for (event, actor) in events {
            try append(event, actor: actor, edition: command.edition, time: timeText, db: db, cache: &cache)
            if event.isCheckpointed { checkpointed = true }
        }
        let receipt = Receipt(edition: command.edition, firstSequence: first, lastSequence: cache.head, lastHash: Hex.encode(cache.headHash))
        if checkpointed { try writeCheckpoint(db, cache, time: timeText, signer: signer) }
        try db.cachedStatement(sql: "INSERT INTO commands (idempotency_key, fingerprint, receipt) VALUES (?, ?, ?)").execute(
            arguments: [item.idempotencyKey, Data(fingerprint), String(decoding: try JSONEncoder().encode(receipt), as: UTF8.self)])
        return .success(receipt)
    }
}
