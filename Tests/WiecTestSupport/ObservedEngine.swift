import Dispatch
import Synchronization
import WiecLedger

/// A real engine seen from outside: it counts the write transactions the ledger opens and can
/// hold the next one open (inside the transaction, before the ledger's work) until released, so
/// a test can show what waits for a writer and what does not.
public final class ObservedEngine: LedgerEngine {
    private let engine: any LedgerEngine
    private let state = Mutex(State())
    private let released = DispatchSemaphore(value: 0)

    private struct State {
        var writes = 0
        var holdNext = false
        var holding = false
    }

    /// Observes an engine.
    public init(_ engine: any LedgerEngine) {
        self.engine = engine
    }

    /// The write transactions opened so far.
    public var writes: Int { state.withLock { $0.writes } }

    /// Whether a write transaction is being held open now.
    public var isHolding: Bool { state.withLock { $0.holding } }

    /// Holds the next write transaction open until ``release()``.
    public func holdNextWrite() {
        state.withLock { $0.holdNext = true }
    }

    /// Lets the held write transaction go on.
    public func release() {
        released.signal()
    }

    public func write<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T {
        try engine.write { transaction in
            let hold = state.withLock { state in
                state.writes += 1
                defer { state.holdNext = false }
                state.holding = state.holdNext
                return state.holdNext
            }
            if hold {
                released.wait()
                state.withLock { $0.holding = false }
            }
            return try body(transaction)
        }
    }

    public func read<T>(_ body: (any LedgerReading) throws -> T) throws -> T {
        try engine.read(body)
    }
}
