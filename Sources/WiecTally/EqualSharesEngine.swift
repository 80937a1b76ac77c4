/// One run of the Method of Equal Shares for a given per-voter budget, in exact arithmetic.
///
/// Voters with the same budget who support the same remaining projects are indistinguishable
/// to the rule, so the engine keeps *classes* of voters: one class at the start, split when only
/// part of a class pays for a project, merged when two classes end up with the same budget.
/// All money is an integer numerator over one common denominator `scale`, so sums and
/// comparisons never need a greatest common divisor.
///
/// With `track`, budgets are ``Affine`` in the number of budget increments, and the run also
/// finds the ``Horizon``: how many further increments would leave every decision unchanged.
struct EqualSharesEngine {
    /// A project's price per unit of utility: `numerator / (count × unit × scale)`.
    struct Price {
        var numerator: Affine
        var count: Int64
        var unit: Int64

        /// `self < other` at the current increment, and the difference whose sign decided it.
        func compared(to other: Price) -> (order: Int, difference: Affine) {
            let difference = numerator * other.count * other.unit - other.numerator * count * unit
            return (difference.value.signum, difference)
        }
    }

    let instance: EqualSharesInstance
    private(set) var track: Bool
    let explain: Bool
    private(set) var horizon = Horizon()
    private(set) var selected: [Int] = []
    private(set) var rounds: [EqualSharesRound] = []

    private var scale: BigInt
    private var budget: [Affine]
    private var size: [Int]
    private var alive: [Bool]
    /// Uniform ballots: supporters of each project per class, `class × projectCount + project`.
    private var counts: [Int32] = []
    /// Uniform ballots: live classes by ascending budget.
    private var order: [Int] = []
    private var parent: [Int32] = []
    private var classOf: [Int32] = []

    /// Prepares a run where each voter starts with `start / scale` and gains `slope / scale`
    /// per increment.
    init(_ instance: EqualSharesInstance, start: BigInt, slope: BigInt, scale: BigInt, track: Bool, explain: Bool) {
        self.instance = instance
        self.track = track
        self.explain = explain
        self.scale = scale
        let initial = Affine(value: start, slope: slope)
        if instance.isUniform {
            let projects = instance.projectCount
            budget = [initial]
            size = [instance.voterCount]
            alive = [instance.voterCount > 0]
            counts = [Int32](repeating: 0, count: projects)
            for project in 0..<projects { counts[project] = Int32(instance.supporters[project].count) }
            order = instance.voterCount > 0 ? [0] : []
            parent = [0]
            classOf = [Int32](repeating: 0, count: instance.voterCount)
        } else {
            budget = [Affine](repeating: initial, count: instance.groupSizes.count)
            size = instance.groupSizes
            alive = [Bool](repeating: true, count: instance.groupSizes.count)
        }
    }

    /// Runs the rule to the end.
    mutating func run() {
        var remaining = instance.candidates
        var keys: [Int: Price] = [:]
        var reportedUnaffordable = Set<Int>()
        for project in remaining {
            keys[project] = instance.isUniform
                ? Price(numerator: Affine(value: scale * instance.costs[project], slope: .zero),
                        count: Int64(instance.supporters[project].count), unit: instance.utility[project])
                : Price(numerator: Affine(value: scale * instance.costs[project], slope: .zero),
                        count: instance.totalUtility[project], unit: 1)
        }
        while true {
            if track && horizon.steps <= 1 { stopTracking(&keys) }
            remaining.sort { a, b in
                let order = keys[a]!.compared(to: keys[b]!).order
                return order != 0 ? order < 0 : a < b
            }
            var best: (project: Int, walk: Walk)?
            var tied: [Int] = []
            var evaluated: [(project: Int, price: Price)] = []
            var unaffordable: [(project: Int, shortfall: Affine)] = []
            var stop = remaining.count
            for (position, project) in remaining.enumerated() {
                if let current = best, keys[project]!.compared(to: current.walk.price).order > 0 {
                    stop = position
                    break
                }
                let walk = self.walk(project)
                guard walk.affordable else {
                    unaffordable.append((project, walk.poorSum - Affine(value: scale * instance.costs[project], slope: .zero)))
                    continue
                }
                keys[project] = walk.price
                evaluated.append((project, walk.price))
                if let current = best {
                    let order = walk.price.compared(to: current.walk.price).order
                    if order < 0 {
                        best = (project, walk)
                        tied = [project]
                    } else if order == 0 {
                        tied.append(project)
                        if instance.priority[project] < instance.priority[current.project] { best = (project, walk) }
                    }
                } else {
                    best = (project, walk)
                    tied = [project]
                }
            }
            if track {
                for (_, shortfall) in unaffordable { horizon.constrain(shortfall) }
            }
            let dropped = Set(unaffordable.map(\.project))
            guard let (winner, walk) = best else { break }
            if track {
                for (project, price) in evaluated where project != winner {
                    horizon.constrain(price.compared(to: walk.price).difference)
                }
                for project in remaining[stop...] {
                    horizon.constrain(keys[project]!.compared(to: walk.price).difference)
                }
            }
            remaining.removeAll { $0 == winner || dropped.contains($0) }
            selected.append(winner)
            let round = pay(winner, walk)
            for project in remaining { keys[project]!.numerator.multiply(by: round.factor) }
            if explain {
                let unaffordable = remaining.filter { !reportedUnaffordable.contains($0) && !isAffordable($0) }
                reportedUnaffordable.formUnion(unaffordable)
                rounds.append(EqualSharesRound(
                    project: winner, rho: round.rho, payers: round.payers, exhaustedPayers: round.exhaustedPayers,
                    exhaustedPaid: round.exhaustedPaid,
                    becameUnaffordable: unaffordable,
                    tiedWith: tied.filter { $0 != winner }.sorted { instance.priority[$0] < instance.priority[$1] }
                ))
            }
        }
    }

    /// Drops the slopes once the horizon is down to one increment: nothing more to learn.
    private mutating func stopTracking(_ keys: inout [Int: Price]) {
        track = false
        for group in budget.indices { budget[group].slope = .zero }
        for project in keys.keys { keys[project]!.numerator.slope = .zero }
    }

    // MARK: price of a project

    /// A project's supporters in the order the price computation visits them.
    struct Walk {
        var affordable: Bool
        var price: Price
        /// Money of the supporters who pay all they have.
        var poorSum: Affine
        /// Supporting classes, poorest per unit of utility first, with members and utility.
        var groups: [(group: Int, members: Int64, weight: Int64)]
        /// Index in `groups` of the first class that pays the price rather than all it has.
        var firstRich: Int
    }

    /// Finds a project's price: the least ρ such that its supporters, each paying
    /// min(money, ρ × utility), cover the cost.
    private func walk(_ project: Int) -> Walk {
        var groups: [(group: Int, members: Int64, weight: Int64)] = []
        var remainingUtility: Int64 = 0
        if instance.isUniform {
            let projects = instance.projectCount
            let unit = instance.utility[project]
            for group in order {
                let members = counts[group * projects + project]
                if members > 0 {
                    groups.append((group, Int64(members), unit))
                    remainingUtility += Int64(members)
                }
            }
        } else {
            for (group, weight) in instance.projectGroups[project] where alive[group] {
                groups.append((group, Int64(size[group]), weight))
                remainingUtility += Int64(size[group]) * weight
            }
            groups.sort { a, b in
                let left = budget[a.group].value * b.weight, right = budget[b.group].value * a.weight
                return left != right ? left < right : a.group < b.group
            }
        }
        let target = Affine(value: scale * instance.costs[project], slope: .zero)
        var poorSum = Affine.zero
        for (index, entry) in groups.enumerated() {
            let numerator = target - poorSum
            // Uniform: remainingUtility counts supporters and every weight is the project's unit.
            let enough = instance.isUniform
                ? BigInt.compare(numerator.value, budget[entry.group].value, times: remainingUtility) <= 0
                : numerator.value * entry.weight <= budget[entry.group].value * remainingUtility
            if enough {
                let price = instance.isUniform
                    ? Price(numerator: numerator, count: remainingUtility, unit: instance.utility[project])
                    : Price(numerator: numerator, count: remainingUtility, unit: 1)
                return Walk(affordable: true, price: price, poorSum: poorSum, groups: groups, firstRich: index)
            }
            poorSum.add(budget[entry.group], times: entry.members)
            remainingUtility -= instance.isUniform ? entry.members : entry.members * entry.weight
        }
        return Walk(affordable: false, price: Price(numerator: .zero, count: 1, unit: 1), poorSum: poorSum, groups: groups, firstRich: groups.count)
    }

    /// Whether a project's supporters still have its cost between them.
    private func isAffordable(_ project: Int) -> Bool {
        let target = scale * instance.costs[project]
        var total = BigInt.zero
        if instance.isUniform {
            let projects = instance.projectCount
            for group in order where counts[group * projects + project] > 0 {
                total.add(budget[group].value, times: Int64(counts[group * projects + project]))
                if total >= target { return true }
            }
        } else {
            for (group, _) in instance.projectGroups[project] where alive[group] {
                total.add(budget[group].value, times: Int64(size[group]))
                if total >= target { return true }
            }
        }
        return false
    }

    // MARK: paying

    private struct Payment {
        var factor: Int64
        var rho: Rational
        var payers: Int
        var exhaustedPayers: Int
        var exhaustedPaid: Rational
    }

    /// Charges the winner's supporters and rescales all money so the payments stay integers.
    private mutating func pay(_ project: Int, _ walk: Walk) -> Payment {
        let numerator = walk.price.numerator
        // Each rich supporter pays weight × numerator / remainingUtility (over the old scale).
        var divisor = walk.price.count
        if !instance.isUniform {
            for entry in walk.groups[walk.firstRich...] { divisor = gcd(divisor, entry.weight) }
        }
        let factor = instance.isUniform ? walk.price.count : walk.price.count / divisor
        if track {
            for entry in walk.groups {
                let weight = instance.isUniform ? 1 : entry.weight
                horizon.constrain(budget[entry.group] * walk.price.count - numerator * weight)
            }
        }
        var payment: Payment?
        if explain {
            let exhaustedPayers = walk.groups[..<walk.firstRich].reduce(0) { $0 + Int($1.members) }
            let payers = walk.groups.reduce(0) { $0 + Int($1.members) }
            payment = Payment(
                factor: factor,
                rho: Rational(numerator.value, scale * walk.price.count * walk.price.unit),
                payers: payers, exhaustedPayers: exhaustedPayers,
                exhaustedPaid: Rational(walk.poorSum.value, scale)
            )
        }
        scale *= factor
        if factor != 1 {
            if instance.isUniform {
                for group in order { budget[group].multiply(by: factor) }
            } else {
                for group in budget.indices where alive[group] { budget[group].multiply(by: factor) }
            }
        }
        if instance.isUniform {
            payUniform(project, walk, share: numerator)
        } else {
            for (index, entry) in walk.groups.enumerated() {
                if index < walk.firstRich {
                    alive[entry.group] = false
                } else {
                    budget[entry.group] = budget[entry.group] - numerator * (entry.weight / divisor)
                    if budget[entry.group] == .zero { alive[entry.group] = false }
                }
            }
        }
        return payment ?? Payment(factor: factor, rho: Rational(0), payers: 0, exhaustedPayers: 0, exhaustedPaid: Rational(0))
    }

    /// Uniform ballots: splits classes where only some members support the winner, charges
    /// the supporters, and restores the order of classes by budget.
    private mutating func payUniform(_ project: Int, _ walk: Walk, share: Affine) {
        let projects = instance.projectCount
        // split[c]: the class taking c's supporters of the winner; c itself when all of c supports it.
        var split = [Int32](repeating: -1, count: budget.count)
        for entry in walk.groups where Int(counts[entry.group * projects + project]) == size[entry.group] {
            split[entry.group] = Int32(entry.group)
        }
        instance.supporters[project].withUnsafeBufferPointer { voters in
            instance.ballotStart.withUnsafeBufferPointer { starts in
                instance.ballotProjects.withUnsafeBufferPointer { ballots in
                    moveSupporters(voters, starts, ballots, split: &split)
                }
            }
        }
        var paying = [Bool](repeating: false, count: budget.count)
        var paid: [Int] = []
        for (index, entry) in walk.groups.enumerated() {
            let group = Int(split[entry.group])
            paying[group] = true
            if index < walk.firstRich {
                alive[group] = false
            } else {
                budget[group].subtract(share)
                if budget[group] == .zero { alive[group] = false } else { paid.append(group) }
            }
        }
        // Both lists are sorted by budget: the unpaid kept theirs, the paid lost the same amount.
        let unpaid = order.filter { alive[$0] && !paying[$0] }
        var merged: [Int] = []
        merged.reserveCapacity(unpaid.count + paid.count)
        var (i, j) = (0, 0)
        while i < unpaid.count || j < paid.count {
            let next: Int
            if j == paid.count || (i < unpaid.count && budget[unpaid[i]].value <= budget[paid[j]].value) {
                next = unpaid[i]; i += 1
            } else {
                next = paid[j]; j += 1
            }
            if let last = merged.last, budget[last] == budget[next] {
                absorb(next, into: last)
            } else {
                merged.append(next)
            }
        }
        order = merged
    }

    /// Moves each supporter of the winner from a class that only partly supports it to the
    /// class `split` names for it, creating that class on first use.
    private mutating func moveSupporters(
        _ voters: UnsafeBufferPointer<Int32>, _ starts: UnsafeBufferPointer<Int32>, _ ballots: UnsafeBufferPointer<Int32>,
        split: inout [Int32]
    ) {
        let projects = instance.projectCount
        for voter in voters {
            let group = find(Int(classOf[Int(voter)]))
            guard alive[group], Int(split[group]) != group else { continue }
            var target = Int(split[group])
            if target < 0 {
                target = budget.count
                split[group] = Int32(target)
                budget.append(budget[group])
                size.append(0)
                alive.append(true)
                parent.append(Int32(target))
                counts.append(contentsOf: repeatElement(0, count: projects))
            }
            classOf[Int(voter)] = Int32(target)
            counts.withUnsafeMutableBufferPointer { counts in
                for index in Int(starts[Int(voter)])..<Int(starts[Int(voter) + 1]) {
                    let other = Int(ballots[index])
                    counts[group * projects + other] &-= 1
                    counts[target * projects + other] &+= 1
                }
            }
            size[group] -= 1
            size[target] += 1
        }
    }

    /// Joins two classes with the same budget.
    private mutating func absorb(_ group: Int, into target: Int) {
        let projects = instance.projectCount
        for project in 0..<projects { counts[target * projects + project] += counts[group * projects + project] }
        size[target] += size[group]
        alive[group] = false
        parent[group] = Int32(target)
    }

    private mutating func find(_ group: Int) -> Int {
        var root = group
        while Int(parent[root]) != root { root = Int(parent[root]) }
        var current = group
        while Int(parent[current]) != root {
            let next = Int(parent[current])
            parent[current] = Int32(root)
            current = next
        }
        return root
    }

    private func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return Int64(x)
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
