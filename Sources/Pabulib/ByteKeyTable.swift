import Foundation

/// An open-addressing hash table from byte strings to integers, so that the reader can look up
/// project ids, find duplicate voter ids and share repeated column values without building a
/// `String` for every field of every vote.
struct ByteKeyTable {
    private var keyBytes: [UInt8] = []
    /// Per stored key: where its bytes are in `keyBytes`.
    private var keyRanges: [Range<Int>] = []
    private var values: [Int] = []
    /// Slot → index into `keyRanges`/`values`, or -1 when empty.
    private var slots: [Int]
    private var hashes: [UInt64]
    private var mask: Int

    /// The number of keys stored.
    var count: Int { values.count }

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int](repeating: -1, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The value stored for `key`, if any.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if hashes[slot] == hash, matches(entry, key) { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key` unless the key is already there.
    ///
    /// - Returns: the value already stored for the key, or `nil` when the key was new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) -> Int? {
        if (values.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if hashes[slot] == hash, matches(entry, key) { return values[entry] }
            slot = (slot + 1) & mask
        }
        let start = keyBytes.count
        keyBytes.append(contentsOf: key)
        keyRanges.append(start..<keyBytes.count)
        values.append(value)
        slots[slot] = values.count - 1
        hashes[slot] = hash
        return nil
    }

    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = keyRanges[entry]
        guard range.count == key.count else { return false }
        guard let keyStart = key.baseAddress else { return true }
        return keyBytes.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + range.lowerBound, keyStart, range.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int](repeating: -1, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for (entry, range) in keyRanges.enumerated() {
            let hash = keyBytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[range])) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
            hashes[slot] = hash
        }
    }

    /// FNV-1a, finished with a multiply-xorshift so that short numeric ids spread over the slots.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 32
        hash = hash &* 0xd6e8_feb8_6659_fd93
        return hash ^ (hash >> 32)
    }
}
