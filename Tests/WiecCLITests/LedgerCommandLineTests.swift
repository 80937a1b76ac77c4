import Foundation
import Testing
import WiecTestSupport

/// The ledger commands through the real `wiec` binary, as an official and an auditor use them.
struct LedgerCommandLineTests {
    typealias CLI = CommandLineTests

    /// A scratch folder removed afterwards.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-cli-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("init, import, tally --db equal to tally FILE.pb, export, verify, proof, verify-receipt", arguments: SharedData.sampleBallots)
    func officialAndAuditor(path: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("bo.sqlite").path
        let initRun = try CLI.wiec(["init", "--db", db])
        #expect(initRun.status == 0, "\(initRun.errors)")
        let mode = try FileManager.default.attributesOfItem(atPath: db + ".key")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let imported = try CLI.wiec(["import", path, "--db", db, "--edition", "bo"])
        #expect(imported.status == 0, "\(imported.errors)")
        let direct = try CLI.wiec(["tally", path])
        let logged = try CLI.wiec(["tally", "--db", db, "--edition", "bo"])
        #expect(logged.status == direct.status)
        #expect(logged.output == direct.output)
        let bundle = folder.appendingPathComponent("bundle").path
        #expect(try CLI.wiec(["export", "--db", db, "--edition", "bo", "--out", bundle]).status == 0)
        let verified = try CLI.wiec(["verify", bundle, "--key", db + ".vkey"])
        #expect(verified.status == 0, "\(verified.errors)")
        #expect(try CLI.wiec(["verify", "--db", db]).status == 0)
        let proof = try CLI.wiec(["proof", "--db", db, "--entry", "3"])
        #expect(proof.status == 0, "\(proof.errors)")
        let receipt = folder.appendingPathComponent("receipt.json").path
        try proof.output.write(toFile: receipt, atomically: true, encoding: .utf8)
        #expect(try CLI.wiec(["verify-receipt", receipt, "--key", db + ".vkey"]).status == 0)
    }

    @Test("verify exits 1 naming the entry when a bundle line was changed")
    func tamperedBundle() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("bo.sqlite").path
        let bundle = folder.appendingPathComponent("bundle").path
        _ = try CLI.wiec(["init", "--db", db])
        _ = try CLI.wiec(["import", SharedData.sampleBallots[0], "--db", db, "--edition", "bo"])
        _ = try CLI.wiec(["export", "--db", db, "--edition", "bo", "--out", bundle])
        let entries = bundle + "/entries.jsonl"
        var lines = try String(contentsOfFile: entries, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "\"budget\":{\"minorUnits\":", with: "\"budget\":{\"minorUnits\":1")
        try (lines.joined(separator: "\n") + "\n").write(toFile: entries, atomically: true, encoding: .utf8)
        let run = try CLI.wiec(["verify", bundle])
        #expect(run.status == 1)
        #expect(run.errors.contains("entry 2:"), "\(run.errors)")
    }

    @Test("erasing a voter nobody registered fails; the arguments are checked", arguments: [
        ["voters", "erase", "--db", "x.sqlite"],
        ["voters", "erase", "--db", "x.sqlite", "--pesel", "44051401359"],
        ["verify"],
        ["tally", "--db", "x.sqlite"],
    ])
    func badArguments(_ arguments: [String]) throws {
        let run = try CLI.wiec(arguments)
        #expect(run.status != 0)
    }
}
