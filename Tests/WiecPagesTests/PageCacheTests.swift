import Foundation
import Testing
import WiecCore
import WiecLedger
import WiecLedgerSQLite
import WiecTally
@testable import WiecPages

/// The rendered HTML the pages keep (a published pool's results body, a ballot's rows) is
/// bounded, and whatever the page shows that changes after it was kept shows up on the next
/// request.
@Suite struct PageCacheTests {
    @Test func aBoundedCacheKeepsTheNewestValuesUpToItsCapacity() {
        let cache = BoundedCache<Int, String>(capacity: 3)
        var made = 0
        func value(_ key: Int) -> String {
            cache.value(for: key) {
                made += 1
                return "v\(key)"
            }
        }
        #expect([1, 2, 3, 1, 2, 3].map(value) == ["v1", "v2", "v3", "v1", "v2", "v3"])
        #expect(made == 3, "a kept value is not made again")
        #expect(value(4) == "v4" && cache.count == 3)
        #expect(value(2) == "v2" && made == 4, "the newer values stay")
        #expect(value(1) == "v1" && made == 5, "the oldest made room for the newest")
        #expect(cache.count == 3)
    }

    /// The store the server runs on, opened beside it as another process would.
    private static func store(_ server: PageServer) throws -> LedgerStore {
        let path = server.configuration.databasePath
        return try LedgerStore(path: path, signer: try KeyFiles.signer(forLedger: path))
    }

    /// Executes a command as the seeding official, under a key of its own.
    private static func run(_ store: LedgerStore, _ command: Command, on edition: EditionID) throws {
        _ = try store.execute(command, on: edition, by: PageServer.official, idempotencyKey: UUID().uuidString, at: Date())
    }

    /// The lines of a checkpoint's note that tell it from another: origin, size and root.
    private static func head(_ note: String) -> String {
        note.split(separator: "\n").prefix(3).joined(separator: "\n")
    }

    @Test func aKeptResultsPageShowsANewCheckpointAndTheVisitorsLanguage() async throws {
        let server = try PageServer()
        let store = try Self.store(server)
        try await server.run { client in
            var browser = client
            func run(_ command: Command, _ edition: EditionID) throws { try Self.run(store, command, on: edition) }
            try run(.advancePhase(to: .closed), "bo")
            try run(.advancePhase(to: .published), "bo")
            let first = try await browser.get("/edycje/bo/wyniki/miasto")
            let published = try #require(try store.checkpoints().last)
            #expect(first.status == .ok && first.html.contains(Self.head(published)))
            let again = try await browser.get("/edycje/bo/wyniki/miasto")
            #expect(again.html == first.html, "the same visitor gets the same page")

            try run(.advancePhase(to: .review), "nowa")
            let later = try #require(try store.checkpoints().last)
            #expect(Self.head(later) != Self.head(published))
            let moved = try await browser.get("/edycje/bo/wyniki/miasto")
            #expect(moved.html.contains(Self.head(later)), "the page names the latest checkpoint")
            #expect(!moved.html.contains(Self.head(published)))

            let english = try await browser.post("/ustawienia", [("jezyk", "en"), ("wroc", "/edycje/bo/wyniki/miasto")], from: moved)
            let inEnglish = try await browser.follow(english)
            #expect(inEnglish.html.contains("<html lang=\"en\""))
            #expect(inEnglish.html.contains("Why?") && !inEnglish.html.contains("Dlaczego?"))

            var stranger = Browser(client: client.client)
            let theirs = try await stranger.get("/edycje/bo/wyniki/miasto")
            #expect(theirs.html.contains("Dlaczego?"))
            #expect(theirs.hidden("_csrf") != moved.hidden("_csrf"), "each visitor's layout carries their own token")
            #expect(theirs.html.components(separatedBy: "name=\"_csrf\"").count == 2, "the kept body carries no token")
        }
    }

    @Test func aKeptBallotRowShowsTheProjectAsReviewedAgainAndTheVotersOwnMarks() async throws {
        let server = try PageServer()
        let store = try Self.store(server)
        @Sendable func run(_ command: Command) throws { try Self.run(store, command, on: "zmiany") }
        @Sendable func review(_ proposal: ProposalID, cost: Int64) throws {
            for stage in ReviewStage.allCases {
                try run(.reviewProposal(
                    proposal: proposal, stage: stage, outcome: .positive, justification: "Zgodny z zasadami.",
                    reviewedCost: stage == .cost ? Money(units: cost) : nil))
            }
        }
        try run(.createEdition(name: "BO Zmiany 2027"))
        try run(.addPool(PoolConfig(id: "pula", name: "Cała gmina", budget: Money(units: 100_000), voteType: .approval)))
        try run(.setAmendmentPolicy(.reviewAgain))
        try run(.advancePhase(to: .submission))
        for (id, title) in [("z1", "Stary tytuł"), ("z2", "Drugi projekt")] {
            try run(.submitProposal(
                id: id, pool: "pula", title: title, description: "Opis.", category: nil, location: nil, costEstimate: Money(units: 10_000),
                initiative: nil))
        }
        try await server.run { client in
            var browser = client
            _ = try await ResidentFlowTests.register(&browser, edition: "zmiany")
            try run(.advancePhase(to: .review))
            try review("z1", cost: 10_000)
            try review("z2", cost: 20_000)
            let before = try await browser.get("/edycje/zmiany/glosowanie/pula")
            #expect(before.html.contains("Stary tytuł") && before.html.contains("10\u{00A0}000\u{00A0}zł"))

            try run(.amendProposal(proposal: "z1", title: "Nowy tytuł", description: nil, costEstimate: nil))
            try review("z1", cost: 12_000)
            let after = try await browser.get("/edycje/zmiany/glosowanie/pula")
            #expect(after.html.contains("Nowy tytuł") && after.html.contains("12\u{00A0}000\u{00A0}zł"))
            #expect(!after.html.contains("Stary tytuł") && !after.html.contains("10\u{00A0}000\u{00A0}zł"))
            #expect(after.html.contains("Głosowanie w tej edycji nie trwa."))

            try run(.advancePhase(to: .appeals))
            try run(.advancePhase(to: .voting))
            let open = try await browser.get("/edycje/zmiany/glosowanie/pula")
            #expect(!open.html.contains("Głosowanie w tej edycji nie trwa."), "the phase change shows at once")
            let marked = try await browser.post("/edycje/zmiany/glosowanie/pula", [("projekt", "z1"), ("akcja", "przelicz")], from: open)
            #expect(marked.html.contains("value=\"z1\" checked") && !marked.html.contains("value=\"z2\" checked"))
            let unmarked = try await browser.get("/edycje/zmiany/glosowanie/pula")
            #expect(!unmarked.html.contains(" checked>"), "a voter's marks are theirs alone")
        }
    }
}
