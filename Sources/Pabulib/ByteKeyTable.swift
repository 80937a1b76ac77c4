import Foundation

/// An open-addressing hash table from byte strings to integers, so that the reader can look up
/// project ids, find duplicate voter ids and share repeated column values without building a
/// `String` for every field of every vote.
///
/// Ids in pabulib files are short: each slot keeps its key's length and first eight bytes, so a
/// key of up to eight bytes is found without reading anything but its slot, and the hash reads
/// a key eight bytes at a time.
struct ByteKeyTable {
    /// One slot of the open-addressing array.
    private struct Slot {
        /// The key's first eight bytes, little-endian and zero-padded.
        var head: UInt64
        var length: Int32
        /// The key's index in `keyEnds` and `values`, or -1 when the slot is empty.
        var entry: Int32

        static let empty = Slot(head: 0, length: 0, entry: -1)
    }

    /// The bytes of every stored key, one after another.
    private var keyBytes: [UInt8] = []
    /// Per stored key: where its bytes end in `keyBytes` (they start where the previous key's end).
    private var keyEnds: [Int] = []
    private var values: [Int] = []
    private var slots: [Slot]
    private var mask: Int

    /// The number of keys stored.
    var count: Int { values.count }

    /// - Parameter capacity: the number of keys expected; the table grows past it when needed.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: .empty, count: size)
        mask = size - 1
        keyEnds.reserveCapacity(capacity)
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
        keyBytes.append(contentsOf: key)
        keyEnds.append(keyBytes.count)
        values.append(value)
        slots[slot] = Slot(head: head, length: length, entry: newEntry)
        return nil
    }

    /// The slot that holds `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UnsafeBufferPointer<UInt8>, head: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: Self.hash(key, head: head)) & mask
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
        let start = entry == 0 ? 0 : keyEnds[entry - 1]
        return keyBytes.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + start + 8, key.baseAddress! + 8, key.count - 8) == 0
        }
    }

    /// Doubles the slots, placing each key again.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: .empty, count: old.count * 2)
        mask = slots.count - 1
        keyBytes.withUnsafeBufferPointer { bytes in
            for stored in old where stored.entry >= 0 {
                let end = keyEnds[Int(stored.entry)]
                let key = UnsafeBufferPointer(rebasing: bytes[(end - Int(stored.length))..<end])
                var slot = Int(truncatingIfNeeded: Self.hash(key, head: stored.head)) & mask
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

    /// Mixes the key eight bytes at a time (its length first), finished with a multiply-xorshift
    /// so that short numeric ids spread over the slots.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>, head: UInt64) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = (UInt64(key.count) ^ head) &* multiplier
        var start = 8
        while start < key.count {
            hash = (hash ^ (hash >> 29) ^ word(key, from: start)) &* multiplier
            start += 8
        }
        hash ^= hash >> 32
        hash = hash &* 0xd6e8_feb8_6659_fd93
        return hash ^ (hash >> 32)
    }
}
