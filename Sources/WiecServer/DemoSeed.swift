import Foundation
import Pabulib
import WiecCore
import WiecGateway
import WiecLedger
import WiecExchange

/// Seeds the `demo` edition from the sample ballots, so that a newcomer's first server has an
/// edition with pools, proposals, ballots and published results to look at, and a second one
/// open for voting (``DemoVotingSeed``).
enum DemoSeed {
    /// The demo edition's id.
    static let edition: EditionID = "demo"

    /// Imports every `.pb` file of the folder as a pool of `demo` and publishes the results, then
    /// seeds `demo-glosowanie`, if the store is empty.
    ///
    /// - Returns: Whether it seeded anything.
    static func seedIfEmpty(_ store: LedgerStore, ballotsFolder: String) throws -> Bool {
        guard try store.head().size == 0 else { return false }
        let names = try FileManager.default.contentsOfDirectory(atPath: ballotsFolder).filter { $0.hasSuffix(".pb") }.sorted()
        let pools = try names.map { name in
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ballotsFolder).appendingPathComponent(name)))
            return PabulibImport.Pool(id: String(name.dropLast(3)), file: try PabulibFile.parse(bytes, fileName: name))
        }
        guard !pools.isEmpty else { return false }
        _ = try store.importPabulib(pools, edition: edition, name: "BO Demo 2027", idempotencyKey: "demo-seed", at: Date())
        _ = try store.execute(
            .advancePhase(to: .published), on: edition, by: PabulibImport.official, idempotencyKey: "demo-publish", at: Date())
        try DemoVotingSeed.seed(store, from: try store.state(of: edition))
        return true
    }
}
