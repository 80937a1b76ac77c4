import Foundation
import Testing

/// Voting points over the API as the staff pages run them: a point is added, a batch from it
/// with a card of a resident who voted online is refused whole, a good batch with an invalid card
/// is stored with the point's record, the protocol closes the point, and the point's counts and
/// protocol are public; nothing refused is appended.
@Suite struct VotingPointAPITests {
    @Test func aPointFromItsFirstBatchToItsProtocol() async throws {
        let server = try TestServer()
        try await server.run { client in
            let replies = try DocumentedReplies()
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "voting")
            let admin = server.admin
            let (online, paper) = (scenario.residents[0], scenario.residents[1])
            #expect(try await client.post("/api/v1/editions/bo/ballots", token: online.token, ["pool": "park", "projects": ["k1"]]).status == .created)

            var reply = try await client.post("/api/v1/editions/bo/voting-points", token: online.token, ["id": "urzad", "name": "Urząd"])
            #expect(reply.status == .forbidden)
            reply = try await client.post("/api/v1/editions/bo/voting-points", token: admin, ["id": "urzad", "name": "Urząd Miejski", "address": "Rynek 1"])
            replies.check(reply, .created, "POST", "/api/v1/editions/{edition}/voting-points")

            let before = try await client.get("/api/v1/audit/entries").text
            let refused: [([String: Any], String)] = [
                // The resident who voted online: the whole batch is refused.
                (["point": "urzad", "invalid_cards": 1, "ballots": [
                    ["resident": paper.id, "pool": "park", "projects": ["k1"]], ["resident": online.id, "pool": "park", "projects": ["k1"]],
                ]], "already_voted"),
                (["point": "biblioteka", "ballots": [["resident": paper.id, "pool": "park", "projects": ["k1"]]]], "unknown_voting_point"),
                (["invalid_cards": 1, "ballots": [["resident": paper.id, "pool": "park", "projects": ["k1"]]]], "invalid_value"),
            ]
            for (body, code) in refused {
                reply = try await client.post("/api/v1/editions/bo/paper-ballots", token: admin, body)
                #expect(reply.code == code, "\(body): \(reply.status) \(reply.text)")
            }
            #expect(try await client.get("/api/v1/audit/entries").text == before, "a refused batch appends nothing")

            reply = try await client.post("/api/v1/editions/bo/paper-ballots", token: admin, [
                "point": "urzad", "invalid_cards": 1, "ballots": [["resident": paper.id, "pool": "park", "projects": ["k1"]]],
            ])
            replies.check(reply, .created, "POST", "/api/v1/editions/{edition}/paper-ballots")
            // Issued cards must cover the valid and the invalid one.
            reply = try await client.post("/api/v1/editions/bo/voting-points/urzad/protocol", token: admin, ["cards_received": 10, "cards_issued": 1])
            #expect(reply.code == "invalid_value", "\(reply.text)")
            reply = try await client.post("/api/v1/editions/bo/voting-points/urzad/protocol", token: admin, ["cards_received": 10, "cards_issued": 2])
            replies.check(reply, .created, "POST", "/api/v1/editions/{edition}/voting-points/{point}/protocol")
            reply = try await client.post("/api/v1/editions/bo/paper-ballots", token: admin, [
                "point": "urzad", "ballots": [["resident": scenario.residents[1].id, "pool": "city", "projects": ["p3"]]],
            ])
            #expect(reply.code == "already_decided", "a closed point takes no more cards: \(reply.text)")

            reply = try await client.get("/api/v1/editions/bo/voting-points")
            replies.check(reply, .ok, "GET", "/api/v1/editions/{edition}/voting-points")
            let points = try JSONSerialization.jsonObject(with: Data(reply.text.utf8)) as? [[String: Any]] ?? []
            #expect(points.count == 1)
            #expect(points.first?["paper_ballots"] as? Int == 1 && points.first?["invalid_cards"] as? Int == 1)
            let record = points.first?["protocol"] as? [String: Any] ?? [:]
            #expect(record["cards_received"] as? Int == 10 && record["cards_issued"] as? Int == 2)
            #expect(record["valid"] as? Int == 1 && record["invalid"] as? Int == 1)
        }
    }
}
