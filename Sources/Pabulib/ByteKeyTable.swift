import Foundation

/// An open-addressing hash table from byte strings to integers, so that the reader can look up
/// project ids, find duplicate voter ids and share repeated column values without building a
/// `String` for every field of every vote.
///
/// Ids in pabulib files are short: each slot keeps its key's length and first eight bytes, so a
/// key of up to eight bytes is found, stored and placed again without any other storage; only
/// the bytes of longer keys after their first eight are kept aside. The hash reads a key eight
/// bytes at a time.
struct ByteKeyTable {
    /// One slot of the open-addressing array.
    private struct Slot {
        /// The key's first eight bytes, little-endian and zero-padded.
        var head: UInt64
        var length: Int32
        /// The key's index in `tailEnds` and `values`, or -1 when the slot is empty.
        var entry: Int32

        static let empty = Slot(head: 0, length: 0, entry: -1)
    }

    /// The bytes of every stored key after its first eight, one key after another.
    private var tails: [UInt8] = []
    /// Per stored key: where its tail ends in `tails` (it starts its length less eight before).
    private var tailEnds: [Int] = []
    private var values: [Int] = []
    private var slots: [Slot]
    private var mask: Int

    /// The number of keys stored.
    var count: Int { values.count }

    /// - Parameter capacity: the number of keys expected (a hint; below 0 counts as 0); the table
    ///   grows past it when needed.
    init(capacity: Int = 8) {
        let capacity = max(capacity, 0)
        var size = 16
        while size / 2 < capacity { size <<= 1 }
        slots = [Slot](repeating: .empty, count: size)
        mask = size - 1
        tailEnds.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// The value stored for `key`, if any.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        let entry = slots[find(key, head: Self.head(of: key))].entry
        return entry < 0 ? nil : values[Int(entry)]
    }

    /// Stores `value` for `key` unless the key is already there.
    ///
    /// - Returns: the value already stored for the key, or `nil` when the key was new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) -> Int? {
        if (values.count + 1) * 2 > slots.count { grow() }
        let head = Self.head(of: key)
        let slot = find(key, head: head)
        let entry = slots[slot].entry
        if entry >= 0 { return values[Int(entry)] }
        guard let length = Int32(exactly: key.count), let newEntry = Int32(exactly: values.count) else {
            preconditionFailure("a key or a key count beyond 2³¹")
        }
        if key.count > 8 { tails.append(contentsOf: UnsafeBufferPointer(rebasing: key[8...])) }
        tailEnds.append(tails.count)
        values.append(value)
        slots[slot] = Slot(head: head, length: length, entry: newEntry)
        return nil
    }

    /// The slot that holds `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UnsafeBufferPointer<UInt8>, head: UInt64) -> Int {
        let tail = UnsafeBufferPointer(rebasing: key[min(8, key.count)...])
        var slot = Int(truncatingIfNeeded: Self.hash(head: head, count: key.count, tail: tail)) & mask
        while true {
            let stored = slots[slot]
            if stored.entry < 0 { return slot }
            if stored.head == head, Int(stored.length) == key.count, key.count <= 8 || tailMatches(Int(stored.entry), key) {
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the bytes of a stored key after its first eight are those of `key`, of the same length.
    private func tailMatches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = tailEnds[entry] - (key.count - 8)
        return tails.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + start, key.baseAddress! + 8, key.count - 8) == 0
        }
    }

    /// Doubles the slots, placing each key again.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: .empty, count: old.count * 2)
        mask = slots.count - 1
        tails.withUnsafeBufferPointer { bytes in
            for stored in old where stored.entry >= 0 {
                let end = tailEnds[Int(stored.entry)]
                let tail = UnsafeBufferPointer(rebasing: bytes[(end - max(Int(stored.length) - 8, 0))..<end])
                let hash = Self.hash(head: stored.head, count: Int(stored.length), tail: tail)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot].entry >= 0 { slot = (slot + 1) & mask }
                slots[slot] = stored
            }
        }
    }

    /// The first eight bytes of `key` as a little-endian word, zero-padded.
    @inline(__always)
    private static func head(of key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        word(key, from: 0)
    }

    /// Up to eight bytes of `key` from `start`, as a little-endian word, zero-padded.
    @inline(__always)
    private static func word(_ key: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64 {
        let end = min(start + 8, key.count)
        if end - start == 8 {
            return UInt64(littleEndian: UnsafeRawPointer(key.baseAddress! + start).loadUnaligned(as: UInt64.self))
        }
        var word: UInt64 = 0
        var index = end
        while index > start {
            index -= 1
            word = word << 8 | UInt64(key[index])
        }
        return word
    }

    /// Mixes a key eight bytes at a time (its length and first eight bytes, then the rest of
    /// it), finished with a multiply-xorshift so that short numeric ids spread over the slots.
    @inline(__always)
    private static func hash(head: UInt64, count: Int, tail: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = (UInt64(count) ^ head) &* multiplier
        var start = 0
        while start < tail.count {
            hash = (hash ^ (hash >> 29) ^ word(tail, from: start)) &* multiplier
            start += 8
        }
        hash ^= hash >> 32
        hash = hash &* 0xd6e8_feb8_6659_fd93
        return hash ^ (hash >> 32)
    }
}
