import Foundation
import Pabulib
import Testing
import WiecLedger
import WiecTally

/// A whole edition run through the API alone, over real HTTP on loopback: create, submit,
/// support, review (one rejection, one appeal upheld), vote (online and paper, a re-vote, a
/// refused double vote, a ballot over the limit), close, publish; then the exported bundle
/// verifies and the published result equals the tally of each exported `.pb` file.
@Suite struct EndToEndTests {
    @Test func aWholeEditionThroughTheAPI() async throws {
        let server = try TestServer()
        try await server.run { client in
            let admin = server.admin
            let reviewer = server.reviewer
            // Create the edition and its pools.
            var reply = try await client.post("/api/v1/editions", token: admin, key: "create", ["id": "bo", "name": "BO Świecie 2027"])
            #expect(reply.status == .created)
            #expect(reply["phase"] as? String == "draft")
            reply = try await client.post("/api/v1/editions/bo/pools", token: admin, [
                "id": "city", "name": "Ogólnomiejska", "budget": "1000", "vote_type": "approval", "rule": "greedy",
                "max_length": 2, "support_list_size": 1, "allows_revoting": true,
            ])
            #expect(reply.status == .created, "\(reply.text)")
            reply = try await client.post("/api/v1/editions/bo/pools", token: admin, [
                "id": "green", "name": "Zielony budżet", "budget": 500, "vote_type": "cumulative", "rule": "greedy",
                "max_sum_points": 10, "max_sum_cost": "600",
            ])
            #expect(reply.status == .created, "\(reply.text)")
            try await advance(client, admin, to: "submission")

            // Residents register (PESEL never echoed) and a workshop produces an initiative.
            var residents: [(token: String, id: String)] = []
            for index in 0..<6 {
                let pesel = TestPesel.make(index)
                reply = try await client.post(
                    "/api/v1/editions/bo/voters", key: "register-\(index)", ["name": "Mieszkaniec \(index)", "pesel": pesel])
                #expect(reply.status == .created, "\(reply.text)")
                #expect(!reply.text.contains(pesel))
                residents.append((reply["token"] as! String, reply["resident_id"] as! String))
            }
            // A retried registration (same Idempotency-Key) gets the same resident id and token and appends nothing.
            let entries = try await client.get("/healthz")["entries"] as? Int
            reply = try await client.post("/api/v1/editions/bo/voters", key: "register-0", ["name": "Mieszkaniec 0", "pesel": TestPesel.make(0)])
            #expect(reply.status == .created)
            #expect(reply["token"] as? String == residents[0].token)
            #expect(reply["resident_id"] as? String == residents[0].id)
            #expect(try await client.get("/healthz")["entries"] as? Int == entries)
            reply = try await client.post("/api/v1/editions/bo/workshops", token: admin, [
                "id": "w1", "theme": "Zieleń osiedlowa", "date": "2027-03-14", "place": "MDK", "facilitator": "K. Nowak", "participants": 23,
            ])
            #expect(reply.status == .created, "\(reply.text)")
            reply = try await client.post("/api/v1/editions/bo/initiatives", token: residents[0].token, [
                "id": "i1", "workshop": "w1", "title": "Więcej drzew", "description": "Drzewa przy szkołach",
            ])
            #expect(reply.status == .created, "\(reply.text)")

            // Proposals (two from the initiative), support, an amendment.
            let proposals: [(id: String, pool: String, cost: String, by: Int, initiative: String?)] = [
                ("p1", "city", "400", 0, "i1"), ("p2", "city", "500", 1, nil), ("p3", "city", "300", 0, "i1"),
                ("p4", "city", "200", 2, nil), ("g1", "green", "300", 1, nil), ("g2", "green", "250", 2, nil),
            ]
            for proposal in proposals {
                var body: [String: Any] = [
                    "id": proposal.id, "pool": proposal.pool, "title": "Projekt \(proposal.id)", "description": "Opis",
                    "category": "zieleń", "cost_estimate": proposal.cost,
                ]
                if let initiative = proposal.initiative { body["initiative"] = initiative }
                reply = try await client.post("/api/v1/editions/bo/proposals", token: residents[proposal.by].token, body)
                #expect(reply.status == .created, "\(reply.text)")
            }
            for id in ["p1", "p2", "p3", "p4"] {
                reply = try await client.send(.post, "/api/v1/editions/bo/proposals/\(id)/support", token: residents[5].token)
                #expect(reply.status == .created, "\(reply.text)")
            }
            reply = try await client.send(.patch, "/api/v1/editions/bo/proposals/p1", token: residents[0].token, json: ["title": "Drzewa przy SP 1"])
            #expect(reply.status == .ok, "\(reply.text)")
            #expect((reply["resource"] as? [String: Any])?["title"] as? String == "Drzewa przy SP 1")
            try await advance(client, admin, to: "review")

            // Reviews: p4 rejected formally, p3 rejected on cost (appealed below), the rest admitted.
            func review(_ id: String, _ stage: String, _ outcome: String, cost: String? = nil, token: String) async throws {
                var body: [String: Any] = ["stage": stage, "outcome": outcome, "justification": "Uzasadnienie etapu \(stage)"]
                if let cost { body["reviewed_cost"] = cost }
                let reply = try await client.post("/api/v1/editions/bo/proposals/\(id)/reviews", token: token, body)
                #expect(reply.status == .created, "\(id) \(stage): \(reply.text)")
            }
            for (id, cost) in [("p1", "400"), ("p2", "500")] {
                try await review(id, "formal", "positive", token: reviewer)
                try await review(id, "merit", "positive", token: reviewer)
                try await review(id, "cost", "positive", cost: cost, token: reviewer)
            }
            try await review("p3", "formal", "positive", token: reviewer)
            try await review("p3", "merit", "positive", token: reviewer)
            try await review("p3", "cost", "negative", token: reviewer)
            try await review("p4", "formal", "negative", token: reviewer)
            for (id, cost) in [("g1", "300"), ("g2", "250")] {
                try await review(id, "formal", "positive", token: admin)
                try await review(id, "merit", "positive", token: admin)
                try await review(id, "cost", "positive", cost: cost, token: admin)
            }
            try await advance(client, admin, to: "appeals")

            // p3's submitter appeals; the appeal is upheld with a reviewed cost.
            reply = try await client.post("/api/v1/editions/bo/proposals/p3/appeals", token: residents[0].token, [
                "id": "a1", "stage": "cost", "grounds": "Koszt oszacowano błędnie",
            ])
            #expect(reply.status == .created, "\(reply.text)")
            reply = try await client.post("/api/v1/editions/bo/appeals/a1/decision", token: admin, [
                "upheld": true, "justification": "Zasadne", "reviewed_cost": "300",
            ])
            #expect(reply.status == .ok, "\(reply.text)")
            reply = try await client.get("/api/v1/editions/bo/proposals/p3")
            #expect(reply["status"] as? String == "admitted")
            #expect((reply["reviews"] as? [Any])?.count == 3)
            #expect((reply["appeals"] as? [[String: Any]])?.first?["upheld"] as? Bool == true)
            reply = try await client.get("/api/v1/editions/bo/proposals?status=rejected")
            #expect(reply.array.map { $0["id"] as? String } == ["p4"])
            try await advance(client, admin, to: "voting")

            // Online ballots, a re-vote, a refused double vote, a ballot over the limit.
            func ballot(_ resident: Int, _ pool: String, _ projects: [String], points: [Int]? = nil, key: String? = nil) async throws -> Client.Reply {
                var body: [String: Any] = ["pool": pool, "projects": projects]
                if let points { body["points"] = points }
                return try await client.post("/api/v1/editions/bo/ballots", token: residents[resident].token, key: key, body)
            }
            reply = try await ballot(0, "city", ["p1", "p2"], key: "ballot-0")
            #expect(reply.status == .created, "\(reply.text)")
            let receipt = reply["receipt"] as? [String: Any]
            let retried = try await ballot(0, "city", ["p1", "p2"], key: "ballot-0")
            #expect(retried.status == .created)
            #expect((retried["receipt"] as? [String: Any])?["sequence"] as? Int == receipt?["sequence"] as? Int)
            reply = try await ballot(0, "city", ["p3", "p1"])
            #expect(reply.status == .created, "re-vote: \(reply.text)")
            reply = try await ballot(1, "city", ["p1", "p3"])
            #expect(reply.status == .created)
            reply = try await ballot(2, "city", ["p2"])
            #expect(reply.status == .created)
            reply = try await ballot(3, "city", ["p1", "p2", "p3"])
            #expect(reply.status == .unprocessableContent)
            #expect(reply.code == "ballot_too_long")
            reply = try await ballot(1, "green", ["g1", "g2"], points: [6, 4])
            #expect(reply.status == .created, "\(reply.text)")
            reply = try await ballot(1, "green", ["g2"], points: [10])
            #expect(reply.status == .conflict)
            #expect(reply.code == "already_voted")
            reply = try await ballot(2, "green", ["g2"], points: [10])
            #expect(reply.status == .created)

            // Paper ballots entered by staff, all in one batch.
            reply = try await client.post("/api/v1/editions/bo/paper-ballots", token: admin, key: "paper-1", [
                "ballots": [
                    ["resident": residents[3].id, "pool": "city", "projects": ["p3"]],
                    ["resident": residents[4].id, "pool": "city", "projects": ["p3", "p2"]],
                    ["resident": residents[4].id, "pool": "green", "projects": ["g2"], "points": [7]],
                ]
            ])
            #expect(reply.status == .created, "\(reply.text)")
            #expect((reply["ballots"] as? [Any])?.count == 3)
            try await advance(client, admin, to: "closed")
            reply = try await client.get("/api/v1/editions/bo/results")
            #expect(reply.code == "not_published")
            try await advance(client, admin, to: "published")

            // City scores p3 4 (the re-vote counted once), p1 2, p2 2; greedy over 1000 takes p3, then
            // p1 before p2 (tie, file order), and p2 no longer fits.
            reply = try await client.get("/api/v1/editions/bo/results")
            #expect(reply.status == .ok, "\(reply.text)")
            let pools = reply["pools"] as? [[String: Any]] ?? []
            let city = pools.first { $0["pool"] as? String == "city" }
            #expect(city?["selected"] as? [String] == ["p3", "p1"])
            #expect(city?["spent"] as? String == "700")
            #expect(city?["left"] as? String == "300")
            let green = pools.first { $0["pool"] as? String == "green" }
            #expect(green?["selected"] as? [String] == ["g2"])
            reply = try await client.get("/api/v1/editions/bo/results.csv")
            #expect(reply.text.hasPrefix("pool;project;title;cost;score;selected\n"))

            // The bundle (the folder `wiec export` writes, as tar) verifies as `wiec verify` does,
            // and the published result is the tally of each exported .pb file.
            let key = try await client.get("/api/v1/audit/public-key").text
            let verifier = try CheckpointVerifier(verifierKey: key.trimmingCharacters(in: .whitespacesAndNewlines))
            reply = try await client.get("/api/v1/editions/bo/bundle")
            #expect(reply.status == .ok)
            #expect(reply.contentType == "application/x-tar")
            let folder = try Untar.extract(reply.body, into: server.folder.appendingPathComponent("bundle"))
            let report = try AuditBundle.verify(folder: folder.path, verifier: verifier)
            #expect(report.tallies.count == 2)
            #expect(report.tallies.filter { !$0.published }.isEmpty)
            var exported: [String: String] = [:]
            for pool in pools {
                let id = pool["pool"] as! String
                exported[id] = try String(contentsOf: folder.appendingPathComponent("pools/\(id).pb"), encoding: .utf8)
                let file = try PabulibFile.parse(Array(exported[id]!.utf8), fileName: "\(id).pb")
                let result = try Tally.run(try file.election(), rule: try Rule(pabulibName: file.rule!))
                #expect(result.selected.map { file.projects[$0].id } == pool["selected"] as? [String])
                #expect(report.tallies.first { $0.pool == id }?.result?.selected == pool["selected"] as? [String])
            }
            // Metrics count requests, appends and ballots.
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("wiec_ballots_total"))
            #expect(metrics.contains("wiec_ledger_appends_total"))
            #expect(metrics.contains("hb_requests"))
            // The .pb endpoint serves the same file; a proof checks against the public key.
            reply = try await client.get("/api/v1/editions/bo/pools/city/pabulib")
            #expect(reply.text == exported["city"])
            let sequence = receipt?["sequence"] as! Int
            reply = try await client.get("/api/v1/audit/proof/\(sequence)")
            let inclusion = try JSONDecoder().decode(InclusionReceipt.self, from: Data(reply.text.utf8))
            #expect(try inclusion.verify(with: verifier).size >= Int64(sequence))
            // The ballot's receipt named the leaf the proof starts from.
            let leaf = Merkle.leafHash(Array(inclusion.entry.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(receipt?["leaf_hash"] as? String == leaf)
        }
    }

    /// Moves the edition to the next phase and checks the answer carries a checkpoint.
    private func advance(_ client: Client, _ admin: String, to phase: String) async throws {
        let reply = try await client.post("/api/v1/editions/bo/phase", token: admin, key: "phase-\(phase)", ["to": phase])
        #expect(reply.status == .ok, "\(phase): \(reply.text)")
        #expect((reply["checkpoint"] as? String)?.contains("\n") == true)
    }
}
