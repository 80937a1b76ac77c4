import Foundation
import Pabulib
import Testing
import WiecCore
import WiecLedger
import WiecTally
import WiecTestSupport
@testable import WiecLedgerSQLite
import WiecExchange

@Suite("Every shared approval, choose-1, cumulative and ordinal election imported, verified and re-tallied")
struct PabulibImportTests {
    /// Files of more ballots than this are imported only by release builds of the tests
    /// (`swift test -c release --filter PabulibImportTests`) and by `scripts/import-all.sh`:
    /// a debug build takes minutes over the three largest shared files.
    #if DEBUG
    static let ballotLimit = 5000
    #else
    static let ballotLimit = Int.max
    #endif

    static let files: [String] = SharedData.pabulibFiles.filter(isImportable)

    /// Whether a file is of a vote type the test imports and small enough for this build.
    static func isImportable(_ name: String) -> Bool {
        guard let file = try? PabulibFile.read(path: SharedData.pabulibPath(name), limitCheck: .report).file else { return true }
        let types: [VoteType] = [.approval, .chooseOne, .cumulative, .ordinal]
        return file[meta: "vote_type"].flatMap(VoteType.init(rawValue:)).map(types.contains) == true && file.votes.count <= ballotLimit
    }

    @Test("import, verify, tally from the log equals the direct tally", .enabled(if: SharedData.pabulibAvailable, Comment(rawValue: SharedData.pabulibMissing)), arguments: files)
    func importVerifyTally(_ name: String) throws {
        // Published ballots that break the file's rules go in as they were counted.
        let (file, warnings) = try PabulibFile.read(path: SharedData.pabulibPath(name), limitCheck: .report)
        let ledger = try TemporaryLedger()
        let receipt = try ledger.store.importPabulib(
            [PabulibImport.Pool(id: "pool", file: file, warnings: warnings)], edition: "import", name: name, idempotencyKey: name,
            at: ledger.tick())
        let report = try LedgerVerifier.verify(databaseAt: ledger.path, verifier: ledger.signer.verifier)
        #expect(report.entries == receipt.lastSequence)
        #expect(report.checkpoints == 5, "one checkpoint per phase change, submission to closed")
        let state = try ledger.store.state(of: "import")
        #expect(state.phase == .closed)
        #expect(state.countedBallots(in: "pool").count == file.votes.count)
        let direct: TallyResult
        do {
            direct = try Tally.run(file.election(), spec: file.ruleSpec(), options: TallyOptions(tieBreaking: .fileOrder))
        } catch {
            // The rule cannot be applied as written: the log must say the same.
            #expect(throws: Refusal.self) { try state.tally("pool") }
            #expect(report.tallies.first?.problem != nil)
            return
        }
        let fromLog = try state.tally("pool")
        #expect(fromLog.selected == direct.selected.map { file.projects[$0].id })
        #expect(fromLog.scores == direct.scores)
        #expect(fromLog.spent == direct.spent)
        #expect(report.tallies.first?.result == fromLog)
    }
}
