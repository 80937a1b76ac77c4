import Dispatch
import Foundation
import Synchronization
import Testing
import WiecCore
@testable import WiecLedger
import WiecTestSupport
@testable import WiecLedgerSQLite

/// Readers beside a writer on a real SQLite file: while a write transaction is open, `head()`
/// and `state(of:)` answer with the last commit instead of waiting for it.
@Suite struct ReaderTests {
    /// What a reading thread saw, handed back to the test.
    final class Seen: Sendable {
        let value = Mutex<(size: Int64, voters: Int)?>(nil)
    }

    @Test("a read during an open write transaction answers at once, with the last commit")
    func readsDoNotWaitForTheWriter() throws {
        let ledger = try TemporaryLedger()
        try ledger.votingEdition()
        let engine = ObservedEngine(try SQLiteEngine(path: ledger.path))
        let store = LedgerStore(engine: engine, signer: ledger.signer)
        let before = try store.head().size
        let voters = try store.state(of: TemporaryLedger.edition).voters.count

        engine.holdNextWrite()
        let written = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? store.execute(
                .registerVoter(voter: "v-late"), on: TemporaryLedger.edition, by: TemporaryLedger.official, idempotencyKey: "late", at: Date())
            written.signal()
        }
        let deadline = Date() + 10
        while !engine.isHolding, Date() < deadline { usleep(1_000) }
        #expect(engine.isHolding)

        // On a thread of its own, so that a read that waited for the writer fails the test instead of hanging it.
        let seen = Seen()
        let read = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            if let size = try? store.head().size, let state = try? store.state(of: TemporaryLedger.edition) {
                seen.value.withLock { $0 = (size, state.voters.count) }
            }
            read.signal()
        }
        let answered = read.wait(timeout: .now() + 5)
        engine.release()
        #expect(answered == .success, "the read waited for the open write transaction")
        #expect(seen.value.withLock { $0?.size } == before)
        #expect(seen.value.withLock { $0?.voters } == voters)

        #expect(written.wait(timeout: .now() + 10) == .success)
        #expect(try store.head().size == before + 1)
        #expect(try store.state(of: TemporaryLedger.edition).voters.contains("v-late"))
    }
}
