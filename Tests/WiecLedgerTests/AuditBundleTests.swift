import Foundation
import Pabulib
import Testing
import WiecCore
import WiecTally
@testable import WiecLedger
import WiecExchange

@Suite("The audit bundle: exported, verified offline, tampering caught")
struct AuditBundleTests {
    static func exported() throws -> (TemporaryLedger, String) {
        let ledger = try TemporaryLedger()
        try ledger.publishedEdition()
        _ = try ledger.store.checkpoint(at: ledger.tick())
        let folder = ledger.folder.appendingPathComponent("bundle").path
        _ = try AuditBundle.export(from: ledger.store, edition: TemporaryLedger.edition, verifier: ledger.signer.verifier, to: folder)
        return (ledger, folder)
    }

    static func failure(_ folder: String, key: CheckpointVerifier? = nil) -> VerificationFailure? {
        do {
            _ = try AuditBundle.verify(folder: folder, verifier: key)
            return nil
        } catch {
            return error as? VerificationFailure
        }
    }

    @Test("a fresh bundle verifies with the municipality's key, and its .pb file counts the same")
    func verifies() throws {
        let (ledger, folder) = try Self.exported()
        defer { withExtendedLifetime(ledger) {} }
        let report = try AuditBundle.verify(folder: folder, verifier: ledger.signer.verifier)
        #expect(report.entries == (try ledger.store.head().size))
        #expect(report.tallies.first?.result?.selected == ["A", "C"])
        let file = try PabulibFile.read(path: folder + "/pools/osiedle.pb")
        let result = try Tally.run(file.election(), rule: .greedy)
        #expect(result.selected.map { file.projects[$0].id } == ["A", "C"])
        #expect(file.votes.count == 2)
    }

    @Test("a changed entry line is named by its sequence number")
    func changedLine() throws {
        let (ledger, folder) = try Self.exported()
        defer { withExtendedLifetime(ledger) {} }
        let path = folder + "/entries.jsonl"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("\"ballot_cast\"") })
        lines[index] = lines[index].replacingOccurrences(of: "[\"A\",\"C\"]", with: "[\"B\",\"C\"]")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(Self.failure(folder)?.sequence == Int64(index + 1))
    }

    @Test("a deleted entry line is named by its sequence number")
    func deletedLine() throws {
        let (ledger, folder) = try Self.exported()
        defer { withExtendedLifetime(ledger) {} }
        let path = folder + "/entries.jsonl"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.remove(at: 9)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(Self.failure(folder)?.sequence == 10)
    }

    @Test("a bundle signed by another key, or with results that differ from the log, fails")
    func keyAndResults() throws {
        let (ledger, folder) = try Self.exported()
        defer { withExtendedLifetime(ledger) {} }
        let stranger = try CheckpointSigner(name: "wiec.test/swiecie")
        #expect(Self.failure(folder, key: stranger.verifier) != nil)
        let path = folder + "/results.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "[\"A\",\"C\"]", with: "[\"A\",\"B\"]").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(Self.failure(folder)?.message.contains("results.json") == true)
    }
}
