import Foundation
import Testing

/// The pool form: exclusion groups one a line (a malformed line or a group too small refused
/// beside the field, with its line), Poznań's top-up among the rules, and a random ballot order,
/// all recorded as the API records them.
@Suite struct PoolFormTests {
    @Test func exclusionGroupsTopUpAndRandomOrderFromTheForm() async throws {
        let server = try PageServer()
        let staff = try StaffPagesTests.accounts(server)
        try await server.run { client in
            var admin = client
            try await StaffPagesTests.signIn(&admin, staff.admin)
            let form = try await admin.get("/panel/nowa-edycja")
            let edition = try await admin.follow(try await admin.post("/panel/nowa-edycja", [("id", "g"), ("nazwa", "BO Grupowo 2028")], from: form))
            #expect(edition.html.contains("id=\"pole-wykluczenia\"") && edition.html.contains("greedy-no-skip --top-up 80%"))
            let pool: [(String, String)] = [
                ("id", "rynek"), ("nazwa", "Rynek"), ("budzet", "500 000"), ("typ", "approval"), ("maks_projektow", "3"),
                ("regula", "greedy-no-skip --top-up 80%"), ("remisy", "cost"), ("ponowne", "nie"), ("kolejnosc", "random"), ("lista_poparcia", "0"),
            ]
            let malformed = try await admin.post("/panel/edycje/g/pule", pool + [("wykluczenia", "p1, p2; 1\np3 p4; jeden")], from: edition)
            #expect(malformed.status == .unprocessableContent)
            #expect(malformed.html.contains("Wiersz 2: podaj identyfikatory projektów"))
            let single = try await admin.post("/panel/edycje/g/pule", pool + [("wykluczenia", "p1; 1")], from: malformed)
            #expect(single.status == .unprocessableContent && single.html.contains("Wiersz 1: grupa to od 2 do 20 różnych projektów"))
            let added = try await admin.post("/panel/edycje/g/pule", pool + [("wykluczenia", "p1, p2, p3; 1\r\n\r\np4,p5")], from: single)
            #expect(added.status == .seeOther, "\(added.html)")
            let api = try await client.client.execute(uri: "/api/v1/editions/g", method: .get)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any])
            let recorded = try #require((json["pools"] as? [[String: Any]])?.first)
            #expect(recorded["rule"] as? String == "greedy-no-skip --top-up 80%")
            #expect(recorded["ballot_order"] as? String == "random" && (recorded["ballot_order_seed"] as? String)?.count == 32)
            let groups = try #require(recorded["exclusion_groups"] as? [[String: Any]])
            #expect(groups.map { $0["projects"] as? [String] ?? [] } == [["p1", "p2", "p3"], ["p4", "p5"]])
            #expect(groups.map { $0["at_most"] as? Int ?? 0 } == [1, 1])
        }
    }
}
