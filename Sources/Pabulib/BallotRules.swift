import Foundation
import WiecTally

/// What META says about the pool: budget, vote type, limits; and the check of each ballot.
struct BallotRules {
    /// A META value that cannot be used, with the key at fault.
    struct Problem: Error {
        var key: String
        var message: String
    }

    /// The META keys the rules read.
    private enum Key: Int, CaseIterable {
        case budget, voteType, threshold, minLength, maxLength, minSumCost, maxSumCost
        case minPoints, maxPoints, minSumPoints, maxSumPoints

        var name: String {
            switch self {
            case .budget: "budget"
            case .voteType: "vote_type"
            case .threshold: "min_project_score_threshold"
            case .minLength: "min_length"
            case .maxLength: "max_length"
            case .minSumCost: "min_sum_cost"
            case .maxSumCost: "max_sum_cost"
            case .minPoints: "min_points"
            case .maxPoints: "max_points"
            case .minSumPoints: "min_sum_points"
            case .maxSumPoints: "max_sum_points"
            }
        }

        /// Each key with its name's bytes.
        private static let names = allCases.map { ($0, Array($0.name.utf8)) }

        /// The key named `name`: compared only with the names of its length, so most META keys
        /// (description, unit, language…) are ruled out without reading them.
        init?(name: String) {
            var name = name
            guard let key = name.withUTF8({ bytes in
                Self.names.first { $0.1.count == bytes.count && $0.1.elementsEqual(bytes) }?.0
            }) else { return nil }
            self = key
        }
    }

    var budget: Money
    var voteType: VoteType
    var limits: BallotLimits
    var threshold: Int64?

    init(meta: [MetaEntry]) throws(Problem) {
        // One pass over META keeps the trimmed value of the first entry of each key the rules read.
        var values = [String?](repeating: nil, count: Key.allCases.count)
        for entry in meta {
            guard let key = Key(name: entry.key), values[key.rawValue] == nil else { continue }
            values[key.rawValue] = entry.value.trimmingSpaces()
        }
        func value(_ key: Key) -> String? { values[key.rawValue].flatMap { $0.isEmpty ? nil : $0 } }
        func money(_ key: Key) throws(Problem) -> Money? {
            guard let text = value(key) else { return nil }
            guard let amount = Money(decimal: text), amount >= .zero else {
                throw Problem(key: key.name, message: "'\(text)' is not an amount of money")
            }
            return amount
        }
        func integer(_ key: Key) throws(Problem) -> Int64? {
            guard let text = value(key) else { return nil }
            // Some files write whole numbers as decimals ("3.0"); accept them only when exact.
            if let number = Int64(text) { return number }
            if let amount = Money(decimal: text), amount.isWholeUnits { return amount.minorUnits / Money.minorUnitsPerUnit }
            throw Problem(key: key.name, message: "'\(text)' is not a whole number")
        }
        guard let budget = try money(.budget) else { throw Problem(key: "budget", message: "META has no budget") }
        guard let typeName = value(.voteType) else { throw Problem(key: "vote_type", message: "META has no vote_type") }
        guard let voteType = VoteType(rawValue: typeName) else {
            throw Problem(key: "vote_type", message: "unknown vote type '\(typeName)' (known: \(VoteType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self.budget = budget
        self.voteType = voteType
        limits = BallotLimits(
            minLength: try integer(.minLength).map(Int.init), maxLength: try integer(.maxLength).map(Int.init),
            minSumCost: try money(.minSumCost), maxSumCost: try money(.maxSumCost),
            minPoints: try integer(.minPoints), maxPoints: try integer(.maxPoints),
            minSumPoints: try integer(.minSumPoints), maxSumPoints: try integer(.maxSumPoints)
        )
        threshold = try integer(.threshold)
    }

    /// A ballot that breaks one of the file's limits: the column at fault and what is wrong.
    struct Violation {
        var field: String
        var message: String
    }

    /// Checks one vote against the file's own limits.
    ///
    /// - Parameters:
    ///   - projects: the vote's projects, as indices into `costs`.
    ///   - points: the vote's points, parallel to `projects`; empty without a `points` column.
    ///   - costs: the cost of each of the file's projects.
    /// - Returns: the first limit the vote breaks, or `nil`.
    func violation(projects: [Int], points: [Int64], costs: [Money]) -> Violation? {
        let length = projects.count
        if voteType == .chooseOne, length > 1 {
            return Violation(field: "vote", message: "a choose-1 ballot names \(length) projects")
        }
        if let minimum = limits.minLength, length < minimum {
            return Violation(field: "vote", message: "the ballot names \(length) projects, fewer than min_length \(minimum)")
        }
        if let maximum = limits.maxLength, length > maximum {
            return Violation(field: "vote", message: "the ballot names \(length) projects, more than max_length \(maximum)")
        }
        if limits.minSumCost != nil || limits.maxSumCost != nil {
            let total = projects.reduce(Money.zero) { $0 + costs[$1] }
            if let minimum = limits.minSumCost, total < minimum {
                return Violation(field: "vote", message: "the ballot's projects cost \(total), less than min_sum_cost \(minimum)")
            }
            if let maximum = limits.maxSumCost, total > maximum {
                return Violation(field: "vote", message: "the ballot's projects cost \(total), more than max_sum_cost \(maximum)")
            }
        }
        guard !points.isEmpty else { return nil }
        for points in points {
            if let minimum = limits.minPoints, points < minimum {
                return Violation(field: "points", message: "\(points) points, fewer than min_points \(minimum)")
            }
            if let maximum = limits.maxPoints, points > maximum {
                return Violation(field: "points", message: "\(points) points, more than max_points \(maximum)")
            }
        }
        let sum = points.reduce(0, +)
        if let minimum = limits.minSumPoints, sum < minimum {
            return Violation(field: "points", message: "\(sum) points in all, fewer than min_sum_points \(minimum)")
        }
        if let maximum = limits.maxSumPoints, sum > maximum {
            return Violation(field: "points", message: "\(sum) points in all, more than max_sum_points \(maximum)")
        }
        return nil
    }
}
