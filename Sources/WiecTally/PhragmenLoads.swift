/// The loads of a sequential Phragmén count, exact and without allocation in a round.
///
/// Every number is an integer over one common denominator `D` (the product of the supporter
/// counts of the projects bought so far), stored as fixed-width limbs (``Limbs``) in
/// ``WideStore``s that widen for all numbers at once when `D` grows. A voter's load is the load of
/// the last project it helped buy, so voters share a few *load groups* (group 0: load 0, then one
/// per purchase). For each project the count keeps `N = (its supporters' loads + its cost) × D`,
/// so the load its supporters would carry if it were bought is `N / (D × supporters)`.
///
/// Sizes: loads add up to the money spent, so every `N` and every group load is below
/// `2⁶⁴ × D`; `used` (the limbs of `D` plus two) holds them and `used + 1` limbs hold their
/// products by a supporter count.
final class PhragmenLoads {
    private let approvals: PhragmenApprovals
    /// Limbs in use for every number; the stores are at least `used + 2` wide.
    private var used: Int
    private var denominatorLimbs = 1
    /// Per project: `N` as above (kept up to date for candidates still in the count).
    private let numerators: WideStore
    /// Per load group: its load × `D`.
    private let groupLoads: WideStore
    /// Slot 0: `D`; slots 1, 2: products; slot 3: a group's rise in load.
    private let scratch: WideStore
    private var groups = 1
    private let projectCount: Int
    /// Each kept voter's load group.
    private let groupOf: UnsafeMutablePointer<Int32>
    /// Per load group and project: how many of the voters moving out of that group approve it.
    private let moved: UnsafeMutablePointer<Int32>
    private let touched: UnsafeMutablePointer<Int32>
    private let isTouched: UnsafeMutablePointer<Bool>

    /// Loads of 0 for everyone; `costs` are non-negative and `purchases` bounds the number of
    /// projects with supporters that will be bought.
    init(approvals: PhragmenApprovals, costs: [Int64], purchases: Int) {
        self.approvals = approvals
        projectCount = costs.count
        used = 3
        let width = 8
        let groupCapacity = purchases + 1
        numerators = WideStore(width: width, capacity: projectCount)
        groupLoads = WideStore(width: width, capacity: groupCapacity)
        scratch = WideStore(width: width, capacity: 4)
        for project in 0..<projectCount {
            let slot = numerators[project]
            slot.update(repeating: 0, count: width)
            slot[0] = UInt64(max(costs[project], 0))
        }
        groupLoads[0].update(repeating: 0, count: width)
        scratch[0].update(repeating: 0, count: width)
        scratch[0][0] = 1
        groupOf = .allocate(capacity: max(approvals.voterCount, 1))
        groupOf.initialize(repeating: 0, count: approvals.voterCount)
        moved = .allocate(capacity: groupCapacity * projectCount)
        moved.initialize(repeating: 0, count: groupCapacity * projectCount)
        touched = .allocate(capacity: groupCapacity)
        isTouched = .allocate(capacity: groupCapacity)
        isTouched.initialize(repeating: false, count: groupCapacity)
    }

    deinit {
        groupOf.deallocate()
        moved.deallocate()
        touched.deallocate()
        isTouched.deallocate()
    }

    /// The sign of (new load of `a`) − (new load of `b`); a project without supporters has an
    /// infinite new load.
    @inline(__always)
    func compare(_ a: Int, _ b: Int) -> Int {
        let supportersA = UInt64(approvals.scores[a]), supportersB = UInt64(approvals.scores[b])
        if supportersA == 0 || supportersB == 0 {
            return supportersA == supportersB ? 0 : (supportersA == 0 ? 1 : -1)
        }
        let left = scratch[1], right = scratch[2]
        Limbs.multiply(numerators[a], by: supportersB, count: used, into: left)
        Limbs.multiply(numerators[b], by: supportersA, count: used, into: right)
        return Limbs.compare(left, right, count: used + 1)
    }

    /// The load of the voters who paid for the last project bought, exactly.
    var lastLoad: Rational {
        Rational(Limbs.bigInt(groupLoads[groups - 1], count: used), Limbs.bigInt(scratch[0], count: denominatorLimbs))
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
            let slot = groupLoads[old]
            slot[used] = Limbs.multiplyInPlace(slot, by: factor, count: used)
        }
        for project in remaining {
            let slot = numerators[project]
            slot[used] = Limbs.multiplyInPlace(slot, by: factor, count: used)
        }
        let denominator = scratch[0]
        let carry = Limbs.multiplyInPlace(denominator, by: factor, count: denominatorLimbs)
        if carry != 0 {
            denominator[denominatorLimbs] = carry
            denominatorLimbs += 1
        }
        Limbs.copy(numerators[winner], to: groupLoads[group], count: used)
        groupLoads[group][used] = 0
        used = denominatorLimbs + 2
        if numerators.width < used + 2 {
            let width = max(used + 2, 2 * numerators.width)
            numerators.widen(to: width, keeping: projectCount)
            groupLoads.widen(to: width, keeping: groups)
            scratch.widen(to: width, keeping: 1)
        }

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
            for project in approvals.ballot(of: Int(voter)) { row[Int(project)] += 1 }
        }
        // Each project's N rises by (new load − old load) × D per supporter that moved.
        let rise = scratch[3]
        for index in 0..<touchedCount {
            let old = Int(touched[index])
            isTouched[old] = false
            Limbs.copy(groupLoads[group], to: rise, count: used)
            let borrow = Limbs.subtract(groupLoads[old], from: rise, count: used)
            precondition(borrow == 0, "Phragmén loads never fall")
            let row = moved + old * projectCount
            for project in remaining where row[project] != 0 {
                let overflow = Limbs.addMultiple(rise, times: UInt64(row[project]), count: used - 1, to: numerators[project])
                precondition(overflow == 0, "Phragmén numerators stay below 2⁶⁴ × D")
            }
            row.update(repeating: 0, count: projectCount)
        }
    }
}
