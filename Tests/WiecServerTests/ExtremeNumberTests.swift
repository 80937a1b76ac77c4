import Foundation
import HTTPTypes
import Testing
import WiecServer
import WiecTestSupport

/// Extreme integers sent to every numeric field of every operation the OpenAPI document lists,
/// against the real server on loopback: nothing may answer 5xx or stop the process, and every
/// refusal is a 4xx problem document.
///
/// The numeric fields are found in the document itself (integers, and amounts, which take an
/// integer or a decimal string), in request bodies at any depth and in path and query
/// parameters; each operation starts from a request that the server accepts, so that every
/// check of the value runs. An operation without such a request fails the test.
@Suite struct ExtremeNumberTests {
    /// Int64's ends, ±2^53 (beyond which JSON numbers lose precision), the amount and point
    /// bounds and their neighbours, 0 and -1; then a few seeded random magnitudes.
    static let extremes: [Int64] = {
        var values: [Int64] = [
            .min, .max, -(1 << 53), 1 << 53, 9_999_999_999_999, 10_000_000_000_000, 10_000_000_000_001,
            999_999_999, 1_000_000_000, 1_000_000_001, 0, -1, 92_233_720_368_547_759,
        ]
        var generator = SeededGenerator(state: 10)
        for _ in 0..<4 { values.append(Int64(bitPattern: generator.next()) >> Int64(generator.next() % 63)) }
        return values
    }()

    /// How many fresh objects an operation that consumes one per request has ready.
    static let fresh = 80

    /// A request the server accepts, built anew for each send (ids that must be fresh take `n`).
    struct Base {
        var path: (Int) -> String
        var token: String?
        var body: ((Int) -> [String: Any])?
        var query: [String: String] = [:]
    }

    /// Where a number goes: a path in the JSON body, or a parameter.
    enum Field: CustomStringConvertible {
        case body([PathStep], amount: Bool)
        case parameter(String, in: String)

        var description: String {
            switch self {
            case .body(let steps, _): steps.map(\.description).joined(separator: ".")
            case .parameter(let name, let location): "\(location) \(name)"
            }
        }
    }

    enum PathStep: CustomStringConvertible {
        case key(String)
        case index(Int)

        var description: String {
            switch self {
            case .key(let key): key
            case .index(let index): "[\(index)]"
            }
        }
    }

    @Test func noNumberStopsTheServerOrAnswers5xx() async throws {
        let data = try openAPIDocument()
        let server = try TestServer()
        let (sent, covered) = try await server.run { client in
            let document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            let validator = SchemaValidator(document: document)
            let bases = try await Self.setUp(client, server)
            var sent = 0
            var covered = Set<String>()
            let paths = document["paths"] as! [String: [String: Any]]
            for (template, item) in paths.sorted(by: { $0.key < $1.key }) {
                for (method, value) in item.sorted(by: { $0.key < $1.key }) {
                    guard let operation = value as? [String: Any] else { continue }
                    let name = "\(method.uppercased()) \(template)"
                    guard let base = bases[name] else {
                        Issue.record("no accepted request for \(name): add one to ExtremeNumberTests.setUp")
                        continue
                    }
                    let httpMethod = HTTPRequest.Method(method.uppercased())!
                    var counter = 0
                    func send(_ mutate: (inout [String: Any], inout [String: String], inout String) -> Void) async throws -> Client.Reply {
                        counter += 1
                        var body = base.body?(counter) ?? [:]
                        var query = base.query
                        var path = base.path(counter)
                        mutate(&body, &query, &path)
                        let queryText = query.isEmpty ? "" : "?" + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
                        sent += 1
                        return try await client.send(
                            httpMethod, path + queryText, token: base.token, json: base.body == nil ? nil : body)
                    }
                    let accepted = try await send { _, _, _ in }
                    #expect((200..<300).contains(accepted.status.code), "\(name) base request: \(accepted.text)")
                    for field in Self.numericFields(operation, validator) {
                        covered.insert(field.description)
                        for number in Self.extremes {
                            for form in Self.forms(of: number, field) {
                                let reply = try await send { body, query, path in
                                    switch field {
                                    case .body(let steps, _): Self.set(form, at: steps[...], in: &body)
                                    case .parameter(let parameter, in: "query"): query[parameter] = "\(form)"
                                    case .parameter(let parameter, in: _): path = Self.replace(parameter, in: template, with: "\(form)", base: path)
                                    }
                                }
                                Self.check(reply, "\(name) \(field) = \(form)")
                            }
                        }
                    }
                }
            }
            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
            return (sent, covered)
        }
        // The fields found include those that once stopped the server.
        let known: Set = [
            "budget", "cost_estimate", "reviewed_cost", "points.[0]", "ballots.[0].points.[0]", "query from", "query to", "path seq",
            "max_sum_points", "min_project_score_threshold", "participants", "minimum_voter_age", "minimum_age",
        ]
        #expect(known.isSubset(of: covered), "\(known.subtracting(covered))")
        #expect(sent > 600)
        print("ExtremeNumberTests: \(sent) requests over \(covered.count) numeric fields")
    }

    /// The forms a number is sent in: as a JSON integer, and for amounts also as decimal text.
    static func forms(of number: Int64, _ field: Field) -> [Any] {
        guard case .body(_, amount: true) = field else { return [number] }
        return [number, "\(number)", "\(number).99"]
    }

    /// A reply is a success, or a 4xx problem document.
    static func check(_ reply: Client.Reply, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.status.code < 500, "\(what): \(reply.status.code) \(reply.text)", sourceLocation: sourceLocation)
        if reply.status.code >= 400 {
            #expect(reply.contentType == "application/problem+json", "\(what)", sourceLocation: sourceLocation)
            #expect(reply.code != nil, "\(what): \(reply.text)", sourceLocation: sourceLocation)
        }
    }

    /// Every integer or amount field of an operation's body, and its integer parameters.
    static func numericFields(_ operation: [String: Any], _ validator: SchemaValidator) -> [Field] {
        var fields: [Field] = []
        for parameter in operation["parameters"] as? [[String: Any]] ?? [] {
            let resolved = (parameter["$ref"] as? String).map(validator.resolve) ?? parameter
            if let schema = resolved["schema"] as? [String: Any], schema["type"] as? String == "integer" {
                fields.append(.parameter(resolved["name"] as! String, in: resolved["in"] as! String))
            }
        }
        let body = (operation["requestBody"] as? [String: Any])?["content"] as? [String: [String: Any]]
        if let schema = body?["application/json"]?["schema"] as? [String: Any] {
            collect(schema, at: [], validator, into: &fields)
        }
        return fields
    }

    private static func collect(_ schema: [String: Any], at steps: [PathStep], _ validator: SchemaValidator, into fields: inout [Field]) {
        if let ref = schema["$ref"] as? String { return collect(validator.resolve(ref), at: steps, validator, into: &fields) }
        for part in schema["allOf"] as? [[String: Any]] ?? [] { collect(part, at: steps, validator, into: &fields) }
        // An optional field may be null: `anyOf` the field's schema and null.
        for part in schema["anyOf"] as? [[String: Any]] ?? [] where part["type"] as? String != "null" {
            collect(part, at: steps, validator, into: &fields)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let resolved = options.map { ($0["$ref"] as? String).map(validator.resolve) ?? $0 }
            if resolved.contains(where: { $0["type"] as? String == "integer" }) {
                fields.append(.body(steps, amount: resolved.contains { $0["type"] as? String == "string" }))
            } else {
                // Alternatives of an object (an assembly called by the sołtys or by residents): each one's fields, once.
                for option in resolved {
                    var found: [Field] = []
                    collect(option, at: steps, validator, into: &found)
                    fields += found.filter { field in !fields.contains { $0.description == field.description } }
                }
            }
            return
        }
        let type = (schema["type"] as? String) ?? (schema["type"] as? [String])?.first { $0 != "null" }
        switch type {
        case "integer":
            fields.append(.body(steps, amount: false))
        case "object":
            for (key, child) in (schema["properties"] as? [String: [String: Any]] ?? [:]).sorted(by: { $0.key < $1.key }) {
                collect(child, at: steps + [.key(key)], validator, into: &fields)
            }
        case "array":
            if let items = schema["items"] as? [String: Any] { collect(items, at: steps + [.index(0)], validator, into: &fields) }
        default:
            break
        }
    }

    /// Sets a value deep in a JSON object, making the objects and arrays on the way.
    static func set(_ value: Any, at steps: ArraySlice<PathStep>, in object: inout [String: Any]) {
        guard case .key(let key) = steps.first else { return }
        var child: Any = object[key] as Any
        set(value, at: steps.dropFirst(), in: &child)
        object[key] = child
    }

    private static func set(_ value: Any, at steps: ArraySlice<PathStep>, in node: inout Any) {
        switch steps.first {
        case nil:
            node = value
        case .key:
            var object = node as? [String: Any] ?? [:]
            set(value, at: steps, in: &object)
            node = object
        case .index(let index):
            var array = node as? [Any] ?? []
            while array.count <= index { array.append(value) }
            var element = array[index]
            set(value, at: steps.dropFirst(), in: &element)
            array[index] = element
            node = array
        }
    }

    /// The concrete path with one `{parameter}` of the template replaced.
    static func replace(_ parameter: String, in template: String, with value: String, base: String) -> String {
        let templateParts = template.split(separator: "/")
        var parts = base.split(separator: "/").map(String.init)
        for (index, part) in templateParts.enumerated() where part == "{\(parameter)}" { parts[index] = value }
        return "/" + parts.joined(separator: "/")
    }

    /// Editions in every phase an operation needs, and an accepted request for each operation.
    static func setUp(_ client: Client, _ server: TestServer) async throws -> [String: Base] {
        let admin = server.admin
        func ok(_ reply: Client.Reply, sourceLocation: SourceLocation = #_sourceLocation) -> Client.Reply {
            #expect((200..<300).contains(reply.status.code), "\(reply.text)", sourceLocation: sourceLocation)
            return reply
        }
        func edition(_ id: String, pools: [[String: Any]]) async throws -> (token: String, voter: String) {
            _ = ok(try await client.post("/api/v1/editions", token: admin, ["id": id, "name": "BO \(id)"]))
            for pool in pools { _ = ok(try await client.post("/api/v1/editions/\(id)/pools", token: admin, pool)) }
            let registered = ok(try await client.post("/api/v1/editions/\(id)/voters", ["name": "Osoba", "pesel": TestPesel.make(id.count)]))
            return (registered["token"] as! String, registered["resident_id"] as! String)
        }
        func advance(_ id: String, to phase: String) async throws {
            _ = ok(try await client.post("/api/v1/editions/\(id)/phase", token: admin, ["to": phase]))
        }
        func submit(_ id: String, _ proposal: String, pool: String, by token: String) async throws {
            _ = ok(try await client.post("/api/v1/editions/\(id)/proposals", token: token, [
                "id": proposal, "pool": pool, "title": "Projekt \(proposal)", "description": "", "cost_estimate": "100",
            ]))
        }
        func review(_ id: String, _ proposal: String, _ stage: String, _ outcome: String = "positive") async throws {
            var body: [String: Any] = ["stage": stage, "outcome": outcome, "justification": "OK"]
            if stage == "cost", outcome == "positive" { body["reviewed_cost"] = "100" }
            _ = ok(try await client.post("/api/v1/editions/\(id)/proposals/\(proposal)/reviews", token: admin, body))
        }
        // `draft`: pools, workshops and the age limit.
        _ = try await edition("draft", pools: [])
        // `submission`: proposals, amendments, support, initiatives.
        let submitter = try await edition("sub", pools: [["id": "city", "name": "Miasto", "budget": "1000", "vote_type": "approval", "rule": "greedy"]])
        try await advance("sub", to: "submission")
        try await submit("sub", "s1", pool: "city", by: submitter.token)
        // `review`: fresh proposals, each past its formal and merit stages, await their cost review.
        let reviewed = try await edition("rev", pools: [["id": "city", "name": "Miasto", "budget": "1000", "vote_type": "approval", "rule": "greedy"]])
        try await advance("rev", to: "submission")
        for n in 1...fresh { try await submit("rev", "r\(n)", pool: "city", by: reviewed.token) }
        try await advance("rev", to: "review")
        for n in 1...fresh {
            try await review("rev", "r\(n)", "formal")
            try await review("rev", "r\(n)", "merit")
        }
        // `appeals`: fresh appeals against a negative cost review, each awaiting its decision.
        let appellant = try await edition("app", pools: [["id": "city", "name": "Miasto", "budget": "1000", "vote_type": "approval", "rule": "greedy"]])
        try await advance("app", to: "submission")
        for n in 1...fresh { try await submit("app", "q\(n)", pool: "city", by: appellant.token) }
        try await advance("app", to: "review")
        for n in 1...fresh {
            try await review("app", "q\(n)", "formal")
            try await review("app", "q\(n)", "merit")
            try await review("app", "q\(n)", "cost", "negative")
        }
        try await advance("app", to: "appeals")
        for n in 1...fresh {
            _ = ok(try await client.post("/api/v1/editions/app/proposals/q\(n)/appeals", token: appellant.token, ["id": "x\(n)", "stage": "cost", "grounds": "Koszt jest zaniżony"]))
        }
        // `voting`: a cumulative pool limited only by its sum of points, a scoring pool without
        // point limits, both allowing re-votes; then `published` for the results.
        let voter = try await edition("vote", pools: [
            ["id": "cum", "name": "Punkty", "budget": "1000", "vote_type": "cumulative", "rule": "greedy", "max_sum_points": 10, "allows_revoting": true],
            ["id": "score", "name": "Oceny", "budget": "1000", "vote_type": "scoring", "rule": "greedy", "allows_revoting": true],
        ])
        try await advance("vote", to: "submission")
        for (proposal, pool) in [("c1", "cum"), ("c2", "cum"), ("o1", "score"), ("o2", "score")] {
            try await submit("vote", proposal, pool: pool, by: voter.token)
        }
        try await advance("vote", to: "review")
        for proposal in ["c1", "c2", "o1", "o2"] {
            for stage in ["formal", "merit", "cost"] { try await review("vote", proposal, stage) }
        }
        try await advance("vote", to: "appeals")
        try await advance("vote", to: "voting")
        _ = ok(try await client.post("/api/v1/editions/vote/ballots", token: voter.token, ["pool": "cum", "projects": ["c1", "c2"], "points": [4, 5]]))
        for n in 1...fresh * 2 {
            _ = ok(try await client.post("/api/v1/editions/vote/voting-points", token: admin, ["id": "pt\(n)", "name": "Punkt \(n)"]))
        }
        _ = try await edition("pub", pools: [["id": "city", "name": "Miasto", "budget": "1000", "vote_type": "approval", "rule": "greedy"]])
        for phase in ["submission", "review", "appeals", "voting", "closed", "published"] { try await advance("pub", to: phase) }

        let phases = ["submission", "review", "appeals", "voting", "closed", "published"]
        let bases: [String: Base] = [
            "GET /healthz": Base(path: { _ in "/healthz" }),
            "GET /metrics": Base(path: { _ in "/metrics" }),
            "GET /openapi.json": Base(path: { _ in "/openapi.json" }),
            "GET /api/v1/editions": Base(path: { _ in "/api/v1/editions" }),
            "POST /api/v1/editions": Base(path: { _ in "/api/v1/editions" }, token: admin, body: { n in ["id": "n\(n)", "name": "BO"] }),
            "GET /api/v1/editions/{edition}": Base(path: { _ in "/api/v1/editions/vote" }),
            "POST /api/v1/editions/{edition}/pools": Base(
                path: { _ in "/api/v1/editions/draft/pools" }, token: admin,
                body: { n in ["id": "p\(n)", "name": "Pula", "budget": "1000", "vote_type": "cumulative", "rule": "greedy-threshold"] }),
            "POST /api/v1/editions/{edition}/phase": Base(
                path: { _ in "/api/v1/editions/phases/phase" }, token: admin, body: { n in ["to": phases[(n - 1) % phases.count]] }),
            "POST /api/v1/editions/{edition}/voter-age-limit": Base(
                path: { _ in "/api/v1/editions/draft/voter-age-limit" }, token: admin, body: { _ in ["minimum_age": 16] }),
            "POST /api/v1/editions/{edition}/timetable": Base(
                path: { _ in "/api/v1/editions/draft/timetable" }, token: admin, body: { _ in ["submission": "2027-03-01"] }),
            "POST /api/v1/editions/{edition}/amendment-policy": Base(
                path: { _ in "/api/v1/editions/draft/amendment-policy" }, token: admin, body: { _ in ["policy": "review_again"] }),
            "POST /api/v1/editions/{edition}/workshops": Base(
                path: { _ in "/api/v1/editions/draft/workshops" }, token: admin,
                body: { _ in ["theme": "Zieleń", "date": "2027-03-14", "place": "MDK", "facilitator": "K. Nowak", "participants": 12] }),
            "POST /api/v1/editions/{edition}/initiatives": Base(
                path: { _ in "/api/v1/editions/sub/initiatives" }, token: submitter.token, body: { _ in ["title": "Drzewa", "description": ""] }),
            "POST /api/v1/editions/{edition}/proposals": Base(
                path: { _ in "/api/v1/editions/sub/proposals" }, token: submitter.token,
                body: { _ in ["pool": "city", "title": "Ławki", "description": "", "cost_estimate": "250"] }),
            "GET /api/v1/editions/{edition}/proposals": Base(path: { _ in "/api/v1/editions/sub/proposals" }),
            "GET /api/v1/editions/{edition}/proposals/{id}": Base(path: { _ in "/api/v1/editions/sub/proposals/s1" }),
            "PATCH /api/v1/editions/{edition}/proposals/{id}": Base(
                path: { _ in "/api/v1/editions/sub/proposals/s1" }, token: submitter.token, body: { _ in ["cost_estimate": "300"] }),
            "POST /api/v1/editions/{edition}/proposals/{id}/support": Base(path: { _ in "/api/v1/editions/sub/proposals/s1/support" }, token: admin, body: { n in ["signer": "sig\(n)"] }),
            "POST /api/v1/editions/{edition}/proposals/{id}/reviews": Base(
                path: { n in "/api/v1/editions/rev/proposals/r\(n)/reviews" }, token: admin,
                body: { _ in ["stage": "cost", "outcome": "positive", "justification": "OK", "reviewed_cost": "120"] }),
            "POST /api/v1/editions/{edition}/proposals/{id}/appeals": Base(
                path: { _ in "/api/v1/editions/app/proposals/q\(fresh)/appeals" }, token: appellant.token, body: { n in ["id": "y\(n)", "stage": "cost", "grounds": "Raz jeszcze"] }),
            "POST /api/v1/editions/{edition}/appeals/{id}/decision": Base(
                path: { n in "/api/v1/editions/app/appeals/x\(n)/decision" }, token: admin,
                body: { _ in ["upheld": true, "justification": "Zasadne", "reviewed_cost": "150"] }),
            "POST /api/v1/editions/{edition}/voters": Base(
                path: { _ in "/api/v1/editions/vote/voters" }, body: { n in ["name": "Nowy", "pesel": TestPesel.make(1000 + n)] }),
            "POST /api/v1/editions/{edition}/ballots": Base(
                path: { _ in "/api/v1/editions/vote/ballots" }, token: voter.token,
                body: { n in n % 2 == 0
                    ? ["pool": "cum", "projects": ["c1", "c2"], "points": [3, 2]]
                    : ["pool": "score", "projects": ["o1", "o2"], "points": [3, 2]] }),
            "POST /api/v1/editions/{edition}/paper-ballots": Base(
                path: { _ in "/api/v1/editions/vote/paper-ballots" }, token: admin,
                body: { n in ["ballots": [["resident": voter.voter, "pool": n % 2 == 0 ? "cum" : "score", "projects": n % 2 == 0 ? ["c1", "c2"] : ["o1", "o2"], "points": [1, 1]]]] }),
            "GET /api/v1/editions/{edition}/voting-points": Base(path: { _ in "/api/v1/editions/vote/voting-points" }),
            "POST /api/v1/editions/{edition}/voting-points": Base(
                path: { _ in "/api/v1/editions/vote/voting-points" }, token: admin, body: { n in ["id": "vp\(n)", "name": "Biblioteka", "address": "Rynek 2"] }),
            "POST /api/v1/editions/{edition}/voting-points/{point}/protocol": Base(
                path: { n in "/api/v1/editions/vote/voting-points/pt\(n)/protocol" }, token: admin, body: { _ in ["cards_received": 10, "cards_issued": 4] }),
            "GET /api/v1/editions/{edition}/results": Base(path: { _ in "/api/v1/editions/pub/results" }),
            "GET /api/v1/editions/{edition}/results.csv": Base(path: { _ in "/api/v1/editions/pub/results.csv" }),
            "GET /api/v1/editions/{edition}/pools/{pool}/pabulib": Base(path: { _ in "/api/v1/editions/pub/pools/city/pabulib" }),
            "GET /api/v1/editions/{edition}/bundle": Base(path: { _ in "/api/v1/editions/pub/bundle" }),
            "GET /api/v1/audit/checkpoint": Base(path: { _ in "/api/v1/audit/checkpoint" }),
            "GET /api/v1/audit/entries": Base(path: { _ in "/api/v1/audit/entries" }, query: ["from": "1", "to": "3"]),
            "GET /api/v1/audit/proof/{seq}": Base(path: { _ in "/api/v1/audit/proof/2" }),
            "GET /api/v1/audit/consistency": Base(path: { _ in "/api/v1/audit/consistency" }, query: ["from": "2", "to": "5"]),
            "GET /api/v1/audit/public-key": Base(path: { _ in "/api/v1/audit/public-key" }),
        ]
        _ = ok(try await client.post("/api/v1/editions", token: admin, ["id": "phases", "name": "BO fazy"]))
        return bases.merging(try await villageFundBases(client, server, ok: ok)) { $1 }
            .merging(try await localInitiativeBases(client, server, ok: ok)) { $1 }
    }

    typealias Check = (Client.Reply, SourceLocation) -> Client.Reply

    /// Village funds in each step of the year, and an accepted request for each operation on them.
    static func villageFundBases(_ client: Client, _ server: TestServer, ok: Check) async throws -> [String: Base] {
        let admin = server.admin
        let project: [String: Any] = [
            "id": "wiata", "title": "Wiata", "cost_estimate": "100", "justification": "Deszcz", "votes": ["for": 20, "against": 5, "abstaining": 6],
        ]
        /// A fund opened (and, by `until`, resolved on, its amounts announced, an assembly held, an application submitted).
        func fund(_ id: String, until step: Int) async throws {
            let base = "/api/v1/village-funds/\(id)"
            _ = ok(try await client.post("/api/v1/village-funds", token: admin, ["id": id, "name": "Fundusz", "budget_year": 2026]), #_sourceLocation)
            if step < 1 { return }
            _ = ok(try await client.post("\(base)/resolution", token: admin, ["number": "XL/300/2025", "adopted_on": "2025-03-27", "consents": true]), #_sourceLocation)
            if step < 2 { return }
            _ = ok(try await client.post("\(base)/amounts", token: admin, [
                "revenue": "19886293.57", "residents": 5138, "announced_on": "2025-07-20", "solectwa": [["solectwo": "Błotnica", "residents": 77]],
            ]), #_sourceLocation)
            if step < 3 { return }
            _ = ok(try await client.post("\(base)/assemblies", token: admin, [
                "id": "z0", "solectwo": "Błotnica", "convener": "soltys", "held_on": "2025-09-05", "attendance": 31, "projects": [project],
            ]), #_sourceLocation)
            if step < 4 { return }
            _ = ok(try await client.post("\(base)/applications", token: admin, [
                "id": "w0", "solectwo": "Błotnica", "assembly": "z0", "projects": ["wiata"], "submitted_on": "2025-09-10",
            ]), #_sourceLocation)
            if step < 5 { return }
            _ = ok(try await client.post("\(base)/applications/w0/decision", token: admin, [
                "accepted": false, "reasons": "Teren nie należy do gminy", "decided_on": "2025-09-12",
            ]), #_sourceLocation)
            if step < 6 { return }
            _ = ok(try await client.post("\(base)/applications/w0/referral", token: admin, ["referred_on": "2025-09-15"]), #_sourceLocation)
        }
        try await fund("fr", until: 0)
        for n in 1...fresh * 2 { try await fund("fm\(n)", until: 1) }
        try await fund("fa", until: 3)
        try await fund("fd", until: 4)
        try await fund("ff", until: 5)
        try await fund("fc", until: 6)
        try await fund("fx", until: 4)
        _ = ok(try await client.post("/api/v1/village-funds/fx/applications/w0/decision", token: admin, ["accepted": true, "decided_on": "2025-09-12"]), #_sourceLocation)
        return [
            "POST /api/v1/village-funds": Base(
                path: { _ in "/api/v1/village-funds" }, token: admin, body: { n in ["id": "vf\(n)", "name": "Fundusz", "budget_year": 2026] }),
            "GET /api/v1/village-funds/{fund}": Base(path: { _ in "/api/v1/village-funds/fa" }),
            "POST /api/v1/village-funds/{fund}/resolution": Base(
                path: { _ in "/api/v1/village-funds/fr/resolution" }, token: admin,
                body: { _ in ["number": "XL/300/2025", "adopted_on": "2025-03-27", "consents": true] }),
            "POST /api/v1/village-funds/{fund}/amounts": Base(
                path: { n in "/api/v1/village-funds/fm\(n)/amounts" }, token: admin,
                body: { _ in [
                    "revenue": "19886293.57", "residents": 5138, "announced_on": "2025-07-20",
                    "solectwa": [["solectwo": "Błotnica", "residents": 77, "addition": "100", "addition_basis": "XLI/310/2025"]],
                ] }),
            "POST /api/v1/village-funds/{fund}/assemblies": Base(
                path: { _ in "/api/v1/village-funds/fa/assemblies" }, token: admin,
                body: { n in [
                    "id": "z\(n)", "solectwo": "Błotnica", "convener": "residents", "initiators": 15, "held_on": "2025-09-05", "attendance": 31,
                    "projects": [project],
                ] }),
            "POST /api/v1/village-funds/{fund}/applications": Base(
                path: { _ in "/api/v1/village-funds/fa/applications" }, token: admin,
                body: { _ in ["id": "w0", "solectwo": "Błotnica", "assembly": "z0", "projects": ["wiata"], "submitted_on": "2025-09-10"] }),
            "POST /api/v1/village-funds/{fund}/applications/{application}/decision": Base(
                path: { _ in "/api/v1/village-funds/fd/applications/w0/decision" }, token: admin,
                body: { _ in ["accepted": true, "decided_on": "2025-09-12"] }),
            "POST /api/v1/village-funds/{fund}/applications/{application}/referral": Base(
                path: { _ in "/api/v1/village-funds/ff/applications/w0/referral" }, token: admin, body: { _ in ["referred_on": "2025-09-15"] }),
            "POST /api/v1/village-funds/{fund}/applications/{application}/council-decision": Base(
                path: { _ in "/api/v1/village-funds/fc/applications/w0/council-decision" }, token: admin,
                body: { _ in ["resolution": "XLII/320/2025", "accepted": true, "reasons": "Gmina dzierżawi teren", "decided_on": "2025-09-25"] }),
            "POST /api/v1/village-funds/{fund}/applications/{application}/execution": Base(
                path: { _ in "/api/v1/village-funds/fx/applications/w0/execution" }, token: admin,
                body: { _ in ["project": "wiata", "on": "2026-05-04", "spent": "1", "completed": false, "note": "Prace"] }),
        ]
    }

    /// An edition with the council's criteria and applications at every stage, and an accepted
    /// request for each local initiative operation.
    static func localInitiativeBases(_ client: Client, _ server: TestServer, ok: Check) async throws -> [String: Base] {
        let admin = server.admin
        let criteria: [String: Any] = [
            "resolution": "XII/80/2026", "adopted_on": "2026-02-20", "tie_break": "submission",
            "criteria": [["id": "wklad", "name": "Wkład pracy", "weight": 3, "max_points": 10, "measures_contribution": true]],
        ]
        let contribution: [String: Any] = ["work_hours": 10, "goods_and_services": "100", "money": "0"]
        func application(_ id: String) -> [String: Any] {
            ["id": id, "title": "Skwer", "description": "", "submitted_on": "2026-05-10", "contribution": contribution, "requested_from_gmina": "1000"]
        }
        let base = "/api/v1/editions/li/local-initiatives"
        _ = ok(try await client.post("/api/v1/editions", token: admin, ["id": "li", "name": "Inicjatywy"]), #_sourceLocation)
        _ = ok(try await client.post("\(base)/criteria", token: admin, criteria), #_sourceLocation)
        for n in 1...fresh { _ = ok(try await client.post("/api/v1/editions", token: admin, ["id": "lc\(n)", "name": "Kryteria"]), #_sourceLocation) }
        /// An application submitted and, by `until`, scored, approved, given its agreement.
        func prepare(_ id: String, until step: Int) async throws {
            _ = ok(try await client.post(base, token: admin, application(id)), #_sourceLocation)
            if step < 1 { return }
            _ = ok(try await client.post("\(base)/\(id)/scores", token: admin, ["criterion": "wklad", "points": 5, "justification": "ocena"]), #_sourceLocation)
            if step < 2 { return }
            _ = ok(try await client.post("\(base)/\(id)/decision", token: admin, ["approved": true, "justification": "Wkład", "decided_on": "2026-06-01"]), #_sourceLocation)
            if step < 3 { return }
            _ = ok(try await client.post("\(base)/\(id)/agreement", token: admin, [
                "number": "U/1/2026", "signed_on": "2026-06-10", "ends_on": "2026-10-31", "gmina_share": "1000", "contribution": contribution,
            ]), #_sourceLocation)
        }
        for n in 1...fresh { try await prepare("S\(n)", until: 0) }
        try await prepare("D", until: 1)
        for n in 1...fresh * 3 { try await prepare("G\(n)", until: 2) }
        try await prepare("P", until: 3)
        return [
            "GET /api/v1/editions/{edition}/local-initiatives": Base(path: { _ in base }),
            "POST /api/v1/editions/{edition}/local-initiatives/criteria": Base(
                path: { n in "/api/v1/editions/lc\(n)/local-initiatives/criteria" }, token: admin, body: { _ in criteria }),
            "POST /api/v1/editions/{edition}/local-initiatives": Base(path: { _ in base }, token: admin, body: { n in application("A\(n)") }),
            "POST /api/v1/editions/{edition}/local-initiatives/{application}/scores": Base(
                path: { n in "\(base)/S\(n)/scores" }, token: admin, body: { _ in ["criterion": "wklad", "points": 5, "justification": "ocena"] }),
            "POST /api/v1/editions/{edition}/local-initiatives/{application}/decision": Base(
                path: { _ in "\(base)/D/decision" }, token: admin, body: { _ in ["approved": true, "justification": "Wkład", "decided_on": "2026-06-01"] }),
            "POST /api/v1/editions/{edition}/local-initiatives/{application}/agreement": Base(
                path: { n in "\(base)/G\(n)/agreement" }, token: admin,
                body: { _ in ["number": "U/1/2026", "signed_on": "2026-06-10", "ends_on": "2026-10-31", "gmina_share": "1000", "contribution": contribution] }),
            "POST /api/v1/editions/{edition}/local-initiatives/{application}/progress": Base(
                path: { _ in "\(base)/P/progress" }, token: admin,
                body: { _ in ["on": "2026-07-15", "note": "Prace", "completed": false, "contribution_given": ["work_hours": 1, "goods_and_services": "1", "money": "0"]] }),
        ]
    }
}
