import Foundation
import Testing
import WiecGateway
import WiecServer

/// The staff pages over a real server: signing in with a one-time code, every page refusing
/// without a session (303 to sign-in) and with the wrong role or scope (403), a form without
/// its CSRF token changing nothing, revoking ending a session at once, and a paper batch with
/// a refused card storing nothing.
@Suite struct StaffPagesTests {
    /// The accounts of a test, with a one-time code each.
    struct Staff: Sendable {
        var admin: String
        var otherAdmin: String
        var parkReviewer: String
        var otherReviewer: String
        var auditor: String
        var adminID: String
    }

    static func accounts(_ server: PageServer) throws -> Staff {
        let access = try AccessStore(engine: try server.configuration.store.accessEngine())
        func code(_ name: String, _ role: StaffRole, _ scope: String) throws -> (String, String) {
            let (account, _) = try access.addStaff(name: name, role: role, scope: StaffScope(scope)!, at: Date())
            return (try access.issueStaffSignInCode(staff: account.id)!, account.id)
        }
        let admin = try code("Anna Urzędniczka", .admin, "*")
        return Staff(
            admin: admin.0, otherAdmin: try code("Olga Inna", .admin, "nowa").0, parkReviewer: try code("Sołtys Parkowy", .reviewer, "bo:park").0,
            otherReviewer: try code("Radny Nowy", .reviewer, "nowa").0, auditor: try code("Audytor", .auditor, "*").0, adminID: admin.1)
    }

    /// Signs in with a code and returns the page signed in to.
    @discardableResult
    static func signIn(_ browser: inout Browser, _ code: String) async throws -> Page {
        let form = try await browser.get("/panel/logowanie")
        let sent = try await browser.post("/panel/logowanie", [("kod", code), ("wroc", "/panel")], from: form)
        #expect(sent.status == .seeOther && sent.location == "/panel", "signing in with \(code)")
        return try await browser.follow(sent)
    }

    /// Every staff page, with who may see it.
    static let pages: [(path: String, admin: Bool, parkReviewer: Bool)] = [
        ("/panel/nowa-edycja", true, false),
        ("/panel/edycje/bo", true, true),
        ("/panel/edycje/bo/faza?na=closed", true, false),
        ("/panel/edycje/bo/harmonogram", true, false),
        ("/panel/edycje/bo/weryfikacja", true, true),
        ("/panel/edycje/bo/weryfikacja/p4", true, true),
        ("/panel/edycje/bo/weryfikacja/p1", true, false),
        ("/panel/edycje/bo/odwolania", true, false),
        ("/panel/edycje/bo/glosowanie-papierowe", true, false),
        ("/panel/edycje/bo/punkty/urzad/protokol", true, false),
        ("/panel/edycje/bo/warsztaty", true, false),
        ("/panel/edycje/bo/inicjatywy-lokalne", true, true),
    ]

    @Test func everyPageWithoutASessionRedirectsToSignIn() async throws {
        let server = try PageServer()
        try await server.run { client in
            var browser = client
            for path in ["/panel"] + Self.pages.map(\.path) {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location?.hasPrefix("/panel/logowanie?wroc=") == true, "\(path)")
            }
            let form = try await browser.get("/panel/logowanie")
            #expect(form.status == .ok && form.html.contains("name=\"kod\""))
            let action = try await browser.post("/panel/edycje/bo/faza", [("na", "closed")], from: form)
            #expect(action.status == .seeOther && action.location?.hasPrefix("/panel/logowanie") == true)
        }
    }

    @Test func everyPageRefusesTheWrongRoleOrScopeWithA403SayingWhy() async throws {
        let server = try PageServer()
        let staff = try Self.accounts(server)
        try await server.run { client in
            var admin = client, park = Browser(client: client.client), other = Browser(client: client.client)
            var auditor = Browser(client: client.client), otherAdmin = Browser(client: client.client)
            try await Self.signIn(&admin, staff.admin)
            try await Self.signIn(&park, staff.parkReviewer)
            try await Self.signIn(&other, staff.otherReviewer)
            try await Self.signIn(&auditor, staff.auditor)
            try await Self.signIn(&otherAdmin, staff.otherAdmin)
            try await admin.post("/panel/edycje/bo/punkty", [("id", "urzad"), ("nazwa", "Urząd"), ("adres", "Rynek 1")], from: try await admin.get("/panel/edycje/bo/glosowanie-papierowe"))
            for (path, adminMay, parkMay) in Self.pages {
                #expect(try await admin.get(path).status == (adminMay ? .ok : .forbidden), "admin \(path)")
                let parkPage = try await park.get(path)
                #expect(parkPage.status == (parkMay ? .ok : .forbidden), "park reviewer \(path)")
                if !parkMay { #expect(parkPage.html.contains("Brak dostępu")) }
                #expect(try await other.get(path).status == .forbidden, "reviewer of another edition \(path)")
                #expect(try await auditor.get(path).status == .forbidden, "auditor \(path)")
                #expect(try await otherAdmin.get(path).status == .forbidden, "admin of another edition \(path)")
            }
            let scope = try await other.get("/panel/edycje/bo")
            #expect(scope.html.contains("Twój zakres nie obejmuje"))
            let queue = try await park.get("/panel/edycje/bo/weryfikacja")
            #expect(queue.html.contains("Panel") && !queue.html.contains("Ławki w rynku"), "a reviewer's queue holds only their pools")
        }
    }

    @Test func aCodeSignsInOnceAndSigningOutOrRevokingEndsTheSession() async throws {
        let server = try PageServer()
        let staff = try Self.accounts(server)
        try await server.run { client in
            var browser = client
            let home = try await Self.signIn(&browser, staff.admin)
            #expect(home.html.contains("Anna Urzędniczka") && home.html.contains("BO Testowo 2027"))
            let cookie = try #require(browser.cookies["wiec_panel"])
            var again = Browser(client: client.client)
            let form = try await again.get("/panel/logowanie")
            let reused = try await again.post("/panel/logowanie", [("kod", staff.admin)], from: form)
            #expect(reused.status == .unprocessableContent && reused.html.contains("Ten kod nie działa"))
            let out = try await browser.post("/panel/wyloguj", [], from: home)
            #expect(out.status == .seeOther && browser.cookies["wiec_panel"] == nil)
            var replay = Browser(client: client.client)
            replay.cookies["wiec_panel"] = cookie
            #expect(try await replay.get("/panel").status == .seeOther, "a signed-out session is over")

            let access = try AccessStore(engine: try server.configuration.store.accessEngine())
            var revoked = Browser(client: client.client)
            try await Self.signIn(&revoked, try #require(try access.issueStaffSignInCode(staff: staff.adminID)))
            #expect(try await revoked.get("/panel").status == .ok)
            #expect(try access.revokeStaff(id: staff.adminID, at: Date()))
            #expect(try await revoked.get("/panel").status == .seeOther, "a revoked account's session ends at once")
        }
    }

    @Test func theSessionCookieIsHttpOnlyAndLax() async throws {
        let server = try PageServer()
        let staff = try Self.accounts(server)
        try await server.run { client in
            var browser = client
            let form = try await browser.get("/panel/logowanie")
            let sent = try await browser.post("/panel/logowanie", [("kod", staff.admin)], from: form)
            let cookie = try #require(sent.headers[values: .setCookie].first { $0.hasPrefix("wiec_panel=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/panel"))
        }
    }

    @Test func aFormWithoutItsCSRFTokenChangesNothing() async throws {
        let server = try PageServer()
        let staff = try Self.accounts(server)
        try await server.run { client in
            var browser = client
            try await Self.signIn(&browser, staff.admin)
            let confirm = try await browser.get("/panel/edycje/bo/faza?na=closed")
            #expect(confirm.status == .ok && confirm.html.contains("głosowanie internetowe"))
            let forged = try await browser.post("/panel/edycje/bo/faza", [("na", "closed")], from: confirm, csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await browser.get("/panel/edycje/bo").html.contains("Etap: Głosowanie"), "still voting")
            let real = try await browser.post("/panel/edycje/bo/faza", [("na", "closed")], from: confirm)
            #expect(real.status == .seeOther)
            let after = try await browser.follow(real)
            #expect(after.html.contains("Etap: Głosowanie zakończone") && after.html.contains("Korzeń drzewa"))
        }
    }

    @Test func theTimetableFormRefusesBesideTheFieldThenResidentsReadTheDates() async throws {
        let server = try PageServer()
        let staff = try Self.accounts(server)
        try await server.run { client in
            var browser = client
            try await Self.signIn(&browser, staff.admin)
            let overview = try await browser.get("/panel/edycje/nowa")
            #expect(overview.html.contains("/panel/edycje/nowa/harmonogram") && overview.html.contains("Planowany początek"))
            let form = try await browser.get("/panel/edycje/nowa/harmonogram")
            #expect(form.status == .ok && form.html.contains("id=\"pole-submission\""))
            let wrong = try await browser.post(
                "/panel/edycje/nowa/harmonogram", [("submission", "2027-03-01"), ("review", "2027-02-30"), ("voting", "2027-02-01")], from: form)
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.html.contains("Podaj prawdziwy dzień w postaci RRRR-MM-DD"))
            #expect(wrong.html.contains("Ten etap musi się zacząć później niż etap „Zgłaszanie projektów”"), "\(wrong.html)")
            #expect(try await browser.get("/edycje/nowa").html.contains("od 1 marca 2027") == false, "nothing was announced")
            let saved = try await browser.post(
                "/panel/edycje/nowa/harmonogram", [("submission", "2027-03-01"), ("review", "2027-06-01"), ("voting", "2027-09-01")], from: wrong)
            #expect(saved.status == .seeOther, "\(saved.html)")
            #expect(try await browser.follow(saved).html.contains("Harmonogram został zapisany"))
            var resident = Browser(client: client.client)
            let edition = try await resident.get("/edycje/nowa")
            #expect(edition.html.contains("od 1 marca 2027 do 31 maja 2027"), "the phase now under way, with its dates")
            #expect(edition.html.contains("od 1 czerwca 2027 do 31 sierpnia 2027") && edition.html.contains("od 1 września 2027"))
            #expect(try await resident.get("/").html.contains("od 1 marca 2027 do 31 maja 2027"), "the home page gives the current phase's dates")
        }
    }

    @Test func aPaperBatchWithACardOfAVoterWhoVotedOnlineStoresNothing() async throws {
        let server = try PageServer()
        let staff = try Self.accounts(server)
        try await server.run { client in
            var resident = client
            _ = try await ResidentFlowTests.register(&resident, edition: "bo", pesel: "85010112345")
            var admin = Browser(client: client.client)
            try await Self.signIn(&admin, staff.admin)
            let paper = try await admin.get("/panel/edycje/bo/glosowanie-papierowe")
            let added = try await admin.post("/panel/edycje/bo/punkty", [("id", "urzad"), ("nazwa", "Urząd Miejski"), ("adres", "Rynek 1")], from: paper)
            #expect(added.status == .seeOther)
            let form = try await admin.follow(added)
            let twice = "85010112345; miasto; p1\r\n85010112345; miasto; p2"
            let refused = try await admin.post(
                "/panel/edycje/bo/glosowanie-papierowe", [("punkt", "urzad"), ("karty", twice), ("niewazne", "1")], from: form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("Odrzucone karty") && refused.html.contains("Linia 2"))
            let unchanged = try await admin.get("/panel/edycje/bo/glosowanie-papierowe")
            #expect(!unchanged.html.contains(">1</td>"), "nothing of the refused batch is stored")
            let good = try await admin.post(
                "/panel/edycje/bo/glosowanie-papierowe", [("punkt", "urzad"), ("karty", "85010112345; miasto; p1, p2"), ("niewazne", "1")], from: unchanged)
            #expect(good.status == .seeOther)
            let protocolForm = try await admin.get("/panel/edycje/bo/punkty/urzad/protokol")
            let recorded = try await admin.post("/panel/edycje/bo/punkty/urzad/protokol", [("otrzymane", "10"), ("wydane", "2")], from: protocolForm)
            #expect(recorded.status == .seeOther)
            let record = try await admin.follow(recorded)
            #expect(record.html.contains("Anna Urzędniczka") && record.html.contains("Karty niewykorzystane"))
        }
    }

    @Test func theAuditPagesShowTheCheckpointKeyCommandsAndALogWithoutPersonalData() async throws {
        try await PageServer().run { client in
            var browser = client
            _ = try await ResidentFlowTests.register(&browser, edition: "bo", pesel: "85010112345")
            let audit = try await browser.get("/audyt/edycje/bo")
            #expect(audit.status == .ok)
            #expect(audit.html.contains("wiec verify bundle --key key.vkey") && audit.html.contains("wiec verify-receipt receipt.json"))
            #expect(audit.html.contains("RFC 8785") && audit.html.contains("RFC 6962") && audit.html.contains("/api/v1/editions/bo/bundle"))
            let log = try await browser.get("/audyt/dziennik")
            #expect(log.status == .ok && log.html.contains("href=\"/api/v1/audit/proof/1\"") && log.html.contains("edition_created"))
            let last = try await browser.get("/audyt/dziennik?od=1000000")
            #expect(last.html.contains("resident_registered"))
            #expect(!last.html.contains("85010112345") && !last.html.contains("Jan Kowalski"), "the log browser shows no personal data")
        }
    }
}
