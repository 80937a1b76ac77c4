import Foundation
import Testing
import WiecCore
import WiecGateway
import WiecServer

/// The village fund's pages over a real server: the official opens a fund, records the
/// council's resolution and announces the amounts; the Błotnica sołtys enters an assembly
/// called by 15 residents and submits an application over the amount (refused beside the field,
/// naming the excess), then a corrected one; the official accepts it, and rejects Fiszewo's,
/// whose sołtys refers it to the council, which decides. Residents read the amounts, the
/// formula's steps and each status; the sołtys of one sołectwo is refused another's page.
@Suite struct VillageFundPagesTests {
    struct Staff: Sendable {
        var admin: String
        var blotnica: String
    }

    static func accounts(_ server: PageServer) throws -> Staff {
        let access = try AccessStore(engine: try server.configuration.store.accessEngine())
        func code(_ name: String, _ role: StaffRole, _ scope: String) throws -> String {
            let (account, _) = try access.addStaff(name: name, role: role, scope: StaffScope(scope)!, at: Date())
            return try access.issueStaffSignInCode(staff: account.id)!
        }
        return Staff(admin: try code("Wójt Gminy", .admin, "*"), blotnica: try code("Sołtys Błotnicy", .reviewer, "fs:Błotnica"))
    }

    /// Today in Warsaw: every act of the test is dated today, so the fund's budget year is chosen
    /// with its resolution and application deadlines still ahead.
    static var today: CalendarDay { CalendarDay(Date(), in: CalendarDay.warsaw) }

    @Test func aWholeFundYearFromTheBrowser() async throws {
        let server = try PageServer()
        let staff = try Self.accounts(server)
        let today = Self.today
        // A budget year whose resolution and application deadlines are after today.
        let year = today.month <= 3 ? today.year + 1 : today.year + 2
        let day = today.description
        try await server.run { client in
            var admin = client, soltys = Browser(client: client.client)
            try await StaffPagesTests.signIn(&admin, staff.admin)
            try await StaffPagesTests.signIn(&soltys, staff.blotnica)

            let index = try await admin.get("/panel/fundusze")
            #expect(index.status == .ok && index.html.contains("Nowy fundusz sołecki"))
            let badYear = try await admin.post("/panel/fundusze", [("fundusz_id", "fs"), ("fundusz_nazwa", "Fundusz sołecki"), ("rok", "20x7")], from: index)
            #expect(badYear.status == .unprocessableContent && badYear.html.contains("id=\"pole-rok-blad\""), "a bad year is shown beside its field")
            let opened = try await admin.post(
                "/panel/fundusze", [("fundusz_id", "fs"), ("fundusz_nazwa", "Fundusz sołecki Gronowo"), ("rok", String(year)), ("zaokraglenie", "grosz")],
                from: index)
            #expect(opened.status == .seeOther && opened.location == "/panel/fundusze/fs?ok=fund_opened")

            var fund = try await admin.follow(opened)
            #expect(fund.html.contains("Uchwała o wyodrębnieniu funduszu"))
            let resolved = try await admin.post(
                "/panel/fundusze/fs/uchwala", [("uchwala_numer", "XXXIII/236/\(year - 1)"), ("uchwala_data", day), ("zgoda", "tak")], from: fund)
            #expect(resolved.status == .seeOther, "\(resolved.html)")
            fund = try await admin.follow(resolved)
            let badLine = try await admin.post(
                "/panel/fundusze/fs/kwoty",
                [("dochody", "19 886 293,57"), ("mieszkancy", "5138"), ("solectwa", "Błotnica; 77\nFiszewo; dużo"), ("ogloszono", day)], from: fund)
            #expect(badLine.status == .unprocessableContent && badLine.html.contains("Wiersz 2: liczba mieszkańców"), "the line at fault is named")
            let announced = try await admin.post(
                "/panel/fundusze/fs/kwoty",
                [("dochody", "19 886 293,57"), ("mieszkancy", "5138"), ("solectwa", "Błotnica; 77\nFiszewo; 189; 5000; uchwała XII/80"), ("ogloszono", day)],
                from: fund)
            #expect(announced.status == .seeOther)
            fund = try await admin.follow(announced)
            // Gronowo Elbląskie 2018: Kb = 3 870,43 zł; Błotnica (77) 10 721,09 zł; Fiszewo (189) 15 055,97 zł.
            #expect(fund.html.contains("3\u{00A0}870,43\u{00A0}zł") && fund.html.contains("10\u{00A0}721,09\u{00A0}zł") && fund.html.contains("15\u{00A0}055,97\u{00A0}zł"))
            #expect(fund.html.contains("2,77 × 3\u{00A0}870,43\u{00A0}zł = 10\u{00A0}721,0911 zł"), "the formula's exact product is shown")

            // The Błotnica sołtys: an assembly called by 14 residents is refused, by 15 recorded.
            var blotnica = try await soltys.get("/panel/fundusze/fs/solectwa/1")
            #expect(blotnica.status == .ok && blotnica.html.contains("Sołectwo Błotnica"))
            #expect(try await soltys.get("/panel/fundusze/fs/solectwa/2").status == .forbidden, "another sołectwo's page is refused")
            let minutes = "wiata; Wiata przy boisku; 9 000; 30; 2; 1; Miejsce spotkań.\nlampy; Lampy przy drodze; 3 000; 25; 5; 3; Bezpieczeństwo pieszych.\nbaner; Baner; 100; 3; 20; 10; Reklama."
            let fewer = try await soltys.post(
                "/panel/fundusze/fs/solectwa/1/zebrania",
                [("zebranie_id", "z1"), ("zebranie_data", day), ("zwolal", "mieszkancy"), ("inicjatorzy", "14"), ("obecni", "40"), ("przedsiewziecia", minutes)],
                from: blotnica)
            #expect(fewer.status == .unprocessableContent && fewer.html.contains("co najmniej 15 pełnoletnich"), "\(fewer.html)")
            let held = try await soltys.post(
                "/panel/fundusze/fs/solectwa/1/zebrania",
                [("zebranie_id", "z1"), ("zebranie_data", day), ("zwolal", "mieszkancy"), ("inicjatorzy", "15"), ("obecni", "40"), ("przedsiewziecia", minutes)],
                from: fewer)
            #expect(held.status == .seeOther, "\(held.html)")
            blotnica = try await soltys.follow(held)
            #expect(blotnica.html.contains("Wiata przy boisku") && blotnica.html.contains("nieprzyjęte"))
            let over = try await soltys.post(
                "/panel/fundusze/fs/solectwa/1/wnioski", [("wniosek_id", "w1"), ("zebranie", "z1"), ("numery", "wiata, lampy"), ("zlozono", day)], from: blotnica)
            #expect(over.status == .unprocessableContent)
            #expect(over.html.contains("kosztują 12\u{00A0}000\u{00A0}zł, a sołectwo ma 10\u{00A0}721,09\u{00A0}zł: o 1\u{00A0}278,91\u{00A0}zł za dużo"), "\(over.html)")
            #expect(over.html.contains("id=\"pole-numery-blad\""), "the excess is shown beside the projects' field")
            let notAdopted = try await soltys.post(
                "/panel/fundusze/fs/solectwa/1/wnioski", [("wniosek_id", "w1"), ("zebranie", "z1"), ("numery", "wiata, baner"), ("zlozono", day)], from: over)
            #expect(notAdopted.status == .unprocessableContent && notAdopted.html.contains("nie przyjęło przedsięwzięcia baner"))
            let submitted = try await soltys.post(
                "/panel/fundusze/fs/solectwa/1/wnioski", [("wniosek_id", "w1"), ("zebranie", "z1"), ("numery", "wiata"), ("zlozono", day)], from: notAdopted)
            #expect(submitted.status == .seeOther && submitted.location == "/panel/fundusze/fs/wnioski/w1?ok=fund_application_submitted")
            let printed = try await soltys.follow(submitted)
            #expect(printed.html.contains("Lista obecności: 40 osób obecnych.") && printed.html.contains("Wiata przy boisku: 30 za, 2 przeciw"))
            #expect(!printed.html.contains("/decyzja\""), "the sołtys gets no decision form")
            #expect(try await soltys.post("/panel/fundusze/fs/wnioski/w1/decyzja", [("decyzja", "przyjmij"), ("decyzja_data", day)], from: printed).status == .forbidden)

            // The official accepts Błotnica's; enters Fiszewo's assembly and application, rejects it
            // without reasons (refused beside the field), then with reasons.
            let application = try await admin.get("/panel/fundusze/fs/wnioski/w1")
            let accepted = try await admin.post("/panel/fundusze/fs/wnioski/w1/decyzja", [("decyzja", "przyjmij"), ("decyzja_data", day)], from: application)
            #expect(accepted.status == .seeOther)
            let fiszewo = try await admin.get("/panel/fundusze/fs/solectwa/2")
            _ = try await admin.post(
                "/panel/fundusze/fs/solectwa/2/zebrania",
                [("zebranie_id", "z2"), ("zebranie_data", day), ("zwolal", "soltys"), ("obecni", "22"), ("przedsiewziecia", "plac; Plac zabaw; 20 000; 20; 1; 1; Dla dzieci.")],
                from: fiszewo)
            let withAssembly = try await admin.get("/panel/fundusze/fs/solectwa/2")
            let second = try await admin.post(
                "/panel/fundusze/fs/solectwa/2/wnioski", [("wniosek_id", "w2"), ("zebranie", "z2"), ("numery", "plac"), ("zlozono", day)], from: withAssembly)
            #expect(second.status == .seeOther, "20 000 zł fits 15 055,97 + 5 000 zł")
            let w2 = try await admin.follow(second)
            let noReasons = try await admin.post("/panel/fundusze/fs/wnioski/w2/decyzja", [("decyzja", "odrzuc"), ("decyzja_data", day)], from: w2)
            #expect(noReasons.status == .unprocessableContent && noReasons.html.contains("id=\"pole-powody-blad\""))
            let rejected = try await admin.post(
                "/panel/fundusze/fs/wnioski/w2/decyzja", [("decyzja", "odrzuc"), ("powody", "Działka nie należy do gminy."), ("decyzja_data", day)], from: noReasons)
            #expect(rejected.status == .seeOther)
            let referral = try await admin.follow(rejected)
            #expect(referral.html.contains("Przekaż wniosek radzie gminy"))
            let referred = try await admin.post("/panel/fundusze/fs/wnioski/w2/rada", [("skierowano", day)], from: referral)
            #expect(referred.status == .seeOther)
            let council = try await admin.follow(referred)
            let decided = try await admin.post(
                "/panel/fundusze/fs/wnioski/w2/uchwala-rady",
                [("rada_uchwala", "XL/300/\(year - 1)"), ("rada_decyzja", "przyjmij"), ("rada_uzasadnienie", "Gmina przejmie działkę."), ("rada_data", day)],
                from: council)
            #expect(decided.status == .seeOther, "\(decided.html)")

            // Residents: the home page links the fund; the fund shows both amounts and statuses.
            var resident = Browser(client: client.client)
            #expect(try await resident.get("/").html.contains("href=\"/fundusze/fs\""))
            let public_ = try await resident.get("/fundusze/fs")
            #expect(public_.status == .ok && public_.html.contains("przyjęty przez wójta") && public_.html.contains("przyjęty rozstrzygnięciem rady gminy"))
            #expect(public_.html.contains("Kb = 19\u{00A0}886\u{00A0}293,57\u{00A0}zł / 5\u{00A0}138 mieszkańców"))
            #expect(public_.html.contains("5\u{00A0}000\u{00A0}zł (uchwała XII/80)"), "the gmina's addition is shown apart with its basis")
            let village = try await resident.get("/fundusze/fs/solectwa/2")
            #expect(village.html.contains("Plac zabaw") && village.html.contains("Gmina przejmie działkę.") && village.html.contains("XL/300/\(year - 1)"))
            #expect(try await resident.get("/fundusze/fs/solectwa/3").status == .notFound)
            #expect(try await resident.get("/fundusze/bo").status == .notFound, "a civic budget is not a fund")

            // Without a session every staff page of the fund sends to the sign-in page; a form
            // without its CSRF token changes nothing.
            for path in ["/panel/fundusze", "/panel/fundusze/fs", "/panel/fundusze/fs/solectwa/1", "/panel/fundusze/fs/wnioski/w1"] {
                let page = try await resident.get(path)
                #expect(page.status == .seeOther && page.location?.hasPrefix("/panel/logowanie?wroc=") == true, "\(path)")
            }
            let before = try await admin.get("/panel/fundusze/fs/solectwa/1")
            let forged = try await admin.post(
                "/panel/fundusze/fs/solectwa/1/zebrania",
                [("zebranie_id", "z9"), ("zebranie_data", day), ("zwolal", "soltys"), ("obecni", "5"), ("przedsiewziecia", "x; X; 10; 5; 0; 0; Y.")],
                from: before, csrf: false)
            #expect(forged.status == .forbidden)
            #expect(!(try await admin.get("/panel/fundusze/fs/solectwa/1").html.contains("z9")), "nothing was stored")
        }
    }
}
