import Dispatch
import Foundation
import Synchronization
import WiecCore
import WiecLedger

/// Funnels concurrent commands into the ledger's group commit: while one transaction is being
/// made durable, the commands that arrive wait together and go into the next one. Each request
/// is answered only after its own command is durable. The writes run on their own dispatch
/// queue, so waiting on the disk never holds a thread of Swift's cooperative pool.
final class GroupCommitter: Sendable {
    private struct Pending: Sendable {
        var request: LedgerRequest
        var continuation: CheckedContinuation<(write: LedgerWrite, receipt: Receipt), any Error>
    }

    private struct Queue: Sendable {
        var pending: [Pending] = []
        var draining = false
    }

    /// The most commands one transaction takes.
    static let maxGroup = 512

    private let store: LedgerStore
    private let queue = Mutex(Queue())
    private let writer = DispatchQueue(label: "wiec.ledger.writer")

    init(store: LedgerStore) {
        self.store = store
    }

    /// Executes a request (a command, a batch, a registration) in the next group commit.
    ///
    /// - Throws: the command's `Refusal`, or the transaction's error.
    func execute(_ write: LedgerWrite) async throws -> Receipt {
        try await execute(.write(write)).receipt
    }

    /// Executes a request in the next group commit.
    ///
    /// - Returns: The write the request made (``LedgerRequest/asVoter(_:in:make:)``) and its receipt.
    /// - Throws: the request's `Refusal`, or the transaction's error.
    func execute(_ request: LedgerRequest) async throws -> (write: LedgerWrite, receipt: Receipt) {
        try await withCheckedThrowingContinuation { continuation in
            let start = queue.withLock { queue in
                queue.pending.append(Pending(request: request, continuation: continuation))
                defer { queue.draining = true }
                return !queue.draining
            }
            if start { writer.async { self.drain() } }
        }
    }

    /// Commits groups until nothing waits.
    private func drain() {
        while true {
            let group: [Pending] = queue.withLock { queue in
                let group = Array(queue.pending.prefix(Self.maxGroup))
                queue.pending.removeFirst(group.count)
                if group.isEmpty { queue.draining = false }
                return group
            }
            if group.isEmpty { return }
            do {
                let results = try store.execute(requests: group.map(\.request), at: Date())
                for (pending, result) in zip(group, results) { pending.continuation.resume(with: result) }
            } catch {
                for pending in group { pending.continuation.resume(throwing: error) }
            }
        }
    }
}
