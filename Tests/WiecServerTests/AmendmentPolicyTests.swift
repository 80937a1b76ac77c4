import Foundation
import HTTPTypes
import Testing

/// A proposal changed after its review began never reaches the ballot unreviewed: the edition
/// refuses the change (the default) or sends the proposal back to review, and the choice and
/// its effect are in the log and in the proposal's history.
@Suite struct AmendmentPolicyTests {
    /// An edition with pool `city` and proposal p1 by a resident, its formal, merit and cost
    /// stages reviewed positively; in `review`.
    private func reviewed(_ client: Client, _ server: TestServer, policy: String?) async throws -> String {
        var edition: [String: Any] = ["id": "bo", "name": "BO"]
        if let policy { edition["amendment_policy"] = policy }
        let created = try await client.post("/api/v1/editions", token: server.admin, edition)
        #expect(created.status == .created, "\(created.text)")
        #expect(created["amendment_policy"] as? String == policy ?? "refuse")
        #expect(try await client.post("/api/v1/editions/bo/pools", token: server.admin, [
            "id": "city", "name": "Miasto", "budget": "1000", "vote_type": "approval", "rule": "greedy",
        ]).status == .created)
        let resident = try await client.post("/api/v1/editions/bo/voters", ["name": "Osoba", "pesel": TestPesel.make(3)])["token"] as! String
        #expect(try await client.post("/api/v1/editions/bo/phase", token: server.admin, ["to": "submission"]).status == .ok)
        #expect(try await client.post("/api/v1/editions/bo/proposals", token: resident, [
            "id": "p1", "pool": "city", "title": "Ławki", "description": "Dziesięć ławek", "cost_estimate": "100",
        ]).status == .created)
        // Before any review, a change is an ordinary amendment.
        #expect(try await client.send(.patch, "/api/v1/editions/bo/proposals/p1", token: resident, json: ["description": "Dwanaście ławek"]).status == .ok)
        #expect(try await client.post("/api/v1/editions/bo/phase", token: server.admin, ["to": "review"]).status == .ok)
        for stage in ["formal", "merit", "cost"] {
            var review: [String: Any] = ["stage": stage, "outcome": "positive", "justification": "OK"]
            if stage == "cost" { review["reviewed_cost"] = "100" }
            #expect(try await client.post("/api/v1/editions/bo/proposals/p1/reviews", token: server.admin, review).status == .created)
        }
        #expect(try await client.get("/api/v1/editions/bo/proposals/p1")["status"] as? String == "admitted")
        return resident
    }

    @Test func byDefaultAChangeAfterTheFirstReviewIsRefused() async throws {
        let server = try TestServer()
        try await server.run { client in
            let resident = try await reviewed(client, server, policy: nil)
            let entries = try await client.get("/healthz")["entries"] as? Int
            let refused = try await client.send(.patch, "/api/v1/editions/bo/proposals/p1", token: resident, json: ["title": "Coś innego"])
            #expect(refused.status == .conflict)
            #expect(refused.code == "review_started")
            #expect(try await client.get("/healthz")["entries"] as? Int == entries)
            let proposal = try await client.get("/api/v1/editions/bo/proposals/p1")
            #expect(proposal["title"] as? String == "Ławki")
            #expect(proposal["status"] as? String == "admitted")
            let amendments = proposal["amendments"] as? [[String: Any]]
            #expect(amendments?.count == 1)
            #expect((amendments?.first?["set_aside_reviews"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func underReviewAgainAChangeSendsTheProposalBackToReview() async throws {
        let server = try TestServer()
        try await server.run { client in
            let resident = try await reviewed(client, server, policy: "review_again")
            let changed = try await client.send(.patch, "/api/v1/editions/bo/proposals/p1", token: resident, json: ["title": "Ławki i kosze"])
            #expect(changed.status == .ok, "\(changed.text)")
            let proposal = try await client.get("/api/v1/editions/bo/proposals/p1")
            #expect(proposal["title"] as? String == "Ławki i kosze")
            #expect(proposal["status"] as? String == "pending")
            #expect((proposal["reviews"] as? [Any])?.isEmpty == true)
            let history = proposal["amendments"] as? [[String: Any]] ?? []
            #expect(history.count == 2)
            #expect(history.last?["title"] as? String == "Ławki i kosze")
            #expect((history.last?["set_aside_reviews"] as? [[String: Any]])?.map { $0["stage"] as? String } == ["formal", "merit", "cost"])
            // The policy and the reopening are entries of the public log.
            let log = try await client.get("/api/v1/audit/entries").text
            #expect(log.contains(#""type":"amendment_policy_set""#))
            #expect(log.contains(#""type":"review_reopened""#))
            // It is reviewed again from the formal stage.
            let again = try await client.post("/api/v1/editions/bo/proposals/p1/reviews", token: server.admin, [
                "stage": "formal", "outcome": "positive", "justification": "Nowa treść sprawdzona",
            ])
            #expect(again.status == .created, "\(again.text)")
            // The policy is set before the review, never during it.
            let late = try await client.post("/api/v1/editions/bo/amendment-policy", token: server.admin, ["policy": "refuse"])
            #expect(late.code == "phase_closed")
        }
    }

    @Test func thePolicyIsSetInDraftOrSubmission() async throws {
        let server = try TestServer()
        try await server.run { client in
            #expect(try await client.post("/api/v1/editions", token: server.admin, ["id": "bo", "name": "BO"]).status == .created)
            let set = try await client.post("/api/v1/editions/bo/amendment-policy", token: server.admin, ["policy": "review_again"])
            #expect(set.status == .ok, "\(set.text)")
            #expect(set["amendment_policy"] as? String == "review_again")
            #expect(try await client.post("/api/v1/editions/bo/amendment-policy", token: server.admin, ["policy": "later"]).status == .badRequest)
            #expect(try await client.post("/api/v1/editions/bo/amendment-policy", token: server.reviewer, ["policy": "refuse"]).status == .forbidden)
        }
    }
}
