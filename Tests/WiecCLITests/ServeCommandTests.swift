import Foundation
import Testing
import WiecTestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `wiec staff` and `wiec serve` as a municipality runs them: a staff token printed once and
/// working over HTTP, revocation, and a clean stop on SIGTERM.
struct ServeCommandTests {
    @Test func staffTokensWorkOverHTTPAndTheServerStopsCleanlyOnSIGTERM() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("wiec.sqlite").path
        let added = try CommandLineTests.wiec(["staff", "add", "--db", db, "--role", "admin", "--scope", "*", "--name", "Anna Nowak"])
        #expect(added.status == 0, "\(added.errors)")
        let token = try #require(added.output.split(separator: "\n").first { $0.hasPrefix("token: ") }?.dropFirst(7))
        let id = try #require(added.output.split(separator: "\n").first { $0.hasPrefix("id: ") }?.dropFirst(4))
        #expect(!String(decoding: try Data(contentsOf: URL(fileURLWithPath: db + ".access")), as: UTF8.self).contains(String(token)))
        #expect(try CommandLineTests.wiec(["staff", "list", "--db", db]).output.contains("Anna Nowak"))

        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = Process()
        server.executableURL = CommandLineTests.executable
        server.arguments = ["serve", "--db", db, "--port", String(port)]
        let log = Pipe()
        server.standardError = log
        server.standardOutput = log
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        let base = URL(string: "http://127.0.0.1:\(port)")!
        var healthy = false
        for _ in 0..<100 where !healthy {
            healthy = (try? await URLSession.shared.data(from: base.appendingPathComponent("healthz")))
                .map { ($0.1 as? HTTPURLResponse)?.statusCode == 200 } ?? false
            if !healthy { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(healthy)

        func createEdition(_ edition: String) async throws -> Int {
            var request = URLRequest(url: base.appendingPathComponent("api/v1/editions"))
            request.httpMethod = "POST"
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"id":"\#(edition)","name":"BO"}"#.utf8)
            let (_, response) = try await URLSession.shared.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        }
        #expect(try await createEdition("bo") == 201)
        #expect(try CommandLineTests.wiec(["staff", "revoke", "--db", db, String(id)]).status == 0)
        #expect(try await createEdition("bo2") == 401)

        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(output.contains("stopped"), "\(output)")
        // The acknowledged edition is in the ledger the server left.
        #expect(try CommandLineTests.wiec(["verify", "--db", db]).status == 0)
    }
}
