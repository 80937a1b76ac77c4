/// Non-negative integers of one shared width (in 64-bit limbs), side by side in one
/// allocation of a fixed number of slots: the money of every voter class of an Equal Shares
/// count, or each project's price bound. The width grows for all numbers at once, so a slot's
/// address is a multiply away and no number ever owns storage of its own. Slots hold whatever
/// was written to them: nothing is zeroed for the caller. A store belongs to one count on one
/// thread, so its variables go unchecked for exclusivity (a run-time call per access otherwise).
final class WideStore {
    @exclusivity(unchecked) private(set) var width: Int
    @exclusivity(unchecked) private(set) var capacity: Int
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt64>

    init(width: Int, capacity: Int) {
        self.width = width
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity * width)
    }

    deinit { base.deallocate() }

    /// The limbs of a slot.
    @inline(__always)
    subscript(slot: Int) -> UnsafeMutablePointer<UInt64> { base + slot * width }

    /// Gives every number `newWidth` limbs, keeping the values of the first `used` slots.
    func widen(to newWidth: Int, keeping used: Int) {
        guard newWidth > width else { return }
        let storage = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity * newWidth)
        for slot in 0..<min(used, capacity) {
            let target = storage + slot * newWidth
            target.update(from: base + slot * width, count: width)
            (target + width).update(repeating: 0, count: newWidth - width)
        }
        base.deallocate()
        base = storage
        width = newWidth
    }
}
