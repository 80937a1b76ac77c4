import Foundation
import Testing

/// The API takes a pool's exclusion groups and a top-up rule, shows them back, and refuses a
/// group that cannot be one.
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
}
