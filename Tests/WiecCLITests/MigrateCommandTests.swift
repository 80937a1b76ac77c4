import Foundation
import Testing
import WiecTestSupport

/// `wiec migrate` and `--store` through the real binary: a SQLite store copied to PostgreSQL and
/// back, each copy verified, counted and used like the original.
struct MigrateCommandTests {
    typealias CLI = CommandLineTests

    /// The PostgreSQL server of the tests (`scripts/test-all` starts one).
    static let server = StoreEngine.postgresURL

    /// A new empty database on the test server, as a URL.
    static func freshDatabase() throws -> String {
        try StoreEngine.postgres.freshStore(in: FileManager.default.temporaryDirectory)
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
        let added = try CLI.wiec(["staff", "add", "--store", source, "--role", "admin", "--scope", "*", "--name", "Anna Admin"], in: folder)
        let account = try #require(added.output.split(separator: "\n").first { $0.hasPrefix("id: ") }?.dropFirst(4))
        let database = try Self.freshDatabase()
        let there = try CLI.wiec(["migrate", "--from", "sqlite:" + source, "--to", database], in: folder)
        #expect(there.status == 0, "\(there.errors)")
        #expect(there.output.contains("OK: the copy verifies"), "\(there.output)")
        // The key and the accounts went into the database: a node in another folder has them.
        let elsewhere = try LedgerCommandLineTests.scratch()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let verified = try CLI.wiec(["verify", "--store", database], in: elsewhere)
        #expect(verified.status == 0, "\(verified.errors)")
        #expect(try CLI.wiec(["staff", "list", "--store", database], in: elsewhere).output.contains(account))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "a PostgreSQL store keeps nothing in the folder")
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
        #expect(try CLI.wiec(["staff", "list", "--db", back], in: folder).output.contains(account))
        #expect(try CLI.wiec(["tally", "--db", back, "--edition", "bo"], in: folder).output == original.output)
    }

    @Test(
        "wiec init on PostgreSQL keeps the key in the database: a second init from another folder is refused, and a copy into it too",
        .enabled(if: server != nil, "WIEC_TEST_POSTGRES is not set (scripts/test-all starts a PostgreSQL cluster)"))
    func initOnPostgres() throws {
        let (one, two) = (try LedgerCommandLineTests.scratch(), try LedgerCommandLineTests.scratch())
        defer { for folder in [one, two] { try? FileManager.default.removeItem(at: folder) } }
        let database = try Self.freshDatabase()
        let made = try CLI.wiec(["init", "--store", database], in: one)
        #expect(made.status == 0, "\(made.errors)")
        let left = try FileManager.default.contentsOfDirectory(atPath: one.path)
        #expect(left.isEmpty, "\(left) \(made.output)")
        let again = try CLI.wiec(["init", "--store", database], in: two)
        #expect(again.status != 0 && again.errors.contains("exists already"), "\(again.errors)")
        #expect(try CLI.wiec(["verify", "--store", database], in: two).status == 0)
        let source = two.appendingPathComponent("bo.sqlite").path
        #expect(try CLI.wiec(["init", "--db", source], in: two).status == 0)
        let copy = try CLI.wiec(["migrate", "--from", source, "--to", database], in: two)
        #expect(copy.status != 0 && copy.errors.contains("holds a signing key"), "\(copy.errors)")
    }
}
