import Foundation
import Testing

/// The API takes a pool's exclusion groups, a top-up rule and a random ballot order, shows them
/// back, and refuses a group that cannot be one.
struct PoolSettingsTests {
    @Test func exclusionGroupsAndTopUpAreAPoolSetting() async throws {
        let server = try TestServer()
        try await server.run { client in
            #expect(try await client.post("/api/v1/editions", token: server.admin, ["id": "bo", "name": "BO"]).status == .created)
            let pool: [String: Any] = [
                "id": "city", "name": "Miasto", "budget": "1000", "vote_type": "approval", "rule": "greedy-no-skip --top-up 80%",
                "exclusion_groups": [["projects": ["p1", "p2", "p3"], "at_most": 1]],
            ]
            let created = try await client.post("/api/v1/editions/bo/pools", token: server.admin, pool)
            #expect(created.status == .created, "\(created.text)")
            let edition = try await client.get("/api/v1/editions/bo")
            let pools = try #require(edition["pools"] as? [[String: Any]])
            #expect(pools.first?["rule"] as? String == "greedy-no-skip --top-up 80%")
            let groups = try #require(pools.first?["exclusion_groups"] as? [[String: Any]])
            #expect(groups.first?["projects"] as? [String] == ["p1", "p2", "p3"])
            #expect(groups.first?["at_most"] as? Int == 1)

            var single = pool
            single["id"] = "park"
            single["exclusion_groups"] = [["projects": ["p1"], "at_most": 1]]
            let refused = try await client.post("/api/v1/editions/bo/pools", token: server.admin, single)
            #expect(refused.status == .unprocessableContent, "\(refused.text)")
            #expect(refused.code == "invalid_value")
            let after = try await client.get("/api/v1/editions/bo")
            #expect((after["pools"] as? [Any])?.count == 1)
        }
    }

    @Test func aRandomBallotOrderRecordsItsSeed() async throws {
        let server = try TestServer()
        try await server.run { client in
            #expect(try await client.post("/api/v1/editions", token: server.admin, ["id": "bo", "name": "BO"]).status == .created)
            let base: [String: Any] = ["name": "Miasto", "budget": "1000", "vote_type": "approval", "rule": "greedy"]
            func add(_ id: String, _ extra: [String: Any]) async throws -> Client.Reply {
                try await client.post("/api/v1/editions/bo/pools", token: server.admin, base.merging(extra) { $1 }.merging(["id": id]) { $1 })
            }
            #expect(try await add("drawn", ["ballot_order": "random"]).status == .created)
            #expect(try await add("given", ["ballot_order": "random", "ballot_order_seed": "sesja-rady-2027"]).status == .created)
            #expect(try await add("listed", [:]).status == .created)
            let seedWithList = try await add("wrong", ["ballot_order": "list", "ballot_order_seed": "abc"])
            #expect(seedWithList.status == .unprocessableContent && seedWithList.code == "invalid_value", "\(seedWithList.text)")
            let badSeed = try await add("bad", ["ballot_order": "random", "ballot_order_seed": "a b"])
            #expect(badSeed.status == .unprocessableContent && badSeed.code == "invalid_text", "\(badSeed.text)")
            let pools = try #require(try await client.get("/api/v1/editions/bo")["pools"] as? [[String: Any]])
            let byID = Dictionary(uniqueKeysWithValues: pools.map { ($0["id"] as? String ?? "", $0) })
            #expect(byID.count == 3)
            let drawn = try #require(byID["drawn"]?["ballot_order_seed"] as? String)
            #expect(byID["drawn"]?["ballot_order"] as? String == "random" && drawn.count == 32 && drawn.allSatisfy(\.isHexDigit))
            #expect(byID["given"]?["ballot_order_seed"] as? String == "sesja-rady-2027")
            #expect(byID["listed"]?["ballot_order"] as? String == "list" && byID["listed"]?["ballot_order_seed"] == nil)
            let log = try await client.get("/api/v1/audit/entries")
            #expect(log.text.contains("sesja-rady-2027") && log.text.contains(drawn), "the seeds are in the public log")
        }
    }
}
