import Foundation
import Testing
import WiecTestSupport

/// `wiec serve --demo`: an empty store gets the edition `demo` from the sample ballots, with
/// its results published, so a newcomer sees something at once.
@Suite struct DemoTests {
    @Test func anEmptyStoreIsSeededWithThePublishedDemoEdition() async throws {
        let server = try TestServer(demo: true)
        try await server.run { client in
            let edition = try await client.get("/api/v1/editions/demo")
            #expect(edition.status == .ok)
            #expect(edition["phase"] as? String == "published")
            #expect((edition["pools"] as? [Any])?.count == SharedData.sampleBallots.count)
            let results = try await client.get("/api/v1/editions/demo/results")
            #expect(results.status == .ok)
            let pools = results["pools"] as? [[String: Any]] ?? []
            #expect(pools.count == SharedData.sampleBallots.count)
            #expect(pools.allSatisfy { !($0["selected"] as? [String] ?? []).isEmpty })
            let health = try await client.get("/healthz")
            #expect(health["entries"] as? Int ?? 0 > 0)
        }
    }
}
