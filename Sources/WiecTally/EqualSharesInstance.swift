/// How the Method of Equal Shares measures a supporter's gain from a project.
public enum EqualSharesUtility: String, Sendable, Hashable, CaseIterable {
    /// A supporter's utility is the project's cost (Polish elections, equalshares.net).
    case cost
    /// Every supporter's utility is 1.
    case approval
}

/// An election prepared for the Method of Equal Shares: who supports what with which utility.
///
/// Voters with identical ballots always hold the same money, so they may form one *group* for
/// the whole count: worth finding when the election is counted many times (`add1`), not for a
/// single count, where finding them costs more than they save. Approval and choose-1 ballots give every supporter of a project the same
/// utility (its cost, or 1): the project's ``priceUnit``, with every weight 1. Cumulative and
/// scoring ballots give each voter their points as utilities: the weights, with a price unit
/// of 1.
final class EqualSharesInstance: Sendable {
    /// Supporting groups of one project that share a weight.
    struct Segment {
        var weight: UInt64
        /// Range in ``EqualSharesInstance/supporterGroups``.
        var start: Int
        var end: Int
    }

    let projectCount: Int
    let costs: [Int64]
    let voterCount: Int
    /// Projects MES may buy: not withdrawn, positive cost, some supporter with positive utility;
    /// by the price each has while no supporter runs short (cost ÷ total utility), cheapest
    /// first, then by index: the order of known prices that a count starts from.
    let candidates: [Int]
    /// Supported projects that cost nothing: bought before the count, as pabutools does.
    let freeProjects: [Int]
    /// Tie priority of each project (lower wins).
    let priority: [Int]
    /// How many voters cast each group's ballot.
    let groupSizes: [UInt64]
    /// The utility that one unit of weight stands for, per project.
    let priceUnit: [UInt64]
    /// Per project, its supporting groups by weight.
    private let segmentList: [Segment]
    /// Project `p`'s segments are `segmentList[segmentStart[p] ..< segmentStart[p + 1]]`.
    private let segmentStart: [Int]
    /// The most segments any one project has.
    let largestSegmentCount: Int
    let supporterGroups: [Int32]
    /// The size of each group in ``supporterGroups``, side by side with it.
    let supporterSizes: [UInt64]
    /// Per project, the supporters' weights added up (each voter counted).
    let totalWeight: [UInt64]

    init(_ election: Election, utility choice: EqualSharesUtility, tieBreaking: TieBreaking,
         groupingIdenticalBallots: Bool) throws(TallyError) {
        let projectCount = election.projects.count
        let costs = election.projects.map(\.cost.minorUnits)
        self.projectCount = projectCount
        self.costs = costs
        voterCount = election.ballots.count
        priority = tieBreaking.priorities(in: election)
        let usable = election.projects.map { !$0.isWithdrawn && $0.cost.minorUnits >= 0 }
        let uniform: Bool
        switch election.voteType {
        case .approval, .chooseOne: uniform = true
        case .cumulative, .scoring: uniform = false
        case .ordinal: throw .voteTypeNotSupported(rule: "equalshares", voteType: election.voteType)
        }

        let grouping = groupingIdenticalBallots
            ? BallotGrouping(identicalOf: election, uniform: uniform, usable: usable)
            : BallotGrouping(eachOf: election, uniform: uniform, usable: usable)
        let sizes = grouping.sizes
        groupSizes = sizes

        // Supporters of each project, segmented by weight: a counting sort of the groups'
        // pairs by project, then a sort by weight within each project (uniform ballots, all of
        // weight 1, need none).
        let priceUnit = costs.map { cost in uniform && choice == .cost ? UInt64(max(cost, 0)) : 1 }
        self.priceUnit = priceUnit
        // `ends[p]` counts project p's pairs, then holds where they start and serves as the
        // cursor that places them: afterwards it is where they end, so project p's pairs are
        // `(p == 0 ? 0 : ends[p - 1]) ..< ends[p]`.
        let pairs = grouping.projects.span, starts = grouping.start.span
        var ends = [Int](repeating: 0, count: projectCount)
        for index in 0..<pairs.count { ends[Int(pairs[index])] += 1 }
        var pairCount = 0
        for project in 0..<projectCount {
            pairCount += ends[project]
            ends[project] = pairCount - ends[project]
        }
        var flat = [Int32](repeating: 0, count: pairCount)
        var flatWeights = uniform ? [] : [UInt64](repeating: 0, count: pairCount)
        for group in 0..<sizes.count {
            for index in starts[group]..<starts[group + 1] {
                let project = Int(pairs[index])
                flat[ends[project]] = Int32(group)
                if !uniform { flatWeights[ends[project]] = UInt64(grouping.weights[index]) }
                ends[project] += 1
            }
        }
        var segmentList: [Segment] = []
        segmentList.reserveCapacity(projectCount)
        var segmentStart: [Int] = []
        segmentStart.reserveCapacity(projectCount + 1)
        segmentStart.append(0)
        var totalWeight = [UInt64](repeating: 0, count: projectCount)
        var candidates: [Int] = [], freeProjects: [Int] = []
        candidates.reserveCapacity(projectCount)
        var largestSegmentCount = 0
        for project in 0..<projectCount {
            let range = (project == 0 ? 0 : ends[project - 1])..<ends[project]
            if !uniform {
                let sorted = range.map { (weight: flatWeights[$0], group: flat[$0]) }
                    .sorted { $0.weight != $1.weight ? $0.weight < $1.weight : $0.group < $1.group }
                for (offset, pair) in sorted.enumerated() {
                    flat[range.lowerBound + offset] = pair.group
                    flatWeights[range.lowerBound + offset] = pair.weight
                }
            }
            var total: UInt64 = 0, weights: UInt64 = 0
            var overflow = false
            let firstSegment = segmentList.count
            if uniform {
                // One segment, of weight 1: the total utility is the price unit per voter.
                for index in range { weights &+= sizes[Int(flat[index])] }
                if !range.isEmpty { segmentList.append(Segment(weight: 1, start: range.lowerBound, end: range.upperBound)) }
                (total, overflow) = weights.multipliedReportingOverflow(by: priceUnit[project])
            } else {
                for index in range {
                    let weight = flatWeights[index], voters = sizes[Int(flat[index])]
                    if segmentList.count == firstSegment || segmentList[segmentList.count - 1].weight != weight {
                        if segmentList.count > firstSegment { segmentList[segmentList.count - 1].end = index }
                        segmentList.append(Segment(weight: weight, start: index, end: range.upperBound))
                    }
                    let (utility, o0) = weight.multipliedReportingOverflow(by: priceUnit[project])
                    let (part, o1) = utility.multipliedReportingOverflow(by: voters)
                    let (sum, o2) = total.addingReportingOverflow(part)
                    overflow = overflow || o0 || o1 || o2
                    total = sum
                    weights &+= weight &* voters
                }
            }
            segmentStart.append(segmentList.count)
            largestSegmentCount = max(largestSegmentCount, segmentList.count - firstSegment)
            totalWeight[project] = weights
            if overflow || total > UInt64(Int64.max) {
                throw .arithmeticOverflow("the total utility of project \(election.projects[project].id)")
            }
            if usable[project] && total > 0 {
                if costs[project] > 0 { candidates.append(project) } else { freeProjects.append(project) }
            }
        }
        // Cheapest first: ρ(a) < ρ(b) when cost(a) × weight(b) × unit(b) < cost(b) × weight(a) × unit(a).
        candidates.sort { a, b in
            let left = Self.product(UInt64(costs[a]), totalWeight[b], priceUnit[b])
            let right = Self.product(UInt64(costs[b]), totalWeight[a], priceUnit[a])
            if left.high != right.high { return left.high < right.high }
            if left.middle != right.middle { return left.middle < right.middle }
            return left.low != right.low ? left.low < right.low : a < b
        }
        self.segmentList = segmentList
        self.segmentStart = segmentStart
        self.largestSegmentCount = largestSegmentCount
        self.totalWeight = totalWeight
        self.candidates = candidates
        self.freeProjects = freeProjects
        supporterGroups = flat
        supporterSizes = [UInt64](unsafeUninitializedCapacity: pairCount) { column, count in
            for index in 0..<pairCount { column[index] = sizes[Int(flat[index])] }
            count = pairCount
        }
    }
}

extension EqualSharesInstance {
    /// `a × b × c` in 192 bits.
    private static func product(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> (high: UInt64, middle: UInt64, low: UInt64) {
        let (abHigh, abLow) = a.multipliedFullWidth(by: b)
        let (lowHigh, low) = abLow.multipliedFullWidth(by: c)
        let (high, highLow) = abHigh.multipliedFullWidth(by: c)
        let (middle, carry) = lowHigh.addingReportingOverflow(highLow)
        return (high &+ (carry ? 1 : 0), middle, low)
    }

    /// A project's supporting groups by weight, lightest first.
    @inline(__always)
    func segments(of project: Int) -> ArraySlice<Segment> {
        segmentList[segmentStart[project]..<segmentStart[project + 1]]
    }
}

/// The voters of an election in groups, each group with its (project, weight) pairs.
struct BallotGrouping {
    /// Group `g`'s pairs are `projects[start[g] ..< start[g + 1]]` with `weights` alike; every
    /// weight of uniform ballots is 1, and ``init(eachOf:uniform:usable:)`` leaves `weights`
    /// empty for them.
    private(set) var start: [Int] = [0]
    private(set) var projects: [Int32] = []
    private(set) var weights: [Int64] = []
    /// How many voters cast each group's ballot.
    private(set) var sizes: [UInt64] = []

    /// Every ballot a group of its own.
    init(eachOf election: Election, uniform: Bool, usable: [Bool]) {
        // Spans borrow the ballots: no reference counting per ballot.
        let ballots = election.ballots.span
        var total = 0
        for index in 0..<ballots.count { total += ballots[index].projects.count }
        var start = [Int](repeating: 0, count: ballots.count + 1)
        var projects = [Int32](repeating: 0, count: total), weights = uniform ? [] : [Int64](repeating: 1, count: total)
        var count = 0
        usable.withUnsafeBufferPointer { usable in
            projects.withUnsafeMutableBufferPointer { projects in
                weights.withUnsafeMutableBufferPointer { weights in
                    for group in 0..<ballots.count {
                        let list = ballots[group].projects.span
                        let points = ballots[group].points.span
                        for index in 0..<list.count where usable[list[index]] {
                            let weight = uniform ? 1 : points[index]
                            guard weight > 0 else { continue }
                            projects[count] = Int32(truncatingIfNeeded: list[index])
                            if !uniform { weights[count] = weight }
                            count += 1
                        }
                        start[group + 1] = count
                    }
                }
            }
        }
        projects.removeLast(total - count)
        if !uniform { weights.removeLast(total - count) }
        self.start = start
        self.projects = projects
        self.weights = weights
        sizes = [UInt64](repeating: 1, count: ballots.count)
    }

    /// Identical ballots in one group, found in one pass: a hash of each ballot's (project,
    /// weight) pairs in project order, compared in full on a hash match, in an open-addressing
    /// table: no allocation per ballot.
    init(identicalOf election: Election, uniform: Bool, usable: [Bool]) {
        // Spans borrow the ballots: no reference counting per ballot.
        let ballots = election.ballots.span
        var capacity = 16
        while capacity < ballots.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        var table = [Int32](repeating: -1, count: capacity)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(ballots.count)
        sizes.reserveCapacity(ballots.count)
        start.reserveCapacity(ballots.count + 1)
        var pairProjects: [Int32] = [], pairWeights: [Int64] = []
        for ballot in 0..<ballots.count {
            Self.orderedPairs(ballots[ballot].projects.span, ballots[ballot].points.span, uniform: uniform, usable: usable,
                              projects: &pairProjects, weights: &pairWeights)
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in pairProjects.indices {
                hash = (hash ^ UInt64(UInt32(bitPattern: pairProjects[index]))) &* 0x0000_0100_0000_01b3
                hash = (hash ^ UInt64(bitPattern: pairWeights[index])) &* 0x0000_0100_0000_01b3
            }
            var slot = Int(truncatingIfNeeded: ((hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9) >> 32) & mask
            while true {
                let group = Int(table[slot])
                if group < 0 {
                    table[slot] = Int32(sizes.count)
                    hashes.append(hash)
                    sizes.append(1)
                    projects.append(contentsOf: pairProjects)
                    weights.append(contentsOf: pairWeights)
                    start.append(projects.count)
                    break
                }
                if hashes[group] == hash && holds(group, pairProjects, pairWeights) {
                    sizes[group] += 1
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// A ballot's usable (project, weight) pairs in project order, by insertion: ballots are
    /// short and often ordered already.
    private static func orderedPairs(_ list: Span<Int>, _ points: Span<Int64>, uniform: Bool, usable: [Bool],
                                     projects: inout [Int32], weights: inout [Int64]) {
        projects.removeAll(keepingCapacity: true)
        weights.removeAll(keepingCapacity: true)
        for index in 0..<list.count where usable[list[index]] {
            let weight = uniform ? 1 : points[index]
            guard weight > 0 else { continue }
            let project = Int32(truncatingIfNeeded: list[index])
            projects.append(project)
            weights.append(weight)
            var position = projects.count - 1
            while position > 0 && projects[position - 1] > project {
                projects.swapAt(position - 1, position)
                weights.swapAt(position - 1, position)
                position -= 1
            }
        }
    }

    /// Whether group `group` has exactly these pairs.
    private func holds(_ group: Int, _ pairProjects: [Int32], _ pairWeights: [Int64]) -> Bool {
        let first = start[group]
        guard start[group + 1] - first == pairProjects.count else { return false }
        for index in pairProjects.indices where projects[first + index] != pairProjects[index] || weights[first + index] != pairWeights[index] {
            return false
        }
        return true
    }
}
