/// One run of the Method of Equal Shares for a given per-voter budget, in exact arithmetic.
///
/// Voters are kept in *classes* of equal money: every group of voters starts in one class, and
/// the supporters of a winner move to new classes as they pay. All money is an integer
/// numerator over one common denominator `D`, stored as fixed-width numbers side by side
/// (``WideStore``), so sums and comparisons are integer loops without allocation; a payment
/// that needs a finer denominator multiplies `D` by a factor, and each class's money catches
/// up with the factors when it is next read.
///
/// Each round finds the project with the least price ρ lazily: a project's price never falls
/// from one round to the next, so projects are tried in the order of their last known price,
/// and the search stops at the first whose known price already exceeds the best found.
///
/// A count is set up with few allocations (its per-class and per-project tables share one) and
/// runs on one thread: its stored variables are `@exclusivity(unchecked)`, as no two accesses
/// to one of them ever overlap and the run-time check would cost a call per access in the hot
/// loops.
final class EqualSharesEngine {
    /// An exact price, not reduced: `numerator / denominator`.
    struct Price {
        var numerator: BigInt
        var denominator: BigInt
    }

    /// Another count of the same election at a smaller per-voter budget: its winners and their
    /// prices, against which this count checks ``certified``.
    struct Reference {
        var winners: [Int]
        var prices: [Price]
    }

    let instance: EqualSharesInstance
    private let explain: Bool
    private let reference: Reference?
    private let stopWhenUncertified: Bool

    /// The projects bought, in order.
    @exclusivity(unchecked) private(set) var selected: [Int] = []
    /// Per round, the explanation (only when asked for).
    @exclusivity(unchecked) private(set) var rounds: [EqualSharesRound] = []
    /// Per round, the winner's price (when recording them).
    @exclusivity(unchecked) private(set) var prices: [Price] = []
    /// With a reference: whether every per-voter budget from the reference's to this count's
    /// gives one and the same outcome. It does when both counts buy the same projects in the
    /// same order and, in every round, the winner's price at the smaller budget is below every
    /// other affordable project's price at the larger one (or equal, where the winner comes
    /// first in the tie order). Between the two budgets every voter's money can only be more
    /// than at the smaller and less than at the larger, so every price lies between its two
    /// values and no comparison of the count can come out otherwise.
    @exclusivity(unchecked) private(set) var certified: Bool

    private let projectCount: Int
    /// Per group of voters, its class; class 0 holds no money.
    private let classOf: UnsafeMutablePointer<Int32>
    /// The one allocation behind the per-class, per-group and per-project tables.
    private let tables: UnsafeMutableRawPointer
    private let groupCount: Int
    /// Per class, its money over `D`, as of its epoch: money is brought up to the present
    /// denominator only when read (``balance(_:)``), so classes no project asks about again
    /// cost nothing.
    private let money: WideStore
    private let epoch: UnsafeMutablePointer<Int32>
    /// The factor by which each payment multiplied `D`.
    @exclusivity(unchecked) private var factors: [UInt64] = []
    /// Per project, the numerator T of its known price ρ = T / (utility × unit × D).
    private let keys: WideStore
    private let keyUtility: UnsafeMutablePointer<UInt64>
    /// `D`, the paid sums of the walk in progress and of the best walk, the cost being walked,
    /// then four scratch numbers (``scratch(_:)``); three limbs wider than the other stores, for
    /// products and sums.
    private let numbers: WideStore
    private let holders: UnsafeMutablePointer<Int32>
    /// Per class, a stamp (high 32 bits) and an index (low 32 bits): its entry in the walk or
    /// its new class in the payment that set the stamp.
    private let marks: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var walkStamp: UInt32 = 0
    @exclusivity(unchecked) private var classCount = 2
    /// Classes free for reuse: `freeClasses[0 ..< freeCount]`.
    private let freeClasses: UnsafeMutablePointer<Int32>
    @exclusivity(unchecked) private var freeCount = 0
    /// Per project, whether it is out of reach for good, and whether it left its place in
    /// the remaining projects in this round.
    private let dropped: UnsafeMutablePointer<Bool>
    private let moved: UnsafeMutablePointer<Bool>
    /// An upper bound on the bit length of every stored number.
    @exclusivity(unchecked) private var boundBits: Int
    @exclusivity(unchecked) private var walkEntries: Entries
    @exclusivity(unchecked) private var bestEntries: Entries
    /// The projects whose known price a walk changed in this round.
    @exclusivity(unchecked) private var walked: [Int] = []
    private let recordingPrices: Bool

    private static let stampBits: UInt64 = 0xffff_ffff_0000_0000, indexBits: UInt64 = 0xffff_ffff
    private static let denominatorSlot = 0, walkPaidSlot = 1, bestPaidSlot = 2, costSlot = 3, scratchSlot = 4

    /// Prepares a count where every voter starts with `start / scale`.
    ///
    /// With `recordingPrices`, the count keeps each winner's price (``prices``), as a later
    /// count's reference needs. With a `reference`, the count also finds ``certified``; with
    /// `stopWhenUncertified` it stops as soon as that is false.
    init(_ instance: EqualSharesInstance, start: BigInt, scale: BigInt, explain: Bool, recordingPrices: Bool = false,
         reference: Reference? = nil, stopWhenUncertified: Bool = false) {
        precondition(!start.isNegative && !scale.isNegative && !scale.isZero, "per-voter budget must be non-negative")
        self.instance = instance
        self.explain = explain
        self.reference = reference
        self.stopWhenUncertified = stopWhenUncertified
        self.recordingPrices = recordingPrices
        certified = reference != nil
        projectCount = instance.projectCount
        groupCount = instance.groupSizes.count
        let largestCost = UInt64(instance.costs.max().map { max($0, 1) } ?? 1)
        boundBits = max(start.limbs.count * 64, Limbs.bitWidth(largestCost) + scale.limbs.count * 64)
        let width = EqualSharesEngine.width(for: boundBits)
        // Every group is in one live class; a payment makes its new classes before freeing the
        // old ones, so twice the groups (and the empty and the first class) always suffice.
        let classes = 2 * groupCount + 2
        money = WideStore(width: width, capacity: classes)
        keys = WideStore(width: width, capacity: projectCount)
        keys.base.initialize(repeating: 0, count: projectCount * width)
        numbers = WideStore(width: width + 3, capacity: 8)
        numbers.base.initialize(repeating: 0, count: 8 * (width + 3))
        let groupSlots = max(groupCount, 1)
        var arena = TableArena()
        let marksAt = arena.reserve(UInt64.self, count: classes), keyUtilityAt = arena.reserve(UInt64.self, count: projectCount)
        let classOfAt = arena.reserve(Int32.self, count: groupSlots), holdersAt = arena.reserve(Int32.self, count: classes)
        let epochAt = arena.reserve(Int32.self, count: classes), freeAt = arena.reserve(Int32.self, count: classes)
        let droppedAt = arena.reserve(Bool.self, count: projectCount), movedAt = arena.reserve(Bool.self, count: projectCount)
        tables = arena.allocate()
        marks = TableArena.table(tables, at: marksAt, count: classes)
        keyUtility = TableArena.table(tables, at: keyUtilityAt, count: projectCount)
        classOf = TableArena.table(tables, at: classOfAt, count: groupSlots)
        holders = TableArena.table(tables, at: holdersAt, count: classes)
        epoch = TableArena.table(tables, at: epochAt, count: classes)
        freeClasses = TableArena.table(tables, at: freeAt, count: classes)
        dropped = TableArena.table(tables, at: droppedAt, count: projectCount)
        moved = TableArena.table(tables, at: movedAt, count: projectCount)
        // Only classes in use are initialized, here the empty and the first one, then each
        // new one (``newClass()``): pages of the per-class tables that a count never reaches
        // are never touched.
        marks.initialize(repeating: 0, count: 2)
        holders.initialize(repeating: 0, count: 2)
        epoch.initialize(repeating: 0, count: 2)
        keyUtility.initialize(repeating: 0, count: projectCount)
        classOf.initialize(repeating: start.isZero ? 0 : 1, count: groupSlots)
        dropped.initialize(repeating: false, count: projectCount)
        moved.initialize(repeating: false, count: projectCount)
        walkEntries = Entries(capacity: groupCount, segments: instance.largestSegmentCount)
        bestEntries = Entries(capacity: groupCount, segments: instance.largestSegmentCount)
        selected.reserveCapacity(instance.candidates.count)
        factors.reserveCapacity(instance.candidates.count)
        walked.reserveCapacity(instance.candidates.count)
        if !start.isZero { holders[1] = Int32(groupCount) }
        Limbs.store(.zero, into: money[0], count: width)
        Limbs.store(start, into: money[1], count: width)
        Limbs.store(scale, into: numbers[Self.denominatorSlot], count: width)
        for project in instance.candidates {
            Limbs.multiply(numbers[Self.denominatorSlot], by: UInt64(instance.costs[project]), count: width, into: scratch(0))
            Limbs.copy(scratch(0), to: keys[project], count: width)
            keyUtility[project] = instance.totalWeight[project]
        }
    }

    deinit { tables.deallocate() }

    /// Limbs per number for numbers of at most `bits` bits, with room for sums of up to 2^32
    /// of them.
    private static func width(for bits: Int) -> Int { (bits + 32 + 63) / 64 + 1 }

    /// Limbs that can be non-zero in a stored number; the hot loops touch only these.
    private var significant: Int { (boundBits + 63) >> 6 }

    /// Runs the rule to the end (or until uncertified, when asked to stop then).
    func run() {
        let byKnownPrice = { (a: Int, b: Int) -> Bool in
            let order = self.compareKeys(a, b)
            return order != 0 ? order < 0 : a < b
        }
        // Remaining projects by known price, which starts as the price while nobody runs short:
        // the candidates' order. Payments scale every price alike, so only the projects walked
        // in a round need to find their places again.
        var remaining = instance.candidates
        var reported = Set<Int>()
        while true {
            walked.removeAll(keepingCapacity: true)
            var best = -1
            var tied: [Int] = []
            var stop = remaining.count
            for (position, project) in remaining.enumerated() {
                if best >= 0 && compareKeys(project, best) > 0 {
                    stop = position
                    break
                }
                guard walk(project) else {
                    dropped[project] = true
                    continue
                }
                let order = best < 0 ? -1 : compareKeys(project, best)
                if order < 0 {
                    becomeBest(project)
                    best = project
                    if explain { tied = [project] }
                } else if order == 0 {
                    if explain { tied.append(project) }
                    if instance.priority[project] < instance.priority[best] {
                        becomeBest(project)
                        best = project
                    }
                }
            }
            if let reference, certified {
                certified = check(round: selected.count, winner: best, against: reference, remaining: remaining, from: stop)
                if !certified && stopWhenUncertified { return }
            }
            guard best >= 0 else { break }
            for project in walked { moved[project] = true }
            remaining.removeAll { moved[$0] || dropped[$0] }
            for project in walked where project != best {
                moved[project] = false
                remaining.insert(project, at: Self.insertionPoint(of: project, in: remaining, by: byKnownPrice))
            }
            moved[best] = false
            selected.append(best)
            let payment = pay(best)
            if explain, let payment {
                let unaffordable = remaining.filter { !reported.contains($0) && !isAffordable($0) }
                reported.formUnion(unaffordable)
                rounds.append(EqualSharesRound(
                    project: best, rho: payment.rho, payers: payment.payers, exhaustedPayers: payment.exhaustedPayers,
                    exhaustedPaid: payment.exhaustedPaid, becameUnaffordable: unaffordable,
                    tiedWith: tied.filter { $0 != best }.sorted { instance.priority[$0] < instance.priority[$1] }
                ))
            }
        }
    }

    /// Where `project` goes in the sorted `list` to keep it sorted.
    private static func insertionPoint(of project: Int, in list: [Int], by less: (Int, Int) -> Bool) -> Int {
        var (low, high) = (0, list.count)
        while low < high {
            let middle = (low + high) / 2
            if less(list[middle], project) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: prices

    /// The sign of ρ(a) − ρ(b) from the known prices.
    private func compareKeys(_ a: Int, _ b: Int) -> Int {
        let used = significant
        let left = scratch(0), right = scratch(1)
        Limbs.multiply(keys[a], by: keyUtility[b], count: used, into: left)
        left[used + 1] = Limbs.multiplyInPlace(left, by: instance.priceUnit[b], count: used + 1)
        Limbs.multiply(keys[b], by: keyUtility[a], count: used, into: right)
        right[used + 1] = Limbs.multiplyInPlace(right, by: instance.priceUnit[a], count: used + 1)
        return Limbs.compare(left, right, count: used + 2)
    }

    /// The known price of a project as an exact fraction.
    private func price(of project: Int) -> Price {
        Price(
            numerator: Limbs.bigInt(keys[project], count: keys.width),
            denominator: Limbs.bigInt(numbers[Self.denominatorSlot], count: numbers.width)
                * BigInt(UInt64(keyUtility[project])) * BigInt(UInt64(instance.priceUnit[project]))
        )
    }

    /// The sign of the known price of `project` minus `other`.
    private func compare(_ project: Int, with other: Price) -> Int {
        let mine = price(of: project)
        let left = mine.numerator * other.denominator, right = other.numerator * mine.denominator
        return left < right ? -1 : (left == right ? 0 : 1)
    }

    // MARK: the price of one project

    /// Finds a project's price: the least ρ such that its supporters, each paying
    /// min(money, ρ × utility), cover the cost. Leaves the supporters' classes in
    /// `walkEntries`, marked poor when they pay all they have, and the price in the project's
    /// key. Returns false when the supporters cannot afford the project.
    private func walk(_ project: Int) -> Bool {
        let entries = walkEntries
        entries.removeAll()
        let classes = classOf, tags = marks
        instance.supporterGroups.withUnsafeBufferPointer { groups in
            instance.supporterSizes.withUnsafeBufferPointer { sizes in
                for segment in instance.segments(of: project) {
                    let stamp = UInt64(nextStamp()) << 32
                    for index in segment.start..<segment.end {
                        let owner = Int(classes[Int(groups[index])])
                        if owner == 0 { continue }
                        var tag = tags[owner]
                        if tag & Self.stampBits != stamp {
                            tag = stamp | UInt64(entries.count)
                            tags[owner] = tag
                            entries.append(owner: Int32(owner), weight: segment.weight)
                            catchUp(owner)
                        }
                        entries.voters[Int(truncatingIfNeeded: tag & Self.indexBits)] += sizes[index]
                    }
                    entries.endSegment()
                }
            }
        }
        if entries.count == 0 { return false }
        var utility: UInt64 = 0
        for entry in 0..<entries.count { utility += entries.voters[entry] * entries.weight[entry] }

        // Every number here is below 2^boundBits: only the significant limbs take part.
        let used = significant
        let cost = numbers[Self.costSlot], paid = numbers[Self.walkPaidSlot], target = keys[project]
        Limbs.multiply(numbers[Self.denominatorSlot], by: UInt64(instance.costs[project]), count: used, into: scratch(2))
        Limbs.copy(scratch(2), to: cost, count: used)
        paid.update(repeating: 0, count: used + 1)
        // Both the known price and the price if nobody were poor are lower bounds of the true
        // one: the first pass compares with the higher of the two, later passes with the price
        // the rest would pay. Whoever cannot pay a lower bound is poor.
        let known = scratch(3), knownUtility = keyUtility[project]
        Limbs.copy(target, to: known, count: used)
        let right = scratch(1)
        Limbs.multiply(known, by: utility, count: used, into: scratch(0))
        Limbs.multiply(cost, by: knownUtility, count: used, into: right)
        let knownIsHigher = Limbs.compare(scratch(0), right, count: used + 1) > 0
        var passes = 0
        while true {
            // target = cost − paid: the share of the cost left to those who pay ρ × utility.
            Limbs.copy(cost, to: target, count: used)
            Limbs.subtract(paid, from: target, count: used)
            let (numerator, denominator) = passes == 0 && knownIsHigher ? (known, knownUtility) : (target, utility)
            if passes == 8 {
                utility = sortedWalk(entries, utility: utility, target: target, cost: cost, paid: paid)
                if utility == 0 { return false }
                break
            }
            // Everyone with less than ρ × utility at the current ρ pays all they have at the true ρ:
            // money × utility < target × weight, that is money < ⌈target × weight / utility⌉.
            var lost: UInt64 = 0
            var first = 0
            for segment in 0..<entries.segmentCount {
                let last = entries.segmentEnds[segment]
                defer { first = last }
                guard first < last else { continue }
                Limbs.multiply(numerator, by: entries.weight[first], count: used, into: right)
                if Limbs.divideInPlace(right, by: denominator, count: used + 1) != 0 { Limbs.increment(right, count: used + 1) }
                for entry in first..<last where !entries.poor[entry] {
                    let balance = money[Int(entries.owner[entry])]
                    if right[used] == 0 && Limbs.compare(balance, right, count: used) >= 0 { continue }
                    entries.poor[entry] = true
                    Limbs.addMultiple(balance, times: entries.voters[entry], count: used, to: paid)
                    lost += entries.voters[entry] * entries.weight[entry]
                }
            }
            passes += 1
            if lost == 0 { break }
            utility -= lost
            if utility == 0 { return false }
        }
        keyUtility[project] = utility
        walked.append(project)
        return true
    }

    /// The walk of many rounds of newly poor supporters: supporters by money per utility, the
    /// poorest first, each paying all they have until the rest can pay equal shares. Returns
    /// the utility of those paying ρ × utility (0 when the project is out of reach).
    private func sortedWalk(_ entries: Entries, utility: UInt64, target: UnsafeMutablePointer<UInt64>,
                            cost: UnsafeMutablePointer<UInt64>, paid: UnsafeMutablePointer<UInt64>) -> UInt64 {
        let width = money.width
        let left = scratch(0), right = scratch(1)
        let order = (0..<entries.count).filter { !entries.poor[$0] }.sorted { a, b in
            Limbs.multiply(money[Int(entries.owner[a])], by: entries.weight[b], count: width, into: left)
            Limbs.multiply(money[Int(entries.owner[b])], by: entries.weight[a], count: width, into: right)
            let order = Limbs.compare(left, right, count: width + 1)
            return order != 0 ? order < 0 : a < b
        }
        var utility = utility
        for entry in order {
            Limbs.copy(cost, to: target, count: width)
            Limbs.subtract(paid, from: target, count: width)
            let balance = money[Int(entries.owner[entry])]
            Limbs.multiply(balance, by: utility, count: width, into: left)
            Limbs.multiply(target, by: entries.weight[entry], count: width, into: right)
            if Limbs.compare(left, right, count: width + 1) >= 0 { return utility }
            entries.poor[entry] = true
            Limbs.addMultiple(balance, times: entries.voters[entry], count: width - 1, to: paid)
            utility -= entries.voters[entry] * entries.weight[entry]
        }
        return 0
    }

    /// Keeps the walk just made as the round's best.
    private func becomeBest(_ project: Int) {
        swap(&walkEntries, &bestEntries)
        Limbs.copy(numbers[Self.walkPaidSlot], to: numbers[Self.bestPaidSlot], count: numbers.width)
    }

    /// Whether a project's supporters still have its cost between them.
    private func isAffordable(_ project: Int) -> Bool {
        let width = money.width
        let total = scratch(2), cost = scratch(3)
        total.initialize(repeating: 0, count: width + 3)
        Limbs.multiply(numbers[Self.denominatorSlot], by: UInt64(instance.costs[project]), count: width, into: cost)
        instance.supporterGroups.withUnsafeBufferPointer { groups in
            for segment in instance.segments(of: project) {
                for index in segment.start..<segment.end {
                    let group = Int(groups[index])
                    let owner = Int(classOf[group])
                    if owner != 0 { Limbs.addMultiple(balance(owner), times: instance.groupSizes[group], count: width, to: total) }
                }
            }
        }
        return Limbs.compare(total, cost, count: width + 1) >= 0
    }

    // MARK: certification

    /// Whether round `round` keeps the reference's outcome (see ``certified``): the same
    /// winner, and every other project still affordable dearer than the reference winner was.
    private func check(round: Int, winner: Int, against reference: Reference, remaining: [Int], from stop: Int) -> Bool {
        guard winner >= 0 else { return round == reference.winners.count }
        guard round < reference.winners.count, reference.winners[round] == winner else { return false }
        let bar = reference.prices[round]
        for (position, project) in remaining.enumerated() where project != winner && !dropped[project] {
            let winnerFirst = instance.priority[winner] < instance.priority[project]
            if position >= stop {
                // Known prices only rise: one already above the bar settles this and all later ones.
                if compare(project, with: bar) > 0 { return true }
                guard walk(project) else {
                    dropped[project] = true
                    continue
                }
            }
            let order = compare(project, with: bar)
            if order < 0 || (order == 0 && !winnerFirst) { return false }
        }
        return true
    }

    // MARK: paying

    private struct Payment {
        var rho: Rational
        var payers: Int
        var exhaustedPayers: Int
        var exhaustedPaid: Rational
    }

    /// Charges the winner's supporters (moving them to new classes) and rescales all money so
    /// the payments stay whole numbers. Returns the explanation's figures when asked for.
    private func pay(_ project: Int) -> Payment? {
        var width = money.width
        let utility = keyUtility[project]
        let divisor = Limbs.gcd(utility, Limbs.remainder(keys[project], dividingBy: utility, count: width))
        let factor = utility / divisor
        if recordingPrices { prices.append(price(of: project)) }
        var payment: Payment?
        if explain {
            let entries = bestEntries
            var payers = 0, exhausted = 0
            for entry in 0..<entries.count {
                payers += Int(entries.voters[entry])
                if entries.poor[entry] { exhausted += Int(entries.voters[entry]) }
            }
            let denominator = Limbs.bigInt(numbers[Self.denominatorSlot], count: width)
            let price = price(of: project)
            payment = Payment(
                rho: Rational(price.numerator, price.denominator), payers: payers, exhaustedPayers: exhausted,
                exhaustedPaid: Rational(Limbs.bigInt(numbers[Self.bestPaidSlot], count: width), denominator)
            )
        }
        // Each rich supporter pays weight × T / utility over D, that is weight × share over D × factor.
        boundBits += Limbs.bitWidth(factor)
        widen()
        width = money.width
        let share = scratch(3)
        Limbs.copy(keys[project], to: share, count: width)
        Limbs.divideInPlace(share, by: divisor, count: width)
        factors.append(factor)
        if factor != 1 {
            Limbs.multiplyInPlace(numbers[Self.denominatorSlot], by: factor, count: significant)
            for other in instance.candidates { Limbs.multiplyInPlace(keys[other], by: factor, count: significant) }
        }
        moveSupporters(of: project, share: share)
        return payment
    }

    /// Moves each supporter of the winner to its class after paying: nothing left for the poor,
    /// money less weight × share for the others.
    private func moveSupporters(of project: Int, share: UnsafeMutablePointer<UInt64>) {
        let width = money.width, used = significant
        let entries = bestEntries
        let charge = scratch(2)
        var first = 0
        for (index, segment) in instance.segments(of: project).enumerated() {
            let last = entries.segmentEnds[index]
            for entry in first..<last {
                let owner = Int(entries.owner[entry])
                marks[owner] = 0
                if entries.poor[entry] { continue }
                let target = newClass()
                let balance = money[target]
                Limbs.copy(self.balance(owner), to: balance, count: width)
                epoch[target] = Int32(factors.count)
                Limbs.multiply(share, by: segment.weight, count: used, into: charge)
                Limbs.subtract(charge, from: balance, count: used)
                if Limbs.isZero(balance, count: used) {
                    freeClasses[freeCount] = Int32(target)
                    freeCount += 1
                } else {
                    marks[owner] = UInt64(target)
                }
            }
            first = last
            let classes = classOf, tags = marks, counts = holders
            instance.supporterGroups.withUnsafeBufferPointer { groups in
                for position in segment.start..<segment.end {
                    let group = Int(groups[position])
                    let owner = Int(classes[group])
                    if owner == 0 { continue }
                    let target = Int(truncatingIfNeeded: tags[owner] & Self.indexBits)
                    classes[group] = Int32(target)
                    counts[owner] -= 1
                    counts[target] += 1
                }
            }
        }
        holders[0] = 0
        let freed = UInt64(nextStamp()) << 32
        for entry in 0..<entries.count {
            let owner = Int(entries.owner[entry])
            if holders[owner] == 0 && marks[owner] != freed {
                marks[owner] = freed
                freeClasses[freeCount] = Int32(owner)
                freeCount += 1
            }
        }
    }

    private func newClass() -> Int {
        if freeCount > 0 {
            freeCount -= 1
            return Int(freeClasses[freeCount])
        }
        let owner = classCount
        classCount += 1
        marks[owner] = 0
        holders[owner] = 0
        return owner
    }

    /// Widens every number when the bound outgrows the width, by a few limbs at once.
    private func widen() {
        guard Self.width(for: boundBits) > money.width else { return }
        let width = Self.width(for: boundBits) + 2
        money.widen(to: width, keeping: classCount)
        keys.widen(to: width, keeping: projectCount)
        numbers.widen(to: width + 3, keeping: 8)
    }

    /// Scratch number `index` (0 to 3).
    @inline(__always)
    private func scratch(_ index: Int) -> UnsafeMutablePointer<UInt64> { numbers[Self.scratchSlot + index] }

    /// A class's money over the present `D`.
    @inline(__always)
    private func balance(_ owner: Int) -> UnsafeMutablePointer<UInt64> {
        catchUp(owner)
        return money[owner]
    }

    /// Brings a class's money up to the present `D`, several factors in one multiplication
    /// where their product fits.
    @inline(__always)
    private func catchUp(_ owner: Int) {
        var next = Int(epoch[owner])
        let end = factors.count
        guard next < end else { return }
        let used = significant, limbs = money[owner]
        while next < end {
            var factor = factors[next]
            next += 1
            while next < end {
                let (product, overflow) = factor.multipliedReportingOverflow(by: factors[next])
                if overflow { break }
                factor = product
                next += 1
            }
            if factor != 1 { Limbs.multiplyInPlace(limbs, by: factor, count: used) }
        }
        epoch[owner] = Int32(end)
    }

    private func nextStamp() -> UInt32 {
        walkStamp &+= 1
        if walkStamp == 0 {
            marks.update(repeating: 0, count: classCount)
            walkStamp = 1
        }
        return walkStamp
    }
}

/// The classes supporting one project in a walk: per class, its weight, voters and whether it
/// pays all it has. Used by one count on one thread, so its variables go unchecked for
/// exclusivity, like the engine's.
final class Entries {
    @exclusivity(unchecked) private(set) var count = 0
    let owner: UnsafeMutablePointer<Int32>
    let weight: UnsafeMutablePointer<UInt64>
    let voters: UnsafeMutablePointer<UInt64>
    let poor: UnsafeMutablePointer<Bool>
    /// Where each weight segment's entries end: `segmentEnds[0 ..< segmentCount]`.
    let segmentEnds: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private(set) var segmentCount = 0
    /// The one allocation behind the columns.
    private let storage: UnsafeMutableRawPointer

    /// Room for `capacity` classes in at most `segments` segments.
    init(capacity: Int, segments: Int) {
        let capacity = max(capacity, 1), segments = max(segments, 1)
        var arena = TableArena()
        let weightAt = arena.reserve(UInt64.self, count: capacity), votersAt = arena.reserve(UInt64.self, count: capacity)
        let endsAt = arena.reserve(Int.self, count: segments), ownerAt = arena.reserve(Int32.self, count: capacity)
        let poorAt = arena.reserve(Bool.self, count: capacity)
        storage = arena.allocate()
        weight = TableArena.table(storage, at: weightAt, count: capacity)
        voters = TableArena.table(storage, at: votersAt, count: capacity)
        segmentEnds = TableArena.table(storage, at: endsAt, count: segments)
        owner = TableArena.table(storage, at: ownerAt, count: capacity)
        poor = TableArena.table(storage, at: poorAt, count: capacity)
    }

    deinit { storage.deallocate() }

    func removeAll() {
        count = 0
        segmentCount = 0
    }

    @inline(__always)
    func append(owner: Int32, weight: UInt64) {
        self.owner[count] = owner
        self.weight[count] = weight
        voters[count] = 0
        poor[count] = false
        count += 1
    }

    func endSegment() {
        segmentEnds[segmentCount] = count
        segmentCount += 1
    }
}

/// One round of the Method of Equal Shares, as the explanation tells it.
public struct EqualSharesRound: Sendable, Hashable {
    /// The project bought.
    public var project: Int
    /// Its price ρ: what a supporter pays per unit of utility, unless they have less.
    public var rho: Rational
    /// Supporters who had money left and paid.
    public var payers: Int
    /// Of those, how many paid everything they had (less than ρ × utility).
    public var exhaustedPayers: Int
    /// What those exhausted supporters paid together, in minor units; the others paid the rest
    /// of the cost.
    public var exhaustedPaid: Rational
    /// Remaining projects whose supporters no longer have their cost between them, each listed
    /// once: after the first round at which it is out of reach.
    public var becameUnaffordable: [Int]
    /// Projects at the same ρ that lost the tie, in tie order.
    public var tiedWith: [Int]
}
