import Foundation
import Testing
import WiecCore
import WiecGateway

/// Local initiatives over a real server: the official records the council's criteria (a line at
/// fault named, a resolution without a contribution criterion refused); a resident applies
/// (refused without a contribution) twice; two applications tie on their weighted sums and the
/// contribution rule breaks the tie, as the public ranking says; the official decides, records
/// the agreement and the completed work; residents read every score's justification but not
/// which official gave it.
@Suite struct LocalInitiativePagesTests {
    @Test func criteriaApplicationsScoresTieAgreementAndProgress() async throws {
        let server = try PageServer()
        let staff = try StaffPagesTests.accounts(server)
        let day = CalendarDay(Date(), in: CalendarDay.warsaw).description
        try await server.run { client in
            var admin = client, resident = Browser(client: client.client), other = Browser(client: client.client)
            try await StaffPagesTests.signIn(&admin, staff.admin)
            try await StaffPagesTests.signIn(&other, staff.parkReviewer)
            #expect(try await other.get("/panel/edycje/nowa/inicjatywy-lokalne").status == .forbidden, "a reviewer of another edition is refused")

            var list = try await admin.get("/panel/edycje/nowa/inicjatywy-lokalne")
            #expect(list.status == .ok && list.html.contains("Kryteria z uchwały rady"))
            let badLine = try await admin.post(
                "/panel/edycje/nowa/inicjatywy-lokalne/kryteria",
                [("kryteria_uchwala", "XX/1/2026"), ("kryteria_data", day), ("kryteria", "wklad; Wkład; 2; 10; tak\npotrzeba; Potrzeba; zero; 10; nie"),
                 ("remis", "contribution-then-submission")], from: list)
            #expect(badLine.status == .unprocessableContent && badLine.html.contains("Wiersz 2:") && badLine.html.contains("id=\"pole-kryteria-blad\""))
            let noContribution = try await admin.post(
                "/panel/edycje/nowa/inicjatywy-lokalne/kryteria",
                [("kryteria_uchwala", "XX/1/2026"), ("kryteria_data", day), ("kryteria", "potrzeba; Potrzeba; 1; 10; nie"), ("remis", "submission")], from: badLine)
            #expect(noContribution.status == .unprocessableContent && noContribution.html.contains("id=\"pole-kryteria-blad\""))
            let adopted = try await admin.post(
                "/panel/edycje/nowa/inicjatywy-lokalne/kryteria",
                [("kryteria_uchwala", "XX/1/2026"), ("kryteria_data", day), ("kryteria", "wklad; Wkład mieszkańców; 2; 10; tak\npotrzeba; Potrzeba; 1; 10; nie"),
                 ("remis", "contribution-then-submission")], from: noContribution)
            #expect(adopted.status == .seeOther)
            list = try await admin.follow(adopted)

            // A resident applies: without a contribution refused, then twice with one.
            _ = try await ResidentFlowTests.register(&resident, edition: "nowa")
            let form = try await resident.get("/edycje/nowa/inicjatywy-lokalne/nowa")
            #expect(form.status == .ok && form.html.contains("name=\"godziny\""))
            let nothing = try await resident.post("/edycje/nowa/inicjatywy-lokalne/nowa", [("tytul", "Skwer"), ("opis", "Posadzimy krzewy.")], from: form)
            #expect(nothing.status == .unprocessableContent && nothing.html.contains("wymaga wkładu mieszkańców"))
            let first = try await resident.post(
                "/edycje/nowa/inicjatywy-lokalne/nowa", [("tytul", "Skwer przy rzece"), ("opis", "Posadzimy krzewy."), ("godziny", "40"), ("od_gminy", "2 000")],
                from: nothing)
            #expect(first.status == .seeOther)
            let firstID = try #require(first.location?.split(separator: "/").last?.split(separator: "?").first.map(String.init))
            let again = try await resident.get("/edycje/nowa/inicjatywy-lokalne/nowa")
            let second = try await resident.post(
                "/edycje/nowa/inicjatywy-lokalne/nowa",
                [("tytul", "Ławki na bulwarach"), ("organizacja", "Stowarzyszenie Bulwary, KRS 0000123456"), ("pieniadze", "500")], from: again)
            #expect(second.status == .seeOther)
            let secondID = try #require(second.location?.split(separator: "/").last?.split(separator: "?").first.map(String.init))

            // Equal weighted sums: 2 × 8 + 6 = 22 and 2 × 6 + 10 = 22; the contribution (16 > 12) breaks the tie.
            for (id, scores) in [(firstID, [("wklad", "8"), ("potrzeba", "6")]), (secondID, [("wklad", "6"), ("potrzeba", "10")])] {
                for (criterion, points) in scores {
                    let page = try await admin.get("/panel/edycje/nowa/inicjatywy-lokalne/\(id)")
                    let scored = try await admin.post(
                        "/panel/edycje/nowa/inicjatywy-lokalne/\(id)/ocena",
                        [("ocena_kryterium", criterion), ("ocena_punkty", points), ("ocena_uzasadnienie", "Uzasadnienie oceny \(criterion).")], from: page)
                    #expect(scored.status == .seeOther, "\(scored.html)")
                }
            }
            var second_ = Browser(client: client.client)
            try await StaffPagesTests.signIn(&second_, staff.otherAdmin)
            let theirs = try await second_.get("/panel/edycje/nowa/inicjatywy-lokalne/\(firstID)")
            let outOfScale = try await second_.post(
                "/panel/edycje/nowa/inicjatywy-lokalne/\(firstID)/ocena", [("ocena_kryterium", "wklad"), ("ocena_punkty", "11"), ("ocena_uzasadnienie", "x")],
                from: theirs)
            #expect(outOfScale.status == .unprocessableContent && outOfScale.html.contains("id=\"pole-ocena_punkty-blad\""), "points outside the criterion's scale are refused beside the field")
            let application = try await admin.get("/panel/edycje/nowa/inicjatywy-lokalne/\(firstID)")
            let decided = try await admin.post(
                "/panel/edycje/nowa/inicjatywy-lokalne/\(firstID)/decyzja", [("decyzja", "tak"), ("decyzja_uzasadnienie", "Najwyżej w rankingu."), ("decyzja_data", day)],
                from: application)
            #expect(decided.status == .seeOther, "\(decided.html)")
            let toSign = try await admin.follow(decided)
            #expect(toSign.html.contains("value=\"40\""), "the agreement form starts from the contribution offered")
            let signed = try await admin.post(
                "/panel/edycje/nowa/inicjatywy-lokalne/\(firstID)/umowa",
                [("umowa_numer", "IL/1/2026"), ("umowa_data", day), ("umowa_koniec", "2099-12-31"), ("umowa_gmina", "2 000"), ("umowa_godziny", "40")], from: toSign)
            #expect(signed.status == .seeOther, "\(signed.html)")
            let progress = try await admin.follow(signed)
            let done = try await admin.post(
                "/panel/edycje/nowa/inicjatywy-lokalne/\(firstID)/postep",
                [("postep_data", day), ("postep_opis", "Posadzono 120 krzewów."), ("postep_godziny", "44"), ("postep_zakonczone", "tak")], from: progress)
            #expect(done.status == .seeOther, "\(done.html)")

            let ranking = try await resident.get("/edycje/nowa/inicjatywy-lokalne")
            #expect(ranking.status == .ok && ranking.html.contains("remis rozstrzygnięty wkładem") && ranking.html.contains("zrealizowany"))
            let skwer = try #require(ranking.html.range(of: "Skwer przy rzece")), lawki = try #require(ranking.html.range(of: "Ławki na bulwarach"))
            #expect(skwer.lowerBound < lawki.lowerBound, "the higher contribution ranks first")
            let public_ = try await resident.get("/edycje/nowa/inicjatywy-lokalne/\(firstID)")
            #expect(public_.html.contains("Uzasadnienie oceny wklad.") && public_.html.contains("44 godz. pracy społecznej") && public_.html.contains("IL/1/2026"))
            #expect(!public_.html.contains("Anna Urzędniczka"), "residents do not read which official scored")
            #expect(try await resident.get("/edycje/nowa/inicjatywy-lokalne/nie-ma").status == .notFound)
        }
    }
}
