import Foundation
import Testing
import WiecTestSupport

/// `wiec migrate` and `--store` through the real binary: a SQLite store copied to PostgreSQL and
/// back, each copy verified, counted and used like the original.
struct MigrateCommandTests {
    typealias CLI = CommandLineTests

    /// The PostgreSQL server of the tests (`scripts/test-all` starts one).
    static let server = ProcessInfo.processInfo.environment["WIEC_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// A new empty database on the test server, as a URL.
    static func freshDatabase() throws -> String {
        let server = try #require(Self.server)
        let name = "wiec_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [server, "-q", "-c", "CREATE DATABASE \(name)"]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "psql could not create \(name)")
        return server.split(separator: "/").dropLast().joined(separator: "/") + "/" + name
    }

    @Test("a SQLite store copied to SQLite: verified, the same count, a second copy into it refused")
    func sqliteToSQLite() throws {
        let folder = try LedgerCommandLineTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("bo.sqlite").path
        #expect(try CLI.wiec(["init", "--store", "sqlite:" + source], in: folder).status == 0)
        #expect(try CLI.wiec(["import", SharedData.sampleBallots[0], "--store", source, "--edition", "bo"], in: folder).status == 0)
        let copy = folder.appendingPathComponent("copy.sqlite").path
        let run = try CLI.wiec(["migrate", "--from", source, "--to", "sqlite:" + copy], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("OK: the copy verifies"), "\(run.output)")
        #expect(FileManager.default.fileExists(atPath: copy + ".key"))
        #expect(try CLI.wiec(["verify", "--store", "sqlite:" + copy], in: folder).status == 0)
        let original = try CLI.wiec(["tally", "--db", source, "--edition", "bo"], in: folder)
        #expect(try CLI.wiec(["tally", "--store", copy, "--edition", "bo"], in: folder).output == original.output)
        let again = try CLI.wiec(["migrate", "--from", source, "--to", copy], in: folder)
        #expect(again.status != 0)
        #expect(again.errors.contains("exists already"), "\(again.errors)")
    }

    @Test(
        "a SQLite store copied to PostgreSQL and back: each copy verifies, counts the same, and serves writes",
        .enabled(if: server != nil, "WIEC_TEST_POSTGRES is not set (scripts/test-all starts a PostgreSQL cluster)"))
    func throughPostgres() throws {
        let folder = try LedgerCommandLineTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("bo.sqlite").path
        #expect(try CLI.wiec(["init", "--db", source], in: folder).status == 0)
        #expect(try CLI.wiec(["import", SharedData.sampleBallots[0], "--db", source, "--edition", "bo"], in: folder).status == 0)
        let database = try Self.freshDatabase()
        let there = try CLI.wiec(["migrate", "--from", "sqlite:" + source, "--to", database], in: folder)
        #expect(there.status == 0, "\(there.errors)")
        #expect(there.output.contains("OK: the copy verifies"), "\(there.output)")
        let verified = try CLI.wiec(["verify", "--store", database], in: folder)
        #expect(verified.status == 0, "\(verified.errors)")
        let original = try CLI.wiec(["tally", "--db", source, "--edition", "bo"], in: folder)
        #expect(try CLI.wiec(["tally", "--store", database, "--edition", "bo"], in: folder).output == original.output)
        // The copy on PostgreSQL takes writes with the key that came along.
        let proof = try CLI.wiec(["proof", "--store", database, "--entry", "3"], in: folder)
        #expect(proof.status == 0, "\(proof.errors)")
        #expect(try CLI.wiec(["migrate", "--from", "sqlite:" + source, "--to", database], in: folder).status != 0)
        let back = folder.appendingPathComponent("back.sqlite").path
        let returned = try CLI.wiec(["migrate", "--from", database, "--to", "sqlite:" + back], in: folder)
        #expect(returned.status == 0, "\(returned.errors)")
        #expect(try CLI.wiec(["verify", "--db", back], in: folder).status == 0)
        #expect(try CLI.wiec(["tally", "--db", back, "--edition", "bo"], in: folder).output == original.output)
    }
}
