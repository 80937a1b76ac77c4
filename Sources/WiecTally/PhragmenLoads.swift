/// The loads of a sequential Phragmén count, exact and without allocation in a round.
///
/// Every number is an integer over one common denominator `D` (the product of the supporter
/// counts of the projects bought so far), stored side by side as fixed-width limbs (``Limbs``)
/// of one width that grows for all numbers at once when `D` grows. A voter's load is the load of
/// the last project it helped buy, so voters share a few *load groups* (group 0: load 0, then one
/// per purchase). For each project the count keeps `N = (its supporters' loads + its cost) × D`,
/// so the load its supporters would carry if it were bought is `N / (D × supporters)`.
///
/// Sizes: loads add up to the money spent, so every `N` and every group load is below
/// `2⁶⁴ × D`; `used` (the limbs of `D` plus two) holds them, and their products by a supporter
/// count fit in `used + 1` limbs.
///
/// The numbers (at their first width) and the per-voter and per-group tables are carved from one
/// ``TableArena`` allocation; wider numbers move to memory of their own. A count runs on one
/// thread, so the variables go unchecked for exclusivity.
final class PhragmenLoads {
    private let approvals: PhragmenApprovals
    /// Limbs in use for every number; `width` is at least `used + 2`.
    @exclusivity(unchecked) private var used: Int
    @exclusivity(unchecked) private var denominatorLimbs = 1
    @exclusivity(unchecked) private var groups = 1
    /// Slot 0: `D`; slot 1: a group's rise in load; then per project `N`
    /// as above (kept up to date for candidates still in the count); then per load group its
    /// load × `D`.
    @exclusivity(unchecked) private var numbers: UnsafeMutablePointer<UInt64>
    /// Limbs a number takes in `numbers`.
    @exclusivity(unchecked) private var width: Int
    /// `numbers` once it has moved out of `tables` (nil before).
    @exclusivity(unchecked) private var widened: UnsafeMutablePointer<UInt64>?
    private let slotCount: Int
    private let projectCount: Int
    private let tables: UnsafeMutableRawPointer
    /// Each kept voter's load group.
    private let groupOf: UnsafeMutablePointer<Int32>
    /// Per load group and project: how many of the voters moving out of that group approve it.
    private let moved: UnsafeMutablePointer<Int32>
    private let touched: UnsafeMutablePointer<Int32>
    private let isTouched: UnsafeMutablePointer<Bool>

    /// Loads of 0 for everyone; the candidates' costs are non-negative and `purchases` bounds the
    /// number of projects with supporters that will be bought.
    init(approvals: PhragmenApprovals, projects: [Project], purchases: Int) {
        self.approvals = approvals
        projectCount = projects.count
        used = 3
        let width = 8
        self.width = width
        let groupCapacity = purchases + 1
        slotCount = 2 + projectCount + groupCapacity
        let voterCount = approvals.voterCount
        var arena = TableArena()
        let numbersAt = arena.reserve(UInt64.self, count: slotCount * width)
        let groupOfAt = arena.reserve(Int32.self, count: voterCount)
        let movedAt = arena.reserve(Int32.self, count: groupCapacity * projectCount)
        let touchedAt = arena.reserve(Int32.self, count: groupCapacity)
        let isTouchedAt = arena.reserve(Bool.self, count: groupCapacity)
        tables = arena.allocate()
        numbers = TableArena.table(tables, at: numbersAt, count: slotCount * width)
        numbers.initialize(repeating: 0, count: (3 + projectCount) * width)
        numbers[0] = 1
        for project in 0..<projectCount {
            numbers[(2 + project) * width] = UInt64(max(projects[project].cost.minorUnits, 0))
        }
        groupOf = TableArena.table(tables, at: groupOfAt, count: voterCount)
        moved = TableArena.table(tables, at: movedAt, count: groupCapacity * projectCount)
        touched = TableArena.table(tables, at: touchedAt, count: groupCapacity)
        isTouched = TableArena.table(tables, at: isTouchedAt, count: groupCapacity)
        groupOf.initialize(repeating: 0, count: voterCount)
        moved.initialize(repeating: 0, count: groupCapacity * projectCount)
        isTouched.initialize(repeating: false, count: groupCapacity)
    }

    deinit {
        tables.deallocate()
        widened?.deallocate()
    }

    /// The limbs of a slot.
    @inline(__always)
    private func slot(_ index: Int) -> UnsafeMutablePointer<UInt64> { numbers + index * width }

    /// `N` of a project.
    @inline(__always)
    private func numerator(_ project: Int) -> UnsafeMutablePointer<UInt64> { slot(2 + project) }

    /// A load group's load × `D`.
    @inline(__always)
    private func groupLoad(_ group: Int) -> UnsafeMutablePointer<UInt64> { slot(2 + projectCount + group) }

    /// Gives every number `newWidth` limbs, keeping the values of the slots in use.
    private func widen(to newWidth: Int) {
        let storage = UnsafeMutablePointer<UInt64>.allocate(capacity: slotCount * newWidth)
        for index in 0..<(2 + projectCount + groups) {
            let target = storage + index * newWidth
            target.update(from: slot(index), count: width)
            (target + width).update(repeating: 0, count: newWidth - width)
        }
        widened?.deallocate()
        widened = storage
        numbers = storage
        width = newWidth
    }

    /// The sign of (new load of `a`) − (new load of `b`); a project without supporters has an
    /// infinite new load.
    @inline(__always)
    func compare(_ a: Int, _ b: Int) -> Int {
        let supportersA = UInt64(approvals.scores[a]), supportersB = UInt64(approvals.scores[b])
        if supportersA == 0 || supportersB == 0 {
            return supportersA == supportersB ? 0 : (supportersA == 0 ? 1 : -1)
        }
        // N(a) × supporters(b) − N(b) × supporters(a), limb by limb from the bottom, in registers:
        // its low `used` limbs (whether any is not zero) and its top limb, which gives the sign
        // unless it is zero.
        let numeratorA = numerator(a), numeratorB = numerator(b)
        var carryA: UInt64 = 0, carryB: UInt64 = 0, borrow: UInt64 = 0, lowBits: UInt64 = 0
        for index in 0..<used {
            let (highA, lowA) = numeratorA[index].multipliedFullWidth(by: supportersB)
            let (limbA, overflowA) = lowA.addingReportingOverflow(carryA)
            carryA = highA &+ (overflowA ? 1 : 0)
            let (highB, lowB) = numeratorB[index].multipliedFullWidth(by: supportersA)
            let (limbB, overflowB) = lowB.addingReportingOverflow(carryB)
            carryB = highB &+ (overflowB ? 1 : 0)
            let (difference, borrowOut) = limbA.subtractingReportingOverflow(limbB)
            let (limb, borrowAgain) = difference.subtractingReportingOverflow(borrow)
            borrow = (borrowOut ? 1 : 0) &+ (borrowAgain ? 1 : 0)
            lowBits |= limb
        }
        // The top limb is carryA − carryB − borrow; carryB + borrow cannot overflow, as a carry
        // is at most 2⁶⁴ − 2.
        let subtrahend = carryB &+ borrow
        if carryA != subtrahend { return carryA < subtrahend ? -1 : 1 }
        return lowBits == 0 ? 0 : 1
    }

    /// The load of the voters who paid for the last project bought, exactly.
    var lastLoad: Rational {
        Rational(Limbs.bigInt(groupLoad(groups - 1), count: used), Limbs.bigInt(slot(0), count: denominatorLimbs))
    }

    /// Buys `winner` (which has supporters): its supporters' loads all become its new load.
    /// `remaining` lists the candidates still in the count, without `winner`.
    func buy(_ winner: Int, remaining: [Int]) {
        let factor = UInt64(approvals.scores[winner])
        let group = groups
        groups += 1
        // The new load is N(winner) / (D × factor): D becomes D × factor, every other number
        // is multiplied by factor.
        for old in 0..<group {
            let slot = groupLoad(old)
            slot[used] = Limbs.multiplyInPlace(slot, by: factor, count: used)
        }
        for project in remaining {
            let slot = numerator(project)
            slot[used] = Limbs.multiplyInPlace(slot, by: factor, count: used)
        }
        let denominator = slot(0)
        let carry = Limbs.multiplyInPlace(denominator, by: factor, count: denominatorLimbs)
        if carry != 0 {
            denominator[denominatorLimbs] = carry
            denominatorLimbs += 1
        }
        Limbs.copy(numerator(winner), to: groupLoad(group), count: used)
        groupLoad(group)[used] = 0
        used = denominatorLimbs + 2
        if width < used + 2 { widen(to: max(used + 2, 2 * width)) }

        // Move the winner's supporters to the new group, counting per old group who approves what.
        var touchedCount = 0
        for voter in approvals.supporters(of: winner) {
            let old = Int(groupOf[Int(voter)])
            groupOf[Int(voter)] = Int32(truncatingIfNeeded: group)
            if !isTouched[old] {
                isTouched[old] = true
                touched[touchedCount] = Int32(truncatingIfNeeded: old)
                touchedCount += 1
            }
            let row = moved + old * projectCount
            for project in approvals.ballot(of: Int(voter)) { row[Int(project)] &+= 1 }
        }
        // Each project's N rises by (new load − old load) × D per supporter that moved.
        let rise = slot(1)
        for index in 0..<touchedCount {
            let old = Int(touched[index])
            isTouched[old] = false
            Limbs.copy(groupLoad(group), to: rise, count: used)
            let borrow = Limbs.subtract(groupLoad(old), from: rise, count: used)
            precondition(borrow == 0, "Phragmén loads never fall")
            let row = moved + old * projectCount
            for project in remaining where row[project] != 0 {
                let overflow = Limbs.addMultiple(rise, times: UInt64(row[project]), count: used - 1, to: numerator(project))
                precondition(overflow == 0, "Phragmén numerators stay below 2⁶⁴ × D")
            }
            row.update(repeating: 0, count: projectCount)
        }
    }
}
