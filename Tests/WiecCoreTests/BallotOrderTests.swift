import Foundation
import Testing
import WiecCore
import WiecTally

/// The order of projects on a ballot: the list's, or one of its own for every voter drawn from
/// the seed the pool recorded, reproducible from the log alone.
@Suite struct BallotOrderTests {
    let projects = (1...12).map { "p\($0)" }

    @Test func theListOrderKeepsTheList() {
        #expect(BallotOrder.listOrder.arrange(projects, id: { $0 }, for: "r-1") == projects)
    }

    @Test func aRandomOrderIsAPermutationFixedBySeedAndVoter() {
        let order = BallotOrder.randomPerVoter(seed: "3f09a1c2d4e5f601")
        let first = order.arrange(projects, id: { $0 }, for: "r-anna")
        #expect(Set(first) == Set(projects) && first.count == projects.count)
        #expect(order.arrange(projects, id: { $0 }, for: "r-anna") == first)
        #expect(order.arrange(projects.reversed(), id: { $0 }, for: "r-anna") == first, "the order must not depend on the list's")
        let voters = (1...20).map { "r-\($0)" }
        let orders = Set(voters.map { order.arrange(projects, id: { $0 }, for: $0) })
        #expect(orders.count >= 19, "20 voters got only \(orders.count) different orders of 12 projects")
        let otherSeed = BallotOrder.randomPerVoter(seed: "another-seed").arrange(projects, id: { $0 }, for: "r-anna")
        #expect(otherSeed != first)
    }

    @Test func everyProjectLeadsAboutAsOften() {
        let order = BallotOrder.randomPerVoter(seed: "fair")
        var firsts: [String: Int] = [:]
        for voter in 0..<6_000 { firsts[order.arrange(Array(projects.prefix(6)), id: { $0 }, for: "r-\(voter)")[0], default: 0] += 1 }
        // 1,000 expected for each of 6; a fair draw stays within ±15 % here.
        #expect(firsts.count == 6 && firsts.values.allSatisfy { (850...1_150).contains($0) }, "\(firsts)")
    }

    @Test func theSeedIsRecordedWithThePool() throws {
        let pool = PoolConfig(id: "miasto", name: "Cała gmina", budget: Money(units: 1_000), voteType: .approval, ballotOrder: .randomPerVoter(seed: "abc-123"))
        let json = try JSONEncoder().encode(pool)
        #expect(String(decoding: json, as: UTF8.self).contains("\"ballot_order_seed\":\"abc-123\""))
        #expect(try JSONDecoder().decode(PoolConfig.self, from: json).ballotOrder == .randomPerVoter(seed: "abc-123"))
        let listed = try JSONEncoder().encode(PoolConfig(id: "m", name: "M", budget: Money(units: 1), voteType: .approval))
        #expect(!String(decoding: listed, as: UTF8.self).contains("ballot_order"))
        #expect(try JSONDecoder().decode(PoolConfig.self, from: listed).ballotOrder == .listOrder)
    }
}
