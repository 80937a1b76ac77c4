/// Fixed tables of plain values carved out of one allocation: a count sets up its per-class
/// and per-project tables with one `malloc` and frees them with one `free`, where an array
/// each would cost an allocation and a metadata lookup apiece.
///
/// Reserve every table first (each call returns the table's offset), then ``allocate()`` once
/// and bind each table with ``table(_:at:count:)``. Nothing is initialized: the owner writes
/// what it reads before reading it (memory never touched costs no page) and deallocates the
/// memory.
struct TableArena {
    /// Bytes reserved so far.
    private(set) var byteCount = 0

    /// Reserves room for `count` values of `type`, aligned for it; returns the table's offset.
    mutating func reserve<Value: BitwiseCopyable>(_ type: Value.Type, count: Int) -> Int {
        let alignment = MemoryLayout<Value>.alignment
        let offset = (byteCount + alignment - 1) / alignment * alignment
        byteCount = offset + count * MemoryLayout<Value>.stride
        return offset
    }

    /// Uninitialized memory for every table reserved.
    func allocate() -> UnsafeMutableRawPointer {
        .allocate(byteCount: max(byteCount, 1), alignment: 16)
    }

    /// The table reserved at `offset` in memory from ``allocate()``.
    static func table<Value: BitwiseCopyable>(_ base: UnsafeMutableRawPointer, at offset: Int, count: Int) -> UnsafeMutablePointer<Value> {
        (base + offset).bindMemory(to: Value.self, capacity: count)
    }
}
