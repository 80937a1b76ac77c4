import Foundation
import HTTPTypes
import Testing

/// Puts an edition `bo` into a phase through the API: pool `city` (approval, greedy, budget
/// 1000, at most 2 projects, at most 900 per ballot) and pool `park` (choose-1), proposals
/// p1 (600), p2 (500), p3 (100) in city and k1 in park, all admitted, and two registered residents.
struct Scenario {
    let client: Client
    let server: TestServer
    var residents: [(token: String, id: String)] = []

    init(_ client: Client, _ server: TestServer) {
        self.client = client
        self.server = server
    }

    /// Runs the edition up to `phase`; `duringSubmission` runs once the proposals are in, before review.
    mutating func setUp(until phase: String, duringSubmission: (Scenario) async throws -> Void = { _ in }) async throws {
        let admin = server.admin
        try await expect(client.post("/api/v1/editions", token: admin, ["id": "bo", "name": "BO Test"]), .created)
        try await expect(client.post("/api/v1/editions/bo/pools", token: admin, [
            "id": "city", "name": "Miasto", "budget": "1000", "vote_type": "approval", "rule": "greedy", "max_length": 2,
            "max_sum_cost": "900",
        ]), .created)
        try await expect(client.post("/api/v1/editions/bo/pools", token: admin, [
            "id": "park", "name": "Park", "budget": "1000", "vote_type": "choose-1", "rule": "greedy",
        ]), .created)
        for index in 0..<2 {
            let reply = try await client.post("/api/v1/editions/bo/voters", ["name": "Osoba \(index)", "pesel": TestPesel.make(40 + index)])
            residents.append((reply["token"] as! String, reply["resident_id"] as! String))
        }
        if phase == "draft" { return }
        try await advance("submission")
        for (id, pool, cost) in [("p1", "city", "600"), ("p2", "city", "500"), ("p3", "city", "100"), ("k1", "park", "100")] {
            try await expect(client.post("/api/v1/editions/bo/proposals", token: residents[0].token, [
                "id": id, "pool": pool, "title": "Projekt \(id)", "description": "", "cost_estimate": cost,
            ]), .created)
        }
        try await duringSubmission(self)
        if phase == "submission" { return }
        try await advance("review")
        for (id, cost) in [("p1", "600"), ("p2", "500"), ("p3", "100"), ("k1", "100")] {
            for stage in ["formal", "merit", "cost"] {
                var body: [String: Any] = ["stage": stage, "outcome": "positive", "justification": "OK"]
                if stage == "cost" { body["reviewed_cost"] = cost }
                try await expect(client.post("/api/v1/editions/bo/proposals/\(id)/reviews", token: admin, body), .created)
            }
        }
        if phase == "review" { return }
        try await advance("appeals")
        if phase == "appeals" { return }
        try await advance("voting")
    }

    func advance(_ phase: String) async throws {
        try await expect(client.post("/api/v1/editions/bo/phase", token: server.admin, ["to": phase]), .ok)
    }

    private func expect(_ reply: Client.Reply, _ status: HTTPResponse.Status) throws {
        #expect(reply.status == status, "\(reply.text)")
    }
}
