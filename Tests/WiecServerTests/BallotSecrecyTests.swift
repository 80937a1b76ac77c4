import Foundation
import Pabulib
import Testing
import WiecCore
import WiecLedger
import WiecLedgerSQLite

/// Ballot secrecy and one person, one vote over the real API: nothing public (the log, the
/// bundle with its `.pb` files, the API) shares an identifier between a resident's public acts
/// and their ballots, yet the bundle still proves every counted ballot comes from a distinct
/// registered pseudonym; and erasure never gives a person a second vote.
@Suite struct BallotSecrecyTests {
    /// The entry types of residents' public acts, and of ballots.
    static let publicActs: Set<String> = [
        "resident_registered", "initiative_submitted", "proposal_submitted", "proposal_amended", "support_signed", "appeal_filed",
    ]
    static let ballotEvents: Set<String> = ["voter_registered", "ballot_cast", "ballot_voided"]

    /// Every string in a JSON value.
    static func strings(_ value: Any) -> Set<String> {
        switch value {
        case let text as String: [text]
        case let array as [Any]: array.reduce(into: []) { $0.formUnion(strings($1)) }
        case let object as [String: Any]: object.values.reduce(into: []) { $0.formUnion(strings($1)) }
        default: []
        }
    }

    @Test("no identifier is shared between residents' public acts and ballots in the log, the bundle or the API")
    func publicActsAndBallotsShareNothing() async throws {
        let server = try TestServer()
        try await server.run { client in
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "voting") { scenario in
                // Both residents act in public: one submitted every proposal, the other signs and amends nothing.
                for id in ["p1", "p2"] {
                    let reply = try await client.send(.post, "/api/v1/editions/bo/proposals/\(id)/support", token: scenario.residents[1].token)
                    #expect(reply.status == .created, "\(reply.text)")
                }
                let reply = try await client.send(.patch, "/api/v1/editions/bo/proposals/p3", token: scenario.residents[0].token, json: ["title": "Projekt p3 (po zmianie)"])
                #expect(reply.status == .ok, "\(reply.text)")
            }
            let admin = server.admin
            var residents = scenario.residents
            // A third resident registers while voting is open and votes at once.
            let late = try await client.post("/api/v1/editions/bo/voters", ["name": "Późna", "pesel": TestPesel.make(77)])
            #expect(late.status == .created, "\(late.text)")
            residents.append((late["token"] as! String, late["resident_id"] as! String))
            for (resident, pool, projects) in [(0, "city", ["p1", "p3"]), (1, "city", ["p2"]), (2, "park", ["k1"]), (0, "park", ["k1"])] {
                let reply = try await client.post("/api/v1/editions/bo/ballots", token: residents[resident].token, ["pool": pool, "projects": projects])
                #expect(reply.status == .created, "\(reply.text)")
            }
            var reply = try await client.post("/api/v1/editions/bo/paper-ballots", token: admin, [
                "ballots": [["resident": residents[1].id, "pool": "park", "projects": ["k1"]]]
            ])
            #expect(reply.status == .created, "\(reply.text)")
            // The link exists, in the erasable personal data only, until publication.
            let store = try LedgerStore(path: server.configuration.databasePath, signer: nil)
            let pseudonyms = try residents.map { try #require(try store.votingPseudonym(of: $0.id, in: "bo")) }
            for phase in ["closed", "published"] { try await scenario.advance(phase) }
            #expect(try residents.allSatisfy { try store.votingPseudonym(of: $0.id, in: "bo") == nil })

            // The public log, read as anyone reads it.
            reply = try await client.get("/api/v1/audit/entries?from=1")
            let entries = reply.text.split(separator: "\n").map { line in
                ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["entry"] as? [String: Any] ?? [:]
            }
            let types = entries.map { $0["type"] as? String ?? "" }
            func identifiers(_ entry: [String: Any]) -> Set<String> {
                Self.strings(entry["body"] ?? [String: Any]()).union([(entry["actor"] as? [String: Any])?["id"] as? String ?? ""])
            }
            let state = try store.state(of: "bo")
            // What every entry may name in common: the edition, pools, proposals, voting methods.
            let vocabulary = Set(["bo", "internet", "paper"] + state.poolOrder + state.proposals.keys)
            let acts = entries.filter { Self.publicActs.contains($0["type"] as? String ?? "") }.reduce(into: Set<String>()) {
                $0.formUnion(identifiers($1))
            }.subtracting(vocabulary)
            let ballots = entries.filter { Self.ballotEvents.contains($0["type"] as? String ?? "") }.reduce(into: Set<String>()) {
                $0.formUnion(identifiers($1))
            }.subtracting(vocabulary)
            #expect(Set(residents.map(\.id)).isSubset(of: acts))
            #expect(Set(pseudonyms).isSubset(of: ballots))
            #expect(acts.isDisjoint(with: ballots), "shared: \(acts.intersection(ballots))")

            // No moment is shared either: every public act comes before voting opens, and each
            // pseudonym enters the log in the entry right before its first ballot, at its time.
            let votingOpened = try #require(entries.firstIndex {
                $0["type"] as? String == "phase_changed" && ($0["body"] as? [String: Any])?["to"] as? String == "voting"
            })
            #expect(types.indices.filter { Self.publicActs.contains(types[$0]) && types[$0] != "resident_registered" }.allSatisfy { $0 < votingOpened })
            for index in types.indices where types[index] == "voter_registered" {
                let registration = entries[index], ballot = entries[index + 1]
                #expect(ballot["type"] as? String == "ballot_cast")
                #expect((ballot["body"] as? [String: Any])?["voter"] as? String == (registration["body"] as? [String: Any])?["voter"] as? String)
                #expect(ballot["time"] as? String == registration["time"] as? String)
            }

            // The bundle and every other public document: no resident id beside a ballot, no pseudonym outside the log and the .pb files.
            reply = try await client.get("/api/v1/editions/bo/bundle")
            let folder = try Untar.extract(reply.body, into: server.folder.appendingPathComponent("bundle"))
            let report = try AuditBundle.verify(folder: folder.path, verifier: nil)
            #expect(report.tallies.count == 2)
            for pool in state.poolOrder {
                let text = try String(contentsOf: folder.appendingPathComponent("pools/\(pool).pb"), encoding: .utf8)
                #expect(!residents.contains { text.contains($0.id) })
                // The auditor's one person, one vote: each counted ballot from a distinct registered pseudonym.
                let file = try PabulibFile.parse(Array(text.utf8), fileName: "\(pool).pb")
                let voters = file.votes.map(\.voterID)
                #expect(Set(voters).count == voters.count)
                #expect(Set(voters).isSubset(of: state.voters))
            }
            let documents = [
                "/api/v1/editions/bo", "/api/v1/editions", "/api/v1/editions/bo/proposals", "/api/v1/editions/bo/proposals/p1", "/api/v1/editions/bo/results",
                "/api/v1/editions/bo/results.csv", "/api/v1/editions/bo/pools/city/pabulib", "/metrics",
            ]
            for path in documents {
                let text = try await client.get(path).text
                #expect(!pseudonyms.contains { text.contains($0) } || path.hasSuffix("pabulib"), "\(path) names a pseudonym")
                #expect(!residents.contains { text.contains($0.id) }, "\(path) names a resident")
            }
            let results = try String(contentsOf: folder.appendingPathComponent("results.json"), encoding: .utf8)
            #expect(!(pseudonyms + residents.map(\.id)).contains { results.contains($0) })
        }
    }

    @Test("erased while voting is open, the same PESEL registers again and gets no second counted ballot")
    func erasureDoesNotGiveASecondVote() async throws {
        let server = try TestServer()
        try await server.run { client in
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "voting")
            let first = scenario.residents[0]
            var reply = try await client.post("/api/v1/editions/bo/ballots", token: first.token, ["pool": "city", "projects": ["p1"]])
            #expect(reply.status == .created, "\(reply.text)")
            // `wiec voters erase --pesel` does exactly this on the same file.
            let store = try LedgerStore(path: server.configuration.databasePath, signer: nil)
            let pesel = try Pesel(TestPesel.make(40))
            #expect(try store.resident(withPesel: pesel, in: "bo") == first.id)
            #expect(try store.erasePersonalData(of: first.id))
            reply = try await client.post("/api/v1/editions/bo/ballots", token: first.token, ["pool": "park", "projects": ["k1"]])
            #expect(reply.status == .forbidden)
            #expect(reply.code == "not_registered")
            reply = try await client.post("/api/v1/editions/bo/voters", ["name": "Osoba 0", "pesel": pesel.digits])
            #expect(reply.status == .created, "\(reply.text)")
            let again = (token: reply["token"] as! String, id: reply["resident_id"] as! String)
            #expect(again.id != first.id)
            reply = try await client.post("/api/v1/editions/bo/ballots", token: again.token, ["pool": "city", "projects": ["p2"]])
            #expect(reply.status == .conflict, "\(reply.text)")
            #expect(reply.code == "already_voted")
            let paper = try await client.post("/api/v1/editions/bo/paper-ballots", token: server.admin, [
                "ballots": [["resident": again.id, "pool": "city", "projects": ["p3"]]]
            ])
            #expect(paper.code == "already_voted", "\(paper.text)")
            // A card naming the erased resident id refuses its whole batch, the good card with it.
            let size = try store.head().size
            let erased = try await client.post("/api/v1/editions/bo/paper-ballots", token: server.admin, [
                "ballots": [
                    ["resident": scenario.residents[1].id, "pool": "park", "projects": ["k1"]],
                    ["resident": first.id, "pool": "park", "projects": ["k1"]],
                ]
            ])
            #expect(erased.status == .forbidden && erased.code == "not_registered", "\(erased.text)")
            #expect(try store.head().size == size)
            // A pool the person had not voted in takes their first ballot there.
            reply = try await client.post("/api/v1/editions/bo/ballots", token: again.token, ["pool": "park", "projects": ["k1"]])
            #expect(reply.status == .created, "\(reply.text)")
            let state = try store.state(of: "bo")
            #expect(state.countedBallots(in: "city").map(\.projects) == [["p1"]])
            #expect(Set(state.countedBallots(in: "city").map(\.voter)) == Set(state.countedBallots(in: "park").map(\.voter)))
        }
    }
}
