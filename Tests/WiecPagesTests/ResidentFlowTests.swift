import Foundation
import Testing
import WiecCore
import WiecLedger

/// The residents' pages over a real server: registration and signing in, forms that refuse
/// with a message beside the field, escaping, CSRF, voting with the review step, the receipt
/// and its check, and results with "Dlaczego?".
@Suite struct ResidentFlowTests {
    /// A valid PESEL of someone born in 1990.
    static let pesel = "90010112349"

    /// Registers a resident in an edition and returns the code page.
    static func register(_ browser: inout Browser, edition: String, pesel: String = pesel) async throws -> Page {
        let form = try await browser.get("/edycje/\(edition)/rejestracja")
        let sent = try await browser.post("/edycje/\(edition)/rejestracja", [("imie", "Jan Kowalski"), ("pesel", pesel)], from: form)
        #expect(sent.status == .seeOther)
        return try await browser.follow(sent)
    }

    @Test func homeAndEditionPagesShowPhasesAndRules() async throws {
        try await PageServer().run { client in
            var browser = client
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.html.contains("<html lang=\"pl\""))
            #expect(home.html.contains("BO Testowo 2027") && home.html.contains("Głosowanie"))
            #expect(home.html.contains("href=\"#tresc\"") && home.html.contains("/deklaracja-dostepnosci"))
            let edition = try await browser.get("/edycje/bo")
            #expect(edition.html.contains("Wybierz najwyżej 2 projekty."))
            #expect(edition.html.contains("Łączny koszt wybranych projektów do 500\u{00A0}000\u{00A0}zł."))
            #expect(edition.html.contains("Do rozdzielenia 5 punktów."))
            let statement = try await browser.get("/deklaracja-dostepnosci")
            #expect(statement.html.contains("Rzecznika Praw Obywatelskich"))
            #expect(try await browser.get("/edycje/nie-ma").status == .notFound)
        }
    }

    @Test func switchesAreRememberedInCookies() async throws {
        try await PageServer().run { client in
            var browser = client
            let home = try await browser.get("/")
            let switched = try await browser.post("/ustawienia", [("rozmiar", "2"), ("wroc", "/edycje/bo")], from: home)
            #expect(switched.status == .seeOther && switched.location == "/edycje/bo")
            let english = try await browser.post("/ustawienia", [("jezyk", "en"), ("wroc", "//evil.example/")], from: home)
            #expect(english.location == "/")
            let page = try await browser.get("/edycje/bo")
            #expect(page.html.contains("<html lang=\"en\" class=\"size-2\""))
            #expect(page.html.contains("Choose at most 2 projects."))
        }
    }

    @Test func aFormRenderedBeforeARestartIsAcceptedAfterIt() async throws {
        let server = try PageServer()
        let (form, cookies) = try await server.run(keep: true) { client in
            var browser = client
            let form = try await browser.get("/edycje/nowa/rejestracja")
            return (form, browser.cookies)
        }
        try await server.run { client in
            var browser = client
            browser.cookies = cookies
            let sent = try await browser.post("/edycje/nowa/rejestracja", [("imie", "Jan Kowalski"), ("pesel", Self.pesel)], from: form)
            #expect(sent.status == .seeOther, "the form's token still holds after the restart: \(sent.status)")
        }
    }

    @Test func aFormWithoutItsTokenIsRefused() async throws {
        try await PageServer().run { client in
            var browser = client
            let form = try await browser.get("/edycje/nowa/rejestracja")
            let forged = try await browser.post("/edycje/nowa/rejestracja", [("imie", "Jan"), ("pesel", Self.pesel), ("_csrf", "00")], from: form, csrf: false)
            #expect(forged.status == .forbidden)
            var stranger = Browser(client: browser.client)
            let noCookie = try await stranger.post("/edycje/nowa/rejestracja", [("imie", "Jan"), ("pesel", Self.pesel)], from: form)
            #expect(noCookie.status == .forbidden)
        }
    }

    @Test func registrationExplainsAWrongPeselAndSignInUsesTheCodeOnce() async throws {
        try await PageServer().run { client in
            var browser = client
            let form = try await browser.get("/edycje/nowa/rejestracja")
            let wrong = try await browser.post("/edycje/nowa/rejestracja", [("imie", "Jan Kowalski"), ("pesel", "90010112345")], from: form)
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.html.contains("cyfra kontrolna"))
            #expect(wrong.html.contains("href=\"#pole-pesel\""))
            #expect(wrong.html.contains("value=\"Jan Kowalski\""))
            let codePage = try await Self.register(&browser, edition: "nowa")
            let code = try #require(codePage.html.firstMatch(of: try Regex("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}")).map { String(codePage.html[$0.range]) })
            #expect(!codePage.html.contains(Self.pesel))
            let again = try await browser.get("/edycje/nowa/kod")
            #expect(!again.html.contains(code))
            let mine = try await browser.get("/edycje/nowa/moje")
            _ = try await browser.post("/edycje/nowa/wyloguj", [], from: mine)
            #expect(try await browser.get("/edycje/nowa/moje").status == .seeOther)
            let signIn = try await browser.get("/edycje/nowa/logowanie")
            let signedIn = try await browser.post("/edycje/nowa/logowanie", [("pesel", Self.pesel), ("kod", code.lowercased())], from: signIn)
            #expect(signedIn.status == .seeOther)
            #expect(try await browser.get("/edycje/nowa/moje").status == .ok)
            var other = Browser(client: browser.client)
            let otherForm = try await other.get("/edycje/nowa/logowanie")
            let reused = try await other.post("/edycje/nowa/logowanie", [("pesel", Self.pesel), ("kod", code)], from: otherForm)
            #expect(reused.status == .unprocessableContent)
            #expect(reused.html.contains("już użyty"))
        }
    }

    @Test func aProposalFormCorrectsAFieldAndHostileTitlesRenderAsText() async throws {
        try await PageServer().run { client in
            var browser = client
            _ = try await Self.register(&browser, edition: "nowa")
            let form = try await browser.get("/edycje/nowa/projekty/nowy")
            #expect(form.status == .ok)
            let title = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
            var fields = [("pula", "miasto"), ("tytul", title), ("opis", "Ławki\n\nDrugi akapit"), ("koszt", "dużo")]
            let refused = try await browser.post("/edycje/nowa/projekty/nowy", fields, from: form)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("href=\"#pole-koszt\""))
            #expect(refused.html.contains("Koszt musi być kwotą"))
            #expect(!refused.html.contains("<script>alert") && !refused.html.contains("<img src=x"))
            #expect(refused.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
            fields[3] = ("koszt", "900 000")
            let overBudget = try await browser.post("/edycje/nowa/projekty/nowy", fields, from: refused)
            #expect(overBudget.html.contains("Koszt nie może przekraczać budżetu puli"))
            fields[3] = ("koszt", "12 500,50 zł")
            let sent = try await browser.post("/edycje/nowa/projekty/nowy", fields, from: overBudget)
            #expect(sent.status == .seeOther)
            let page = try await browser.follow(sent)
            #expect(page.html.contains("12\u{00A0}500,50\u{00A0}zł"))
            #expect(!page.html.contains("<script>alert") && !page.html.contains("<img src=x"))
            let list = try await browser.get("/edycje/nowa/projekty?szukaj=script")
            #expect(list.html.contains("Znaleziono 1 projekt."))
            #expect(!list.html.contains("<script>alert"))
            let resend = try await browser.post("/edycje/nowa/projekty/nowy", fields, from: overBudget)
            #expect(resend.location == sent.location)
        }
    }

    @Test func supportIsSignedOnce() async throws {
        try await PageServer().run { client in
            var browser = client
            _ = try await Self.register(&browser, edition: "nowa")
            let page = try await browser.get("/edycje/nowa/projekty/n1")
            #expect(page.html.contains("Popieram ten projekt"))
            let signed = try await browser.follow(try await browser.post("/edycje/nowa/projekty/n1/poparcie", [], from: page))
            #expect(signed.html.contains("1 osoba poparła ten projekt."))
            #expect(signed.html.contains("Dziękujemy, Twoje poparcie jest zapisane."))
            #expect(!signed.html.contains("Popieram ten projekt"))
        }
    }

    @Test func aRandomBallotOrderIsEveryVotersOwnAndReproducibleFromTheSeed() async throws {
        let server = try PageServer(randomOrder: true)
        let path = server.configuration.databasePath
        let (shown, residents): ([[String]], Set<String>) = try await server.run { client in
            var orders: [[String]] = []
            for pesel in [Self.pesel, "85021512343", "77030811111"] {
                var browser = Browser(client: client.client)
                _ = try await Self.register(&browser, edition: "los", pesel: pesel)
                let ballot = try await browser.get("/edycje/los/glosowanie/gmina")
                #expect(ballot.html.contains(PageServer.orderSeed), "the ballot page states the seed of its order")
                let order = ballot.html.matches(of: try Regex("value=\"(l[0-9])\"")).map { String(ballot.html[$0.range].dropFirst(7).dropLast()) }
                let again = try await browser.get("/edycje/los/glosowanie/gmina")
                #expect(again.html.matches(of: try Regex("value=\"(l[0-9])\"")).map { String(again.html[$0.range].dropFirst(7).dropLast()) } == order)
                orders.append(order)
            }
            let store = try LedgerStore(path: path, signer: try KeyFiles.signer(forLedger: path))
            return (orders, Set(try store.state(of: "los").residents))
        }
        let listed = (1...8).map { "l\($0)" }
        let expected = Set(residents.map { BallotOrder.randomPerVoter(seed: PageServer.orderSeed).arrange(listed, id: { $0 }, for: $0) })
        #expect(shown.allSatisfy { Set($0) == Set(listed) && $0.count == 8 })
        #expect(Set(shown) == expected, "each voter sees the order the seed and their id give")
        #expect(Set(shown).count == 3)
    }

    @Test func votingExplainsBrokenLimitsReviewsThenCastsAndTheReceiptChecks() async throws {
        try await PageServer().run { client in
            var browser = client
            _ = try await Self.register(&browser, edition: "bo")
            let choose = try await browser.get("/edycje/bo/glosowanie")
            #expect(choose.html.contains("Cała gmina") && choose.html.contains("Osiedle Parkowe"))
            let ballot = try await browser.get("/edycje/bo/glosowanie/miasto")
            #expect(ballot.html.contains("type=\"checkbox\""))
            let tooMany = try await browser.post(
                "/edycje/bo/glosowanie/miasto", [("projekt", "p1"), ("projekt", "p2"), ("projekt", "p3"), ("akcja", "przelicz")], from: ballot)
            #expect(tooMany.html.contains("Wybrano 3 projekty, a można najwyżej 2."))
            #expect(tooMany.html.contains("Wybrane projekty kosztują razem 650\u{00A0}000\u{00A0}zł, a limit to 500\u{00A0}000\u{00A0}zł."))
            let refused = try await browser.post(
                "/edycje/bo/glosowanie/miasto", [("projekt", "p2"), ("projekt", "p3"), ("akcja", "sprawdz")], from: tooMany)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.html.contains("kosztują razem 550\u{00A0}000\u{00A0}zł"))
            let review = try await browser.post("/edycje/bo/glosowanie/miasto", [("projekt", "p1"), ("projekt", "p2"), ("akcja", "sprawdz")], from: refused)
            #expect(review.html.contains("Sprawdź swój głos") && review.html.contains("Oddaj głos"))
            #expect(review.html.contains("400\u{00A0}000\u{00A0}zł"))
            let cast = try await browser.post("/edycje/bo/glosowanie/miasto", [("projekt", "p1"), ("projekt", "p2"), ("akcja", "oddaj")], from: review)
            #expect(cast.status == .seeOther)
            let receipt = try await browser.follow(cast)
            #expect(receipt.html.contains("Twój głos został oddany i zapisany."))
            let download = try #require(receipt.html.firstMatch(of: try Regex("/edycje/bo/pokwitowanie/[0-9]+/plik")).map { String(receipt.html[$0.range]) })
            let file = try await browser.get(download)
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            let check = try await browser.get("/sprawdz-pokwitowanie")
            let verdict = try await browser.post("/sprawdz-pokwitowanie", [("pokwitowanie", file.html)], from: check)
            #expect(verdict.html.contains("Pokwitowanie jest prawdziwe"))
            let tampered = file.html.replacingOccurrences(of: "p1", with: "p3")
            let failed = try await browser.post("/sprawdz-pokwitowanie", [("pokwitowanie", tampered)], from: check)
            #expect(failed.html.contains("Pokwitowanie się nie zgadza"))
            // The file itself, chosen in the form and sent without JavaScript (multipart).
            #expect(check.html.contains("enctype=\"multipart/form-data\"") && check.html.contains("name=\"plik\""))
            let uploaded = try await browser.postFile("/sprawdz-pokwitowanie", [("pokwitowanie", "")], file: ("plik", "pokwitowanie.json", Array(file.html.utf8)), from: check)
            #expect(uploaded.html.contains("Pokwitowanie jest prawdziwe"), "\(uploaded.status)")
            let uploadedTampered = try await browser.postFile("/sprawdz-pokwitowanie", [], file: ("plik", "pokwitowanie.json", Array(tampered.utf8)), from: check)
            #expect(uploadedTampered.html.contains("Pokwitowanie się nie zgadza"))
            let again = try await browser.get("/edycje/bo/glosowanie/miasto")
            #expect(again.html.contains("ta pula nie pozwala głosować ponownie"))
        }
    }

    @Test func aCumulativeBallotCountsPointsLeft() async throws {
        try await PageServer().run { client in
            var browser = client
            _ = try await Self.register(&browser, edition: "bo")
            let ballot = try await browser.get("/edycje/bo/glosowanie/park")
            #expect(ballot.html.contains("name=\"punkty-p4\""))
            let over = try await browser.post("/edycje/bo/glosowanie/park", [("punkty-p4", "3"), ("punkty-p5", "3"), ("akcja", "przelicz")], from: ballot)
            #expect(over.html.contains("Rozdano 6 punktów, a do rozdzielenia jest 5."))
            let fine = try await browser.post("/edycje/bo/glosowanie/park", [("punkty-p4", "3"), ("punkty-p5", "2"), ("akcja", "przelicz")], from: over)
            #expect(fine.html.contains("Rozdano 5, zostaje 0 punktów"))
            let review = try await browser.post("/edycje/bo/glosowanie/park", [("punkty-p4", "3"), ("punkty-p5", "2"), ("akcja", "sprawdz")], from: fine)
            let cast = try await browser.post("/edycje/bo/glosowanie/park", [("punkty-p4", "3"), ("punkty-p5", "2"), ("akcja", "oddaj")], from: review)
            #expect(cast.status == .seeOther)
        }
    }

    @Test func resultsShowTheChartAndWhyForEveryProject() async throws {
        try await PageServer(demo: true).run { client in
            var browser = client
            let index = try await browser.get("/edycje/demo/wyniki")
            let first = try #require(index.html.firstMatch(of: try Regex("/edycje/demo/wyniki/[a-z0-9_\\-]+")).map { String(index.html[$0.range]) })
            let results = try await browser.get(first)
            #expect(results.status == .ok)
            #expect(results.html.contains("<svg class=\"chart\""))
            #expect(results.html.contains("Dlaczego?"))
            #expect(results.html.contains("Wybrany: miał") || results.html.contains("Kupiony w rundzie"))
        }
    }
}
