import Foundation
import HTTPTypes
import Testing

/// Every refusal the API answers, with its status, its stable code and both titles, as
/// `application/problem+json`.
@Suite struct RefusalTests {
    /// Checks a reply is the problem expected.
    private func expectProblem(
        _ reply: Client.Reply, _ status: HTTPResponse.Status, _ code: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(reply.status == status, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.code == code, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.contentType == "application/problem+json", sourceLocation: sourceLocation)
        #expect(reply["type"] as? String == "urn:wiec:problem:\(code)", sourceLocation: sourceLocation)
        #expect((reply["title"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect((reply["title_pl"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(reply["status"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect(reply.headers[HTTPField.Name("X-Request-Id")!] != nil, sourceLocation: sourceLocation)
    }

    @Test func unauthorizedWithoutAValidToken() async throws {
        let server = try TestServer()
        try await server.run { client in
            expectProblem(try await client.post("/api/v1/editions", ["id": "bo", "name": "BO"]), .unauthorized, "unauthorized")
            expectProblem(try await client.post("/api/v1/editions", token: "wiec_s_nope", ["id": "bo", "name": "BO"]), .unauthorized, "unauthorized")
            let (account, token) = try server.access.addStaff(name: "Former", role: .admin, scope: .all, at: Date())
            #expect(try await client.post("/api/v1/editions", token: token, ["id": "bo", "name": "BO"]).status == .created)
            #expect(try server.access.revokeStaff(id: account.id, at: Date()))
            let reply = try await client.post("/api/v1/editions", token: token, ["id": "bo2", "name": "BO"])
            expectProblem(reply, .unauthorized, "unauthorized")
            #expect(reply.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
        }
    }

    @Test func forbiddenByRoleOrScope() async throws {
        let server = try TestServer(reviewerScope: "bo:park")
        try await server.run { client in
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "submission")
            // A reviewer may not add pools, an auditor writes nothing, a resident is no admin.
            expectProblem(try await client.post("/api/v1/editions", token: server.reviewer, ["id": "x", "name": "X"]), .forbidden, "not_allowed")
            expectProblem(try await client.post("/api/v1/editions/bo/phase", token: server.auditor, ["to": "review"]), .forbidden, "not_allowed")
            expectProblem(
                try await client.post("/api/v1/editions/bo/phase", token: scenario.residents[0].token, ["to": "review"]), .forbidden, "not_allowed")
            // Only the submitter amends.
            expectProblem(
                try await client.send(.patch, "/api/v1/editions/bo/proposals/p1", token: scenario.residents[1].token, json: ["title": "Moje"]),
                .forbidden, "not_submitter")
            try await scenario.advance("review")
            // The reviewer's scope is the park pool only.
            let review: [String: Any] = ["stage": "formal", "outcome": "positive", "justification": "OK"]
            expectProblem(try await client.post("/api/v1/editions/bo/proposals/p1/reviews", token: server.reviewer, review), .forbidden, "not_in_scope")
            #expect(try await client.post("/api/v1/editions/bo/proposals/k1/reviews", token: server.reviewer, review).status == .created)
            // A staff account scoped to another edition.
            let other = try server.access.addStaff(name: "Inna gmina", role: .admin, scope: .edition("other"), at: Date()).1
            expectProblem(try await client.post("/api/v1/editions/bo/phase", token: other, ["to": "appeals"]), .forbidden, "not_in_scope")
        }
    }

    @Test func conflictsOfPhaseAndState() async throws {
        let server = try TestServer()
        try await server.run { client in
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "voting")
            let resident = scenario.residents[0].token
            expectProblem(try await client.post("/api/v1/editions", token: server.admin, ["id": "bo", "name": "Again"]), .conflict, "edition_exists")
            expectProblem(
                try await client.post("/api/v1/editions/bo/proposals", token: resident, [
                    "pool": "city", "title": "Late", "description": "", "cost_estimate": "10",
                ]), .conflict, "phase_closed")
            expectProblem(try await client.post("/api/v1/editions/bo/phase", token: server.admin, ["to": "draft"]), .conflict, "invalid_transition")
            let ballot: [String: Any] = ["pool": "park", "projects": ["k1"]]
            #expect(try await client.post("/api/v1/editions/bo/ballots", token: resident, key: "k-1", ballot).status == .created)
            expectProblem(try await client.post("/api/v1/editions/bo/ballots", token: resident, ballot), .conflict, "already_voted")
            // The same idempotency key with another request.
            expectProblem(
                try await client.post("/api/v1/editions/bo/ballots", token: resident, key: "k-1", ["pool": "city", "projects": ["p1"]]),
                .conflict, "idempotency_conflict")
            // One person, one registration.
            expectProblem(
                try await client.post("/api/v1/editions/bo/voters", ["name": "Osoba 0", "pesel": TestPesel.make(40)]), .conflict, "already_registered")
            expectProblem(try await client.get("/api/v1/editions/bo/results"), .conflict, "not_published")
            // A registration key replayed by someone else gets no token.
            #expect(try await client.post("/api/v1/editions/bo/voters", key: "desk-1", ["name": "A", "pesel": TestPesel.make(60)]).status == .created)
            let replay = try await client.post("/api/v1/editions/bo/voters", key: "desk-1", ["name": "B", "pesel": TestPesel.make(61)])
            expectProblem(replay, .conflict, "idempotency_conflict")
            #expect(!replay.text.contains("wiec_r_"))
        }
    }

    @Test func rulesOfThePool() async throws {
        let server = try TestServer()
        try await server.run { client in
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "voting")
            let resident = scenario.residents[1].token
            func ballot(_ pool: String, _ projects: [String]) async throws -> Client.Reply {
                try await client.post("/api/v1/editions/bo/ballots", token: resident, ["pool": pool, "projects": projects])
            }
            expectProblem(try await ballot("city", ["p1", "p2", "p3"]), .unprocessableContent, "ballot_too_long")
            expectProblem(try await ballot("city", ["p1", "p2"]), .unprocessableContent, "over_max_sum_cost")
            expectProblem(try await ballot("city", ["k1"]), .unprocessableContent, "unknown_project")
            expectProblem(try await ballot("city", ["p1", "p1"]), .unprocessableContent, "duplicate_project")
            expectProblem(try await ballot("park", []), .unprocessableContent, "ballot_too_short")
            expectProblem(try await ballot("nowhere", ["p1"]), .unprocessableContent, "unknown_pool")
            expectProblem(
                try await client.post("/api/v1/editions/bo/ballots", token: resident, ["pool": "park", "projects": ["k1"], "points": [3]]),
                .unprocessableContent, "malformed_ballot")
            // Nothing refused was appended: the resident still votes once.
            #expect(try await ballot("city", ["p1"]).status == .created)
        }
    }

    @Test func hostileInput() async throws {
        let server = try TestServer(maxBodyBytes: 1024)
        try await server.run { client in
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "draft")
            let admin = server.admin
            expectProblem(
                try await client.post("/api/v1/editions", token: admin, ["id": "x", "name": "X", "admin": true]), .badRequest, "unknown_field")
            // A field the type does not know is refused even as null; a known optional one as null is nothing.
            expectProblem(try await client.send(.post, "/api/v1/editions", token: admin, raw: #"{"id": "x", "name": "X", "": null}"#), .badRequest, "unknown_field")
            expectProblem(try await client.send(.post, "/api/v1/editions", token: admin, raw: #"{"id": "x", "name": 1.5}"#), .badRequest, "malformed_json")
            expectProblem(try await client.send(.post, "/api/v1/editions", token: admin, raw: "{\"id\": "), .badRequest, "malformed_json")
            expectProblem(try await client.post("/api/v1/editions", token: admin, ["id": "x"]), .badRequest, "malformed_json")
            expectProblem(
                try await client.post("/api/v1/editions", token: admin, ["id": "x", "name": String(repeating: "a", count: 2000)]),
                .contentTooLarge, "body_too_large")
            expectProblem(
                try await client.post("/api/v1/editions", token: admin, ["id": "x", "name": String(repeating: "ż", count: 201)]),
                .unprocessableContent, "invalid_text")
            expectProblem(try await client.post("/api/v1/editions", token: admin, ["id": "a b", "name": "X"]), .unprocessableContent, "invalid_text")
            // A bad PESEL is refused without being echoed.
            let reply = try await client.post("/api/v1/editions/bo/voters", ["name": "Jan", "pesel": "12345678901"])
            expectProblem(reply, .unprocessableContent, "invalid_pesel")
            #expect(!reply.text.contains("12345678901"))
            // Texts are stored NFC-normalised: a decomposed "ó" comes back composed.
            let created = try await client.post("/api/v1/editions", token: admin, ["id": "nfc", "name": "Go\u{0301}ra"])
            #expect(created["name"] as? String == "G\u{00F3}ra")
        }
    }

    @Test func notFoundAndMethodNotAllowed() async throws {
        let server = try TestServer()
        try await server.run { client in
            expectProblem(try await client.get("/api/v1/nothing-here"), .notFound, "not_found")
            expectProblem(try await client.get("/api/v1/editions/none"), .notFound, "unknown_edition")
            expectProblem(try await client.get("/api/v1/editions/bo/proposals/none"), .notFound, "unknown_edition")
            #expect(try await client.post("/api/v1/editions", token: server.admin, ["id": "bo", "name": "BO"]).status == .created)
            expectProblem(try await client.get("/api/v1/editions/bo/proposals/none"), .notFound, "unknown_proposal")
            let reply = try await client.send(.delete, "/api/v1/editions")
            expectProblem(reply, .methodNotAllowed, "method_not_allowed")
            #expect(reply.headers[.allow] == "GET, POST")
        }
    }

    @Test func rateLimitsAnswer429WithRetryAfter() async throws {
        let server = try TestServer(registrationsPerMinute: 3)
        try await server.run { client in
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "draft")  // two registrations
            #expect(try await client.post("/api/v1/editions/bo/voters", ["name": "C", "pesel": TestPesel.make(7)]).status == .created)
            let reply = try await client.post("/api/v1/editions/bo/voters", ["name": "D", "pesel": TestPesel.make(8)])
            expectProblem(reply, .tooManyRequests, "rate_limited")
            #expect(Int(reply.headers[.retryAfter] ?? "") ?? 0 >= 1)
        }
    }
}
