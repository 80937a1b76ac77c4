import Foundation
import HTTPTypes
import Testing
import WiecCore
import WiecLedger
import WiecServer

/// A village fund year over the JSON API on a real server: the resolution, the amounts, an assembly
/// called by 15 residents, an application over the amount refused and the corrected one accepted,
/// another sołectwo's application rejected by the wójt and decided by the council, what was carried
/// out of the accepted one; then the bundle verifies and holds every step.
@Suite struct VillageFundAPITests {
    @Test func wholeYearOverTheAPI() async throws {
        let server = try TestServer(reviewerScope: "fs-2026:Błotnica")
        try await server.run { client in
            let replies = try DocumentedReplies()
            let admin = server.admin, soltys = server.reviewer
            let base = "/api/v1/village-funds/fs-2026"
            replies.check(try await client.post("/api/v1/village-funds", token: admin, ["id": "fs-2026", "name": "Fundusz sołecki 2026", "budget_year": 2026]),
                  .created, "POST", "/api/v1/village-funds")
            replies.check(try await client.post("\(base)/resolution", token: admin, ["number": "XL/300/2025", "adopted_on": "2025-04-01", "consents": true]),
                  .unprocessableContent, "POST", "/api/v1/village-funds/{fund}/resolution")
            replies.check(try await client.post("\(base)/resolution", token: admin, ["number": "XL/300/2025", "adopted_on": "2025-03-27", "consents": true]),
                  .ok, "POST", "/api/v1/village-funds/{fund}/resolution")
            var reply = try await client.post("\(base)/amounts", token: admin, [
                "revenue": "19886293.57", "residents": 5138, "announced_on": "2025-07-20",
                "solectwa": [["solectwo": "Błotnica", "residents": 77], ["solectwo": "Fiszewo", "residents": 282, "addition": "2000", "addition_basis": "XLI/310/2025"]],
            ])
            replies.check(reply, .ok, "POST", "/api/v1/village-funds/{fund}/amounts")
            let shares = (reply["resource"] as? [String: Any])?["solectwa"] as? [[String: Any]] ?? []
            #expect(shares.map { $0["available"] as? String } == ["10721.09", "20655.47"])
            #expect(shares.map { $0["next_deadline"] as? String } == ["2025-09-30", "2025-09-30"])

            var assembly: [String: Any] = [
                "id": "z-blotnica", "solectwo": "Błotnica", "convener": "residents", "initiators": 14, "held_on": "2025-09-05",
                "attendance": 31,
                "projects": [
                    ["id": "wiata", "title": "Wiata przystankowa", "cost_estimate": "8000", "justification": "Deszcz", "votes": ["for": 20, "against": 5, "abstaining": 6]],
                    ["id": "lampy", "title": "Lampy solarne", "cost_estimate": "4000", "justification": "Ciemno", "votes": ["for": 18, "against": 10, "abstaining": 3]],
                ],
            ]
            reply = try await client.post("\(base)/assemblies", token: soltys, assembly)
            replies.check(reply, .unprocessableContent, "POST", "/api/v1/village-funds/{fund}/assemblies")
            #expect(reply.code == "too_few_initiators")
            assembly["initiators"] = 15
            replies.check(try await client.post("\(base)/assemblies", token: soltys, assembly), .created, "POST", "/api/v1/village-funds/{fund}/assemblies")

            reply = try await client.post("\(base)/applications", token: soltys, [
                "id": "w-blotnica", "solectwo": "Błotnica", "assembly": "z-blotnica", "projects": ["wiata", "lampy"], "submitted_on": "2025-09-10",
            ])
            replies.check(reply, .unprocessableContent, "POST", "/api/v1/village-funds/{fund}/applications")
            #expect(reply.code == "over_fund_amount")
            #expect(reply["title_pl"] as? String == "Przedsięwzięcia kosztują więcej niż środki sołectwa")
            replies.check(try await client.post("\(base)/applications", token: soltys, [
                "id": "w-blotnica", "solectwo": "Błotnica", "assembly": "z-blotnica", "projects": ["wiata"], "submitted_on": "2025-09-10",
            ]), .created, "POST", "/api/v1/village-funds/{fund}/applications")
            replies.check(try await client.post("\(base)/applications/w-blotnica/decision", token: admin, ["accepted": true, "decided_on": "2025-09-12"]),
                  .ok, "POST", "/api/v1/village-funds/{fund}/applications/{application}/decision")

            // Fiszewo: entered by the gmina's admin (scope over the whole fund); the Błotnica sołtys has none.
            let fiszewo: [String: Any] = [
                "id": "z-fiszewo", "solectwo": "Fiszewo", "convener": "soltys", "held_on": "2025-09-12", "attendance": 40,
                "projects": [["id": "silownia", "title": "Siłownia plenerowa", "cost_estimate": "20000", "justification": "Brak miejsca", "votes": ["for": 30, "against": 4, "abstaining": 6]]],
            ]
            reply = try await client.post("\(base)/assemblies", token: soltys, fiszewo)
            #expect(reply.status == .forbidden && reply.code == "not_in_scope", "\(reply.text)")
            replies.check(try await client.post("\(base)/assemblies", token: admin, fiszewo), .created, "POST", "/api/v1/village-funds/{fund}/assemblies")
            replies.check(try await client.post("\(base)/applications", token: admin, [
                "id": "w-fiszewo", "solectwo": "Fiszewo", "assembly": "z-fiszewo", "projects": ["silownia"], "submitted_on": "2025-09-20",
            ]), .created, "POST", "/api/v1/village-funds/{fund}/applications")
            replies.check(try await client.post("\(base)/applications/w-fiszewo/decision", token: admin, ["accepted": false, "decided_on": "2025-09-25"]),
                  .unprocessableContent, "POST", "/api/v1/village-funds/{fund}/applications/{application}/decision")
            replies.check(try await client.post("\(base)/applications/w-fiszewo/decision", token: admin, [
                "accepted": false, "reasons": "Teren nie należy do gminy", "decided_on": "2025-09-25",
            ]), .ok, "POST", "/api/v1/village-funds/{fund}/applications/{application}/decision")
            replies.check(try await client.post("\(base)/applications/w-fiszewo/referral", token: admin, ["referred_on": "2025-09-30"]),
                  .ok, "POST", "/api/v1/village-funds/{fund}/applications/{application}/referral")
            reply = try await client.post("\(base)/applications/w-fiszewo/council-decision", token: admin, [
                "resolution": "XLII/320/2025", "accepted": true, "reasons": "Gmina dzierżawi teren", "decided_on": "2025-10-09",
            ])
            replies.check(reply, .ok, "POST", "/api/v1/village-funds/{fund}/applications/{application}/council-decision")

            // What was carried out: Błotnica's shelter, paid from the fund in 2026 up to its amount.
            let execution = "\(base)/applications/w-blotnica/execution"
            replies.check(try await client.post(execution, token: soltys, [
                "project": "wiata", "on": "2026-05-04", "spent": "6000", "completed": false, "note": "Fundamenty",
            ]), .forbidden, "POST", "/api/v1/village-funds/{fund}/applications/{application}/execution")
            replies.check(try await client.post(execution, token: admin, [
                "project": "wiata", "on": "2026-05-04", "spent": "6000", "completed": false, "note": "Fundamenty",
            ]), .created, "POST", "/api/v1/village-funds/{fund}/applications/{application}/execution")
            reply = try await client.post(execution, token: admin, [
                "project": "wiata", "on": "2026-06-01", "spent": "4721.10", "completed": true, "note": "Wiata postawiona",
            ])
            replies.check(reply, .unprocessableContent, "POST", "/api/v1/village-funds/{fund}/applications/{application}/execution")
            #expect(reply.code == "over_fund_amount")
            replies.check(try await client.post(execution, token: admin, [
                "project": "wiata", "on": "2026-06-01", "spent": "2000", "completed": true, "note": "Wiata postawiona",
            ]), .created, "POST", "/api/v1/village-funds/{fund}/applications/{application}/execution")

            reply = try await client.get(base)
            replies.check(reply, .ok, "GET", "/api/v1/village-funds/{fund}")
            let blotnica = (reply["applications"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "w-blotnica" } ?? [:]
            #expect(blotnica["spent"] as? String == "8000")
            let wiata = (blotnica["execution"] as? [[String: Any]])?.first ?? [:]
            #expect(wiata["completed_on"] as? String == "2026-06-01")
            #expect((wiata["records"] as? [[String: Any]])?.map { $0["note"] as? String } == ["Fundamenty", "Wiata postawiona"])
            let statuses = (reply["solectwa"] as? [[String: Any]] ?? []).map { $0["status"] as? String }
            #expect(statuses == ["accepted", "accepted_by_council"])
            replies.check(try await client.get("/api/v1/village-funds/nothing"), .notFound, "GET", "/api/v1/village-funds/{fund}")
            // A civic budget command on the fund is refused by kind.
            reply = try await client.post("/api/v1/editions/fs-2026/phase", token: admin, ["to": "submission"])
            #expect(reply.code == "wrong_edition_kind")

            // The bundle verifies and its entries hold every step of the year.
            let key = try await client.get("/api/v1/audit/public-key").text
            let verifier = try CheckpointVerifier(verifierKey: key.trimmingCharacters(in: .whitespacesAndNewlines))
            reply = try await client.get("/api/v1/editions/fs-2026/bundle")
            #expect(reply.status == .ok)
            let folder = try Untar.extract(reply.body, into: server.folder.appendingPathComponent("bundle"))
            let report = try AuditBundle.verify(folder: folder.path, verifier: verifier)
            #expect(report.entries == 13)
            #expect(report.villageFunds == ["fs-2026"])
            // The resolution, the amounts and the three decisions each got a signed checkpoint, and
            // the export one of the head (the records of what was carried out come after the last decision).
            #expect(report.checkpoints == 6)
            let lines = try String(contentsOf: folder.appendingPathComponent("entries.jsonl"), encoding: .utf8).split(separator: "\n")
            let types = lines.compactMap { line in
                ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]).flatMap { ($0["entry"] as? [String: Any])?["type"] as? String }
            }
            #expect(types == [
                "fund_opened", "fund_resolution_recorded", "fund_amounts_announced", "fund_assembly_recorded", "fund_application_submitted",
                "fund_application_accepted", "fund_assembly_recorded", "fund_application_submitted", "fund_application_rejected",
                "fund_application_referred", "fund_council_decided", "fund_execution_recorded", "fund_execution_recorded",
            ])
        }
    }
}
