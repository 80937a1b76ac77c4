public import Foundation
import Synchronization
public import WiecCore

/// The event store over an engine (``LedgerEngine``): each request is decided against the
/// folded state and its events are appended as hash-chained entries in one transaction, durable
/// before the receipt is returned (``Appender``).
///
/// Writers take turns on the fold; readers take the fold as the last write left it and never
/// wait for a writer's commit. Several processes (or nodes) may share one store: a writer first
/// folds whatever others appended, and so does a reader that finds the log longer than its fold.
public final class LedgerStore: EditionStore {
    /// Where the entries are kept.
    public let engine: any LedgerEngine
    let signer: CheckpointSigner?
    /// The writers' fold; `nil` until loaded or after a failed write.
    private let writerFold = Mutex<LedgerFold?>(nil)
    /// The fold as of the last write or catch-up, for readers.
    private let readerFold = Mutex(LedgerFold())
    /// The writes under way or waiting in this process; while there are any, readers take the
    /// readers' fold as it is, since the next write catches up with the store and publishes.
    private let writes = Atomic(0)

    /// Opens a store over an engine.
    ///
    /// - Parameters:
    ///   - engine: Where the entries are kept.
    ///   - signer: The checkpoint key; a store opened without one can be read but not written.
    public init(engine: any LedgerEngine, signer: CheckpointSigner?) {
        self.engine = engine
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
        try execute(each: [LedgerWrite(batch, idempotencyKey: idempotencyKey)], at: time)[0].get()
    }

    /// Decides and appends independent requests in one transaction, so that many requests share
    /// one durable commit. Each is decided on the state its predecessors left; a refused one
    /// appends nothing and does not affect the others; a key already used returns its first
    /// receipt (or `idempotency_conflict` for another request).
    ///
    /// - Returns: Per request, in order, its receipt or its refusal.
    /// - Throws: ``LedgerError`` when the transaction itself fails; then nothing is appended.
    public func execute(each writes: [LedgerWrite], at time: Date) throws -> [Result<Receipt, any Error>] {
        try execute(requests: writes.map(LedgerRequest.write), at: time).map { $0.map(\.receipt) }
    }

    /// ``execute(each:at:)`` for requests, some of which the transaction makes into writes
    /// (``LedgerRequest/asVoter(_:in:make:)``); a request that cannot be made is refused alone.
    ///
    /// - Returns: Per request, in order, the write it made and its receipt, or its refusal.
    /// - Throws: ``LedgerError`` when the transaction itself fails; then nothing is appended.
    public func execute(
        requests: [LedgerRequest], at time: Date
    ) throws -> [Result<(write: LedgerWrite, receipt: Receipt), any Error>] {
        let signer = try writingSigner()
        return try withWriterFold { fold, transaction in
            let appender = Appender(transaction, signer: signer, at: time)
            let writes = try requests.map(appender.write(for:))
            var remembered = try transaction.commands(withKeys: writes.compactMap { try? $0.get().idempotencyKey })
            return try writes.map { made in
                switch made {
                case .success(let write): try appender.apply(write, to: &fold, remembered: &remembered).map { (write: write, receipt: $0) }
                case .failure(let refusal): .failure(refusal)
                }
            }
        }
    }

    /// The state of an edition as of the last append.
    public func state(of edition: EditionID) throws -> EditionState {
        try currentFold().editions[edition] ?? EditionState(id: edition)
    }

    /// The ids of the editions in the log (civic budgets and village funds), in the order they were created.
    public func editions() throws -> [EditionID] {
        try engine.read { try $0.editionIDs() }
    }

    /// The number of entries and the hash of the last one.
    public func head() throws -> (size: Int64, hash: [UInt8]) {
        let fold = try currentFold()
        return (fold.head, fold.headHash)
    }

    /// Writes a checkpoint of the whole log now, unless the latest one already covers it.
    ///
    /// - Returns: The signed note of the checkpoint covering every entry.
    public func checkpoint(at time: Date) throws -> String {
        let signer = try writingSigner()
        return try withWriterFold { fold, transaction in
            try Appender(transaction, signer: signer, at: time).checkpoint(fold)
            return try transaction.checkpoints().last!.note
        }
    }

    /// The signed checkpoints, oldest first.
    public func checkpoints() throws -> [String] {
        try engine.read { try $0.checkpoints().map(\.note) }
    }

    /// The signing key, or why this store cannot write.
    private func writingSigner() throws -> CheckpointSigner {
        guard let signer else { throw LedgerError.key("this store was opened without its signing key; it is read-only") }
        return signer
    }

    /// Runs `body` in a write transaction on the writers' fold, brought up to the head first,
    /// and hands the result to readers once it is durable. A failed transaction may have left
    /// its events in the fold: it is folded again from the store on the next write.
    private func withWriterFold<T: Sendable>(_ body: (inout LedgerFold, any LedgerTransaction) throws -> T) throws -> T {
        writes.add(1, ordering: .acquiringAndReleasing)
        defer { writes.subtract(1, ordering: .acquiringAndReleasing) }
        return try writerFold.withLock { held in
            do {
                var fold = held ?? LedgerFold()
                held = nil
                let result = try engine.write { transaction in
                    try fold.catchUp(transaction)
                    return try body(&fold, transaction)
                }
                held = fold
                publish(fold)
                return result
            } catch {
                held = nil
                throw error
            }
        }
    }

    /// The fold as far as the store goes now: the readers' fold, brought up to the head when
    /// another writer (another process, or this one's writer before it published) appended more.
    /// While this process writes, the readers' fold as it is: folding a commit that is about to
    /// be published would copy an edition's state for nothing.
    private func currentFold() throws -> LedgerFold {
        var fold = readerFold.withLock { $0 }
        if writes.load(ordering: .acquiring) > 0 { return fold }
        guard try engine.read({ reading in
            guard try reading.lastSequence() != fold.head else { return false }
            try fold.catchUp(reading)
            return true
        }) else { return fold }
        publish(fold)
        return fold
    }

    /// Hands a fold to readers, unless they already have a longer one.
    private func publish(_ fold: LedgerFold) {
        readerFold.withLock { if $0.head < fold.head { $0 = fold } }
    }
}
