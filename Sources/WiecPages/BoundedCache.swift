import Synchronization

/// Rendered HTML kept in memory under a key that names everything it was made from, holding
/// at most `capacity` values: when full, the value stored longest ago makes room for the new
/// one. A value is made outside the lock, so a slow render never holds up other pages; two
/// requests that miss at once both make it, and either result is the same.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Storage {
        var values: [Key: Value] = [:]
        /// The keys in the order they were stored, as a ring: `next` is the slot to fill next.
        var order: [Key?]
        var next = 0
    }

    /// The most values kept at once.
    let capacity: Int
    private let storage: Mutex<Storage>

    /// An empty cache.
    ///
    /// - Parameter capacity: The most values kept at once (at least one).
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        storage = Mutex(Storage(order: Array(repeating: nil, count: max(capacity, 1))))
    }

    /// The value kept under a key, made by `make` and kept when there is none.
    func value(for key: Key, make: () throws -> Value) rethrows -> Value {
        if let known = storage.withLock({ $0.values[key] }) { return known }
        let made = try make()
        storage.withLock { storage in
            guard storage.values[key] == nil else { return }
            if let oldest = storage.order[storage.next] { storage.values[oldest] = nil }
            storage.order[storage.next] = key
            storage.next = (storage.next + 1) % capacity
            storage.values[key] = made
        }
        return made
    }

    /// How many values are kept now.
    var count: Int { storage.withLock { $0.values.count } }
}
