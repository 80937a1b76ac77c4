import Foundation
import HTTPTypes
import Testing
import WiecServer

/// The OpenAPI document matches what the server does: every documented operation is routed,
/// and real responses (successes and problems) conform to the documented schemas.
@Suite struct OpenAPITests {
    /// Checks a reply against the documented response for its status (or `default`).
    static func conforms(
        _ reply: Client.Reply, _ method: String, _ template: String, document: [String: Any],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let validator = SchemaValidator(document: document)
        let paths = document["paths"] as! [String: [String: Any]]
        guard let operation = paths[template]?[method.lowercased()] as? [String: Any] else {
            Issue.record("\(method) \(template) is not documented", sourceLocation: sourceLocation)
            return
        }
        let responses = operation["responses"] as! [String: [String: Any]]
        guard var response = responses[String(reply.status.code)] ?? responses["default"] else {
            Issue.record("\(method) \(template): status \(reply.status.code) is not documented", sourceLocation: sourceLocation)
            return
        }
        if let ref = response["$ref"] as? String { response = validator.resolve(ref) }
        let content = response["content"] as? [String: [String: Any]] ?? [:]
        let mediaType = (reply.contentType ?? "").split(separator: ";").first.map(String.init) ?? ""
        guard let media = content[mediaType] else {
            Issue.record("\(method) \(template) \(reply.status.code): media type \(mediaType) is not documented", sourceLocation: sourceLocation)
            return
        }
        guard mediaType.hasSuffix("json"), let schema = media["schema"] as? [String: Any] else { return }
        let problems = validator.problems(reply.json as Any, schema)
        #expect(problems.isEmpty, "\(method) \(template) \(reply.status.code): \(problems)", sourceLocation: sourceLocation)
    }

    @Test func responsesMatchTheDocument() async throws {
        let data = try openAPIDocument()
        let server = try TestServer()
        try await server.run { client in
            let document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            #expect(document["openapi"] as? String == "3.1.0")
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "voting")
            let resident = scenario.residents[0]
            func check(_ reply: Client.Reply, _ method: String, _ template: String) {
                Self.conforms(reply, method, template, document: document)
            }
            check(try await client.get("/healthz"), "GET", "/healthz")
            check(try await client.get("/api/v1/editions"), "GET", "/api/v1/editions")
            check(try await client.get("/api/v1/editions/bo"), "GET", "/api/v1/editions/{edition}")
            check(try await client.get("/api/v1/editions/missing"), "GET", "/api/v1/editions/{edition}")
            check(
                try await client.post("/api/v1/editions", token: server.admin, ["id": "mlodzi", "name": "BO Młodzieżowy", "minimum_voter_age": 13]),
                "POST", "/api/v1/editions")
            check(try await client.get("/api/v1/editions/mlodzi"), "GET", "/api/v1/editions/{edition}")
            check(
                try await client.post("/api/v1/editions/mlodzi/voter-age-limit", token: server.admin, ["minimum_age": NSNull()]),
                "POST", "/api/v1/editions/{edition}/voter-age-limit")
            check(
                try await client.post("/api/v1/editions/bo/voter-age-limit", token: server.admin, ["minimum_age": 16]),
                "POST", "/api/v1/editions/{edition}/voter-age-limit")
            check(try await client.get("/api/v1/editions/bo/proposals?pool=city"), "GET", "/api/v1/editions/{edition}/proposals")
            check(try await client.get("/api/v1/editions/bo/proposals/p1"), "GET", "/api/v1/editions/{edition}/proposals/{id}")
            check(
                try await client.post("/api/v1/editions/bo/ballots", token: resident.token, ["pool": "city", "projects": ["p1"]]),
                "POST", "/api/v1/editions/{edition}/ballots")
            check(
                try await client.post("/api/v1/editions/bo/ballots", token: resident.token, ["pool": "city", "projects": ["p1"]]),
                "POST", "/api/v1/editions/{edition}/ballots")
            check(
                try await client.post("/api/v1/editions/bo/paper-ballots", token: server.admin, [
                    "ballots": [["resident": scenario.residents[1].id, "pool": "park", "projects": ["k1"]]]
                ]), "POST", "/api/v1/editions/{edition}/paper-ballots")
            check(
                try await client.post("/api/v1/editions/bo/voters", ["name": "Nowa", "pesel": TestPesel.make(99)]),
                "POST", "/api/v1/editions/{edition}/voters")
            check(try await client.get("/api/v1/editions/bo/results"), "GET", "/api/v1/editions/{edition}/results")
            check(try await client.post("/api/v1/editions/bo/phase", token: server.admin, ["to": "closed"]), "POST", "/api/v1/editions/{edition}/phase")
            check(try await client.post("/api/v1/editions/bo/phase", token: server.admin, ["to": "published"]), "POST", "/api/v1/editions/{edition}/phase")
            check(try await client.get("/api/v1/editions/bo/results"), "GET", "/api/v1/editions/{edition}/results")
            check(try await client.get("/api/v1/editions/bo/results.csv"), "GET", "/api/v1/editions/{edition}/results.csv")
            check(try await client.get("/api/v1/editions/bo/pools/city/pabulib"), "GET", "/api/v1/editions/{edition}/pools/{pool}/pabulib")
            check(try await client.get("/api/v1/editions/bo/bundle"), "GET", "/api/v1/editions/{edition}/bundle")
            check(try await client.get("/api/v1/audit/checkpoint"), "GET", "/api/v1/audit/checkpoint")
            check(try await client.get("/api/v1/audit/entries?from=1&to=5"), "GET", "/api/v1/audit/entries")
            check(try await client.get("/api/v1/audit/proof/3"), "GET", "/api/v1/audit/proof/{seq}")
            check(try await client.get("/api/v1/audit/proof/100000"), "GET", "/api/v1/audit/proof/{seq}")
            check(try await client.get("/api/v1/audit/consistency?from=2&to=9"), "GET", "/api/v1/audit/consistency")
            check(try await client.get("/api/v1/audit/public-key"), "GET", "/api/v1/audit/public-key")
            check(try await client.get("/metrics"), "GET", "/metrics")
        }
    }

    @Test func everyDocumentedOperationIsRouted() async throws {
        let data = try openAPIDocument()
        let server = try TestServer()
        try await server.run { client in
            let document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            let paths = document["paths"] as! [String: [String: Any]]
            for (template, item) in paths.sorted(by: { $0.key < $1.key }) {
                let path = template.replacingOccurrences(of: "{seq}", with: "1")
                    .replacingOccurrences(of: #"\{[a-z]+\}"#, with: "x", options: .regularExpression)
                for method in item.keys {
                    let reply = try await client.send(HTTPRequest.Method(method.uppercased())!, path)
                    #expect(reply.code != "not_found" && reply.code != "method_not_allowed", "\(method) \(template): \(reply.text)")
                }
            }
        }
    }
}
