import Foundation
import Testing

/// The publish confirmation shows each pool's count by its own rule, with "Dlaczego?" for every
/// project, before anything is recorded; publishing then records exactly the projects shown as funded.
@Suite struct PublishConfirmationTests {
    @Test func theConfirmationShowsTheCountThatPublishingRecords() async throws {
        let server = try PageServer()
        let staff = try StaffPagesTests.accounts(server)
        try await server.run { client in
            var admin = client
            try await StaffPagesTests.signIn(&admin, staff.admin)
            let toClose = try await admin.get("/panel/edycje/bo/faza?na=closed")
            #expect(!toClose.html.contains("Dlaczego?"), "closing counts nothing yet")
            #expect(try await admin.post("/panel/edycje/bo/faza", [("na", "closed")], from: toClose).status == .seeOther)
            let confirm = try await admin.get("/panel/edycje/bo/faza?na=published")
            #expect(confirm.status == .ok && confirm.html.contains("Cała gmina") && confirm.html.contains("Osiedle Parkowe"))
            #expect(confirm.html.contains("Dlaczego?") && confirm.html.contains("Ważnych kart: 0."))
            let rows = try Regex(#"<tr><td>([^<]+)</td><td class="num">[^<]*</td><td class="num">[^<]*</td><td>(wybrany|niewybrany)</td>"#)
            let shown = Dictionary(confirm.html.matches(of: rows).map { match in
                (String(confirm.html[match.output[1].range!]), String(confirm.html[match.output[2].range!]) == "wybrany")
            }, uniquingKeysWith: { first, _ in first })
            #expect(shown.count == 5, "every admitted proposal is shown: \(shown)")
            #expect(try await admin.post("/panel/edycje/bo/faza", [("na", "published")], from: confirm).status == .seeOther)
            let results = try await admin.get("/api/v1/editions/bo/results")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(results.html.utf8)) as? [String: Any])
            let pools = try #require(document["pools"] as? [[String: Any]])
            var recorded: [String: Bool] = [:]
            for pool in pools {
                for project in try #require(pool["projects"] as? [[String: Any]]) {
                    recorded[try #require(project["title"] as? String)] = try #require(project["selected"] as? Bool)
                }
            }
            #expect(recorded == shown, "publishing records the count the confirmation showed")
        }
    }
}
