import Foundation
import HTTPTypes
import Testing

/// Proposal and appeal ids are unique within an edition only, so every route that names one
/// names its edition too: the same id in two editions is two objects, each reached only through
/// its own edition, and acting on one never touches the other.
@Suite struct EditionScopeTests {
    @Test func theSameIDsInTwoEditionsStayApart() async throws {
        let server = try TestServer()
        try await server.run { client in
            let admin = server.admin
            var residents: [String: String] = [:]
            for edition in ["new", "old"] {
                #expect(try await client.post("/api/v1/editions", token: admin, ["id": edition, "name": "BO \(edition)"]).status == .created)
                #expect(try await client.post("/api/v1/editions/\(edition)/pools", token: admin, [
                    "id": "city", "name": "Miasto", "budget": "1000", "vote_type": "approval", "rule": "greedy",
                ]).status == .created)
                residents[edition] = try await client.post("/api/v1/editions/\(edition)/voters", ["name": "Osoba", "pesel": TestPesel.make(edition.count)])["token"] as? String
                #expect(try await client.post("/api/v1/editions/\(edition)/phase", token: admin, ["to": "submission"]).status == .ok)
            }
            // The newer edition's p1 first; then a resident of the older edition submits the same id there.
            for edition in ["new", "old"] {
                let reply = try await client.post("/api/v1/editions/\(edition)/proposals", token: residents[edition], [
                    "id": "p1", "pool": "city", "title": "Projekt z edycji \(edition)", "description": "", "cost_estimate": "100",
                ])
                #expect(reply.status == .created, "\(reply.text)")
            }
            for edition in ["new", "old"] {
                let shown = try await client.get("/api/v1/editions/\(edition)/proposals/p1")
                #expect(shown["title"] as? String == "Projekt z edycji \(edition)")
                #expect(shown["edition"] as? String == edition)
            }
            // Each submitter amends their own p1; a resident of one edition cannot act in the other.
            let amended = try await client.send(.patch, "/api/v1/editions/new/proposals/p1", token: residents["new"], json: ["title": "Nowy tytuł"])
            #expect(amended.status == .ok, "\(amended.text)")
            let foreign = try await client.send(.patch, "/api/v1/editions/new/proposals/p1", token: residents["old"], json: ["title": "Przejęty"])
            #expect(foreign.status == .forbidden)
            #expect(try await client.get("/api/v1/editions/old/proposals/p1")["title"] as? String == "Projekt z edycji old")
            #expect(try await client.get("/api/v1/editions/new/proposals/p1")["title"] as? String == "Nowy tytuł")

            // Appeals with the same id in both editions: the decision lands on the one its route names.
            for edition in ["new", "old"] {
                #expect(try await client.post("/api/v1/editions/\(edition)/phase", token: admin, ["to": "review"]).status == .ok)
                let review = try await client.post("/api/v1/editions/\(edition)/proposals/p1/reviews", token: admin, [
                    "stage": "formal", "outcome": "negative", "justification": "Brak mapy",
                ])
                #expect(review.status == .created, "\(review.text)")
                #expect(try await client.post("/api/v1/editions/\(edition)/phase", token: admin, ["to": "appeals"]).status == .ok)
                let appeal = try await client.post("/api/v1/editions/\(edition)/proposals/p1/appeals", token: residents[edition], [
                    "id": "a1", "stage": "formal", "grounds": "Mapa jest w załączniku",
                ])
                #expect(appeal.status == .created, "\(appeal.text)")
            }
            let decided = try await client.post("/api/v1/editions/old/appeals/a1/decision", token: admin, ["upheld": true, "justification": "Zasadne"])
            #expect(decided.status == .ok, "\(decided.text)")
            let old = try await client.get("/api/v1/editions/old/proposals/p1")
            let new = try await client.get("/api/v1/editions/new/proposals/p1")
            #expect((old["appeals"] as? [[String: Any]])?.first?["upheld"] as? Bool == true)
            #expect((new["appeals"] as? [[String: Any]])?.first?["upheld"] == nil)
            // An id the edition does not have is 404, even when another edition has it.
            #expect(try await client.get("/api/v1/editions/old/proposals/p2").code == "unknown_proposal")
            #expect(try await client.post("/api/v1/editions/missing/appeals/a1/decision", token: admin, ["upheld": true, "justification": "x"]).status == .notFound)
            // The old edition-less routes are gone.
            #expect(try await client.get("/api/v1/proposals/p1").status == .notFound)
        }
    }
}
