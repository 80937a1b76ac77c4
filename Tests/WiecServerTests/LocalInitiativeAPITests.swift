import Foundation
import HTTPTypes
import Testing
import WiecServer

/// A local initiative from a workshop over the JSON API: the initiative becomes a proposal and a
/// local initiative; three applications scored by two officials rank exactly, the tie broken by
/// the contribution; the agreement and the contribution given are recorded.
@Suite struct LocalInitiativeAPITests {
    @Test func fromWorkshopToAgreement() async throws {
        let server = try TestServer(reviewerScope: "bo")
        try await server.run { client in
            let replies = try DocumentedReplies()
            let admin = server.admin, reviewer = server.reviewer
            var scenario = Scenario(client, server)
            try await scenario.setUp(until: "submission")
            let resident = scenario.residents[0].token
            _ = try await client.post("/api/v1/editions/bo/workshops", token: admin, [
                "id": "warsztat", "theme": "Zieleń", "date": "2026-04-12", "place": "Dom Kultury", "facilitator": "moderator", "participants": 18,
            ])
            _ = try await client.post("/api/v1/editions/bo/initiatives", token: resident, [
                "id": "i-skwer", "workshop": "warsztat", "title": "Skwer", "description": "Nasadzenia",
            ])
            var reply = try await client.post("/api/v1/editions/bo/proposals", token: resident, [
                "id": "skwer", "pool": "city", "title": "Skwer", "description": "", "cost_estimate": "300", "initiative": "i-skwer",
            ])
            #expect(reply.status == .created, "\(reply.text)")
            let base = "/api/v1/editions/bo/local-initiatives"
            reply = try await client.post("\(base)/criteria", token: admin, [
                "resolution": "XII/80/2026", "adopted_on": "2026-02-20", "tie_break": "contribution-then-submission",
                "criteria": [["id": "celowosc", "name": "Celowość", "weight": 2, "max_points": 10, "measures_contribution": false]],
            ])
            replies.check(reply, .unprocessableContent, "POST", "/api/v1/editions/{edition}/local-initiatives/criteria")
            #expect(reply.code == "missing_contribution_criterion")
            replies.check(try await client.post("\(base)/criteria", token: admin, [
                "resolution": "XII/80/2026", "adopted_on": "2026-02-20", "tie_break": "contribution-then-submission",
                "criteria": [
                    ["id": "wklad", "name": "Wkład pracy społecznej", "weight": 3, "max_points": 10, "measures_contribution": true],
                    ["id": "celowosc", "name": "Celowość", "weight": 2, "max_points": 10, "measures_contribution": false],
                    ["id": "koszt", "name": "Koszt dla gminy", "weight": 1, "max_points": 5, "measures_contribution": false],
                ],
            ]), .created, "POST", "/api/v1/editions/{edition}/local-initiatives/criteria")
            let applications: [[String: Any]] = [
                ["id": "A", "title": "Skwer sąsiedzki", "description": "", "initiative": "i-skwer", "submitted_on": "2026-05-10",
                 "contribution": ["work_hours": 120, "goods_and_services": "1500", "money": "0"], "requested_from_gmina": "10000"],
                ["id": "B", "organisation": "Koło Gospodyń Wiejskich", "title": "Świetlica", "description": "", "submitted_on": "2026-05-11",
                 "contribution": ["work_hours": 200, "goods_and_services": "0", "money": "500"], "requested_from_gmina": "10000"],
                ["id": "C", "title": "Ławki", "description": "", "submitted_on": "2026-05-12",
                 "contribution": ["work_hours": 40, "goods_and_services": "0", "money": "0"], "requested_from_gmina": "10000"],
            ]
            for application in applications {
                replies.check(try await client.post(base, token: resident, application), .created, "POST", "/api/v1/editions/{edition}/local-initiatives")
            }
            let points: [String: [[Int]]] = ["A": [[8, 6, 3], [9, 7, 4]], "B": [[9, 5, 5], [9, 5, 5]], "C": [[6, 8, 2], [7, 9, 2]]]
            for (id, byOfficial) in points.sorted(by: { $0.key < $1.key }) {
                for (official, scores) in zip([admin, reviewer], byOfficial) {
                    for (criterion, value) in zip(["wklad", "celowosc", "koszt"], scores) {
                        replies.check(try await client.post("\(base)/\(id)/scores", token: official, ["criterion": criterion, "points": value, "justification": "ocena"]),
                              .created, "POST", "/api/v1/editions/{edition}/local-initiatives/{application}/scores")
                    }
                }
            }
            reply = try await client.post("\(base)/A/scores", token: reviewer, ["criterion": "koszt", "points": 1, "justification": "druga"])
            #expect(reply.code == "already_scored")
            reply = try await client.get(base)
            replies.check(reply, .ok, "GET", "/api/v1/editions/{edition}/local-initiatives")
            let ranking = reply["ranking"] as? [[String: Any]] ?? []
            #expect(ranking.map { $0["id"] as? String } == ["B", "A", "C"])
            #expect(ranking.map { $0["total"] as? String } == ["42", "42", "77/2"])
            #expect(ranking.map { $0["total_decimal"] as? String } == ["42.00", "42.00", "38.50"])
            #expect(ranking.map { $0["tie_broken_by"] as? String } == [nil, "contribution", nil])
            #expect(ranking[1]["initiative"] as? String == "i-skwer")

            replies.check(try await client.post("\(base)/A/decision", token: admin, ["approved": true, "justification": "Wkład mieszkańców", "decided_on": "2026-06-01"]),
                  .ok, "POST", "/api/v1/editions/{edition}/local-initiatives/{application}/decision")
            replies.check(try await client.post("\(base)/A/agreement", token: admin, [
                "number": "U/1/2026", "signed_on": "2026-06-10", "ends_on": "2026-10-31", "gmina_share": "10000",
                "contribution": ["work_hours": 120, "goods_and_services": "1500", "money": "0"],
            ]), .created, "POST", "/api/v1/editions/{edition}/local-initiatives/{application}/agreement")
            for (day, hours, goods, done) in [("2026-07-15", 70, "900", false), ("2026-09-20", 64, "700.50", true)] {
                replies.check(try await client.post("\(base)/A/progress", token: admin, [
                    "on": day, "note": "Prace", "completed": done,
                    "contribution_given": ["work_hours": hours, "goods_and_services": goods, "money": "0"],
                ]), .created, "POST", "/api/v1/editions/{edition}/local-initiatives/{application}/progress")
            }
            reply = try await client.get(base)
            let a = (reply["ranking"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "A" } ?? [:]
            #expect((a["contribution_given"] as? [String: Any])?["work_hours"] as? Int == 134)
            #expect((a["contribution_given"] as? [String: Any])?["goods_and_services"] as? String == "1600.50")
            #expect(a["completed"] as? Bool == true)
            #expect((a["agreement"] as? [String: Any])?["number"] as? String == "U/1/2026")
            // The proposal from the same initiative stands beside it.
            reply = try await client.get("/api/v1/editions/bo/proposals/skwer")
            #expect(reply["initiative"] as? String == "i-skwer")
        }
    }
}
