import Foundation
import Testing

/// The workshop pages over a real server: an official records a workshop (a day that does not
/// exist refused beside its field), the initiative it produced, and turns the initiative into a
/// proposal (refused without a pool); the residents' workshop page then links the proposal.
@Suite struct WorkshopStaffPagesTests {
    @Test func aWorkshopItsInitiativeAndTheProposalItBecomes() async throws {
        let server = try PageServer()
        let staff = try StaffPagesTests.accounts(server)
        try await server.run { client in
            var admin = client, reviewer = Browser(client: client.client)
            try await StaffPagesTests.signIn(&admin, staff.admin)
            try await StaffPagesTests.signIn(&reviewer, staff.otherReviewer)
            #expect(try await reviewer.get("/panel/edycje/nowa/warsztaty").status == .forbidden, "a reviewer does not record workshops")

            let list = try await admin.get("/panel/edycje/nowa/warsztaty")
            #expect(list.status == .ok && list.html.contains("Zapisz warsztat"))
            let fields = [("warsztat_id", "w1"), ("temat", "Zieleń nad rzeką"), ("miejsce", "Dom Kultury"), ("prowadzacy", "Ewa Moderator"), ("uczestnicy", "24")]
            let badDay = try await admin.post("/panel/edycje/nowa/warsztaty", fields + [("data", "2026-02-30")], from: list)
            #expect(badDay.status == .unprocessableContent && badDay.html.contains("id=\"pole-data-blad\""))
            let recorded = try await admin.post("/panel/edycje/nowa/warsztaty", fields + [("data", "2026-05-14")], from: badDay)
            #expect(recorded.status == .seeOther)
            let withWorkshop = try await admin.follow(recorded)
            #expect(withWorkshop.html.contains("Zieleń nad rzeką") && withWorkshop.html.contains("14 maja 2026"))
            let initiative = try await admin.post(
                "/panel/edycje/nowa/warsztaty/inicjatywy",
                [("inicjatywa_warsztat", "w1"), ("inicjatywa_tytul", "Łąka kwietna"), ("inicjatywa_opis", "Zamiast trawnika łąka dla owadów.")], from: withWorkshop)
            #expect(initiative.status == .seeOther)
            let path = try #require(initiative.location?.split(separator: "?").first.map(String.init))
            let page = try await admin.follow(initiative)
            #expect(page.html.contains("Łąka kwietna") && page.html.contains("value=\"Łąka kwietna\""), "the proposal form starts from the initiative")
            let noPool = try await admin.post(path, [("tytul", "Łąka kwietna"), ("opis", "Łąka dla owadów."), ("koszt", "30 000")], from: page)
            #expect(noPool.status == .unprocessableContent && noPool.html.contains("id=\"pole-pula-blad\""))
            let proposal = try await admin.post(path, [("pula", "miasto"), ("tytul", "Łąka kwietna"), ("opis", "Łąka dla owadów."), ("koszt", "30 000")], from: noPool)
            #expect(proposal.status == .seeOther)
            let linked = try await admin.follow(proposal)
            #expect(linked.html.contains("30\u{00A0}000\u{00A0}zł") && linked.html.contains("href=\"/edycje/nowa/projekty/p~"))

            var resident = Browser(client: client.client)
            let workshops = try await resident.get("/edycje/nowa/warsztaty")
            #expect(workshops.html.contains("Zieleń nad rzeką") && workshops.html.contains("Łąka kwietna") && workshops.html.contains("/edycje/nowa/projekty/p~"))
        }
    }
}
