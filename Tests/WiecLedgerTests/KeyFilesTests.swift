import Foundation
import Testing
import WiecLedger
import WiecTestSupport

/// A ledger's signing key is made once: processes that start at once on a new store all get the
/// one key that was made, and an existing key is never replaced.
@Suite struct KeyFilesTests {
    let folder: TemporaryFolder
    var ledger: String { folder.url.appendingPathComponent("wiec.sqlite").path }

    init() throws {
        folder = try TemporaryFolder("wiec-keys")
    }

    @Test func processesStartingAtOnceAllGetTheOneKeyMade() async throws {
        let path = ledger
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<16 {
                group.addTask { try KeyFiles.signer(forLedger: path, creatingAs: "wiec.local/wiec").verifier.verifierKeyText }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys.count == 1)
        #expect(keys.first == (try KeyFiles.signer(forLedger: path).verifier.verifierKeyText))
        let written = try KeyFiles.verifier(at: KeyFiles.verifierKeyPath(forLedger: path)).verifierKeyText
        #expect(keys.first == written, "the published verifier key is the key's")
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["wiec.sqlite.key", "wiec.sqlite.vkey"])
    }

    @Test func anExistingKeyIsNeverReplaced() throws {
        let first = try KeyFiles.create(forLedger: ledger, name: "wiec.local/wiec")
        #expect(throws: LedgerError.self) { try KeyFiles.create(forLedger: ledger, name: "wiec.local/wiec") }
        #expect(try KeyFiles.signer(forLedger: ledger, creatingAs: "wiec.local/other").verifier.verifierKeyText == first.verifier.verifierKeyText)
    }
}
