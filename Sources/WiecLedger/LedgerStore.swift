import Crypto
public import Foundation
import GRDB
import Synchronization
public import WiecCore

/// The event store on one SQLite file (WAL, one serialized writer): each command is decided
/// against the folded state and its events are appended as hash-chained entries in one
/// transaction, durable (`synchronous=FULL`) before the receipt is returned.
///
/// Several processes may open the same file; a writer first folds whatever others appended.
public final class LedgerStore: EditionStore {
    let database: DatabasePool
    let signer: CheckpointSigner?
    /// The folded state of the log as of ``Cache/head``; `nil` until loaded or after a failed write.
    let cache = Mutex<Cache?>(nil)

    struct Cache: Sendable {
        var head: Int64 = 0
        var headHash = LedgerEntry.genesisHash
        var frontier = MerkleFrontier()
        var editions: [EditionID: EditionState] = [:]
    }

    /// Opens (creating if needed) a store.
    ///
    /// - Parameters:
    ///   - path: The SQLite file.
    ///   - signer: The checkpoint key; a store opened without one can be read but not written.
    /// - Throws: ``LedgerError`` when the file cannot be opened or migrated.
    public init(path: String, signer: CheckpointSigner?) throws(LedgerError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try LedgerSchema.migrator.migrate(database)
        } catch {
            throw .storage("cannot open ledger \(path): \(error)")
        }
        self.signer = signer
    }

    /// Decides a command and appends its events; a phase change also writes a checkpoint.
    ///
    /// - Throws: `Refusal` when refused (nothing appended); ``LedgerError`` otherwise.
    public func execute(
        _ command: Command, on edition: EditionID, by actor: Actor, idempotencyKey: String, at time: Date
    ) throws -> Receipt {
        try execute(batch: [LedgerCommand(command, on: edition, by: actor)], idempotencyKey: idempotencyKey, at: time)
    }

    /// Decides and appends a batch of commands on one edition in one transaction: all or nothing.
    ///
    /// - Throws: `Refusal` for the first refused command (its position in the detail), with
    ///   nothing appended; ``LedgerError`` otherwise.
    public func execute(batch: [LedgerCommand], idempotencyKey: String, at time: Date) throws -> Receipt {
        try write(batch, idempotencyKey: idempotencyKey, at: time) { _, _ in }
    }

    /// The state of an edition as of the last append.
    public func state(of edition: EditionID) throws -> EditionState {
        try cache.withLock { cache in
            try database.read { db in try catchUp(db, &cache) }
            return cache!.editions[edition] ?? EditionState(id: edition)
        }
    }

    /// The ids of the editions in the log (civic budgets and village funds), in the order they were created.
    public func editions() throws -> [EditionID] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT edition FROM entries WHERE type IN ('edition_created', 'fund_opened') ORDER BY seq")
        }
    }

    /// The number of entries and the hash of the last one.
    public func head() throws -> (size: Int64, hash: [UInt8]) {
        try cache.withLock { cache in
            try database.read { db in try catchUp(db, &cache) }
            return (cache!.head, cache!.headHash)
        }
    }

    /// Writes a checkpoint of the whole log now, unless the latest one already covers it.
    ///
    /// - Returns: The signed note of the checkpoint covering every entry.
    public func checkpoint(at time: Date) throws -> String {
        try cache.withLock { cache in
            do {
                return try database.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        try catchUp(db, &cache)
                        try writeCheckpoint(db, cache!, time: time)
                        return .commit
                    }
                    return try String.fetchOne(db, sql: "SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1")!
                }
            } catch {
                cache = nil
                throw Self.writeFailure(error)
            }
        }
    }

    /// The signed checkpoints, oldest first.
    public func checkpoints() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT note FROM checkpoints ORDER BY size") }
    }

    /// The shared path of every write: decide each command on the folded state, run `check` on
    /// the state the command was accepted on, append the events, run `extra` in the same
    /// transaction, remember the receipt under the key. A throw from `check` or `extra` appends nothing.
    func write(
        _ batch: [LedgerCommand], idempotencyKey: String, at time: Date,
        check: (EditionState) throws -> Void = { _ in },
        extra: (Database, Receipt) throws -> Void
    ) throws -> Receipt {
        guard let signer else { throw LedgerError.key("this store was opened without its signing key; it is read-only") }
        guard let edition = batch.first?.edition, batch.allSatisfy({ $0.edition == edition }) else {
            throw LedgerError.malformed("a batch holds at least one command, all on one edition")
        }
        let fingerprint = try Self.fingerprint(batch)
        let timeText = Timestamp.format(time)
        return try cache.withLock { cache in
            do {
                return try database.writeWithoutTransaction { db in
                    var receipt: Receipt?
                    try db.inTransaction(.immediate) {
                        try catchUp(db, &cache)
                        if let row = try Row.fetchOne(
                            db, sql: "SELECT fingerprint, receipt FROM commands WHERE idempotency_key = ?", arguments: [idempotencyKey])
                        {
                            guard (row["fingerprint"] as Data) == Data(fingerprint) else {
                                throw Refusal(.idempotencyConflict, "idempotency key \(idempotencyKey) was used for another command")
                            }
                            receipt = try JSONDecoder().decode(Receipt.self, from: Data((row["receipt"] as String).utf8))
                            return .commit
                        }
                        let first = cache!.head + 1
                        for (position, item) in batch.enumerated() {
                            let state = cache!.editions[item.edition] ?? EditionState(id: item.edition)
                            let events: [(event: Event, actor: Actor)]
                            do {
                                events = try Self.decide(item, on: state, at: time, db: db)
                            } catch let error as Refusal {
                                throw batch.count == 1 ? error : Refusal(error.reason, "command \(position + 1) of \(batch.count): \(error.detail)")
                            }
                            try check(state)
                            var checkpointed = false
                            for (event, actor) in events {
                                try append(event, actor: actor, edition: item.edition, time: timeText, db: db, cache: &cache!)
                                if event.isCheckpointed { checkpointed = true }
                            }
                            // Every phase change and every decision of a fund or a local initiative is checkpointed
                            // where it happens, also inside a batch (`Event.isCheckpointed`).
                            if checkpointed { try writeCheckpoint(db, cache!, time: timeText, signer: signer) }
                        }
                        let done = Receipt(
                            edition: edition, firstSequence: first, lastSequence: cache!.head, lastHash: Hex.encode(cache!.headHash))
                        try extra(db, done)
                        try db.execute(
                            sql: "INSERT INTO commands (idempotency_key, fingerprint, receipt) VALUES (?, ?, ?)",
                            arguments: [idempotencyKey, Data(fingerprint), String(decoding: try JSONEncoder().encode(done), as: UTF8.self)])
                        receipt = done
                        return .commit
                    }
                    return receipt!
                }
            } catch {
                // The cache may hold events of the rolled-back transaction: fold again from the file.
                cache = nil
                throw Self.writeFailure(error)
            }
        }
    }

    /// A write's error as the ledger reports it: a database that cannot write now (disk full,
    /// I/O error, busy past the timeout, read-only file) becomes ``LedgerError/unavailable(_:)``;
    /// the transaction was rolled back, so nothing of it was kept. Anything else passes as it is.
    static func writeFailure(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_READONLY, .SQLITE_CANTOPEN:
            return LedgerError.unavailable("the ledger cannot write now (\(error.resultCode)); nothing was stored")
        default:
            return error
        }
    }

    func append(
        _ event: Event, actor: Actor, edition: EditionID, time: String, db: Database, cache: inout Cache
    ) throws {
        let (type, body) = try EventCoding.encode(event)
        let entry = LedgerEntry(
            sequence: cache.head + 1, id: EntryID.random(), time: time, type: type,
            actorRole: actor.role.rawValue, actorID: actor.id, edition: edition, body: body)
        let bytes = entry.canonicalBytes(previousHash: cache.headHash)
        let hash = Array(SHA256.hash(data: bytes))
        try db.cachedStatement(sql: """
            INSERT INTO entries (seq, id, time, type, actor_role, actor_id, edition, body, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                entry.sequence, entry.id, entry.time, entry.type, entry.actorRole, entry.actorID, entry.edition,
                entry.body, Data(hash),
            ])
        cache.head = entry.sequence
        cache.headHash = hash
        cache.frontier.append(leafHash: Merkle.leafHash(bytes))
        var state = cache.editions.removeValue(forKey: edition) ?? EditionState(id: edition)
        Edition.evolve(&state, event)
        try Projector.project(event, sequence: entry.sequence, state: state, db: db)
        try Self.retirePseudonyms(after: event, in: edition, db: db)
        cache.editions[edition] = state
    }

    private func writeCheckpoint(_ db: Database, _ cache: Cache, time: Date) throws {
        guard let signer else { throw LedgerError.key("this store was opened without its signing key; it is read-only") }
        try writeCheckpoint(db, cache, time: Timestamp.format(time), signer: signer)
    }

    func writeCheckpoint(_ db: Database, _ cache: Cache, time: String, signer: CheckpointSigner) throws {
        let latest = try Int64.fetchOne(db, sql: "SELECT MAX(size) FROM checkpoints")
        guard latest != cache.head else { return }
        let checkpoint = Checkpoint(origin: signer.name, size: cache.head, root: cache.frontier.root, time: time)
        try db.execute(
            sql: "INSERT INTO checkpoints (size, note) VALUES (?, ?)", arguments: [checkpoint.size, try signer.sign(checkpoint)])
    }

    /// Folds the entries appended since the cache was last brought up to date (by this process
    /// or another one). An entry whose stored hash does not match its content stops everything.
    func catchUp(_ db: Database, _ cache: inout Cache?) throws {
        let head = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM entries") ?? 0
        if cache == nil { cache = Cache() }
        guard head != cache!.head else { return }
        let entries = try Row.fetchCursor(
            db, sql: "SELECT seq, id, time, type, actor_role, actor_id, edition, body, hash FROM entries WHERE seq > ? ORDER BY seq",
            arguments: [cache!.head])
        while let row = try entries.next() {
            let entry = LedgerEntry(row: row)
            guard entry.sequence == cache!.head + 1 else {
                throw LedgerError.storage("entry \(cache!.head + 1) is missing; run wiec verify")
            }
            let bytes = entry.canonicalBytes(previousHash: cache!.headHash)
            let hash = Array(SHA256.hash(data: bytes))
            guard hash == Array(row["hash"] as Data) else {
                throw LedgerError.storage("entry \(entry.sequence) does not match its hash; run wiec verify")
            }
            let event = try EventCoding.decode(type: entry.type, body: entry.body)
            cache!.head = entry.sequence
            cache!.headHash = hash
            cache!.frontier.append(leafHash: Merkle.leafHash(bytes))
            var state = cache!.editions.removeValue(forKey: entry.edition) ?? EditionState(id: entry.edition)
            Edition.evolve(&state, event)
            cache!.editions[entry.edition] = state
        }
    }

    /// A fingerprint of what a batch asks, so a reused idempotency key with another request is
    /// refused. A large batch (an import) is fingerprinted by its size and its first and last 64
    /// commands, which is enough to tell one import from another at a fraction of the cost.
    static func fingerprint(_ batch: [LedgerCommand]) throws -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array("\(batch.count)\n".utf8))
        let sample = batch.count <= 128 ? batch[...] : batch.prefix(64) + batch.suffix(64)
        for item in sample {
            hasher.update(data: try EventCoding.canonical(item.command))
            hasher.update(data: Array("\n\(item.edition)\n\(item.actor.role.rawValue)\n\(item.actor.id)\n".utf8))
        }
        return Array(hasher.finalize())
    }
}

extension LedgerEntry {
    /// Reads an entry from a row of `entries`.
    init(row: Row) {
        self.init(
            sequence: row[0], id: row[1], time: row[2], type: row[3], actorRole: row[4], actorID: row[5],
            edition: row[6], body: row[7])
    }
}
