import Foundation
import Testing
import WiecCore
import WiecGateway
import WiecLedger
import WiecTally
import WiecTestSupport
import WiecLedgerSQLite

/// Registrations through the gateway over a real SQLite ledger: concurrent ones share write
/// transactions (the group commit), and each person still gets a resident id and a voting
/// pseudonym of their own, with one PESEL registered once.
@Suite struct RegistrationGroupCommitTests {
    static let edition = "bo-2027"
    static let desk = Actor(role: .official, id: "registration-desk")

    /// A valid PESEL of someone born in the 1980s, numbered by `serial`.
    static func pesel(_ serial: Int) throws -> Pesel {
        let stem = String(format: "850101%04d", serial)
        let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        let sum = zip(stem, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return try Pesel(stem + String((10 - sum % 10) % 10))
    }

    @Test func concurrentRegistrationsShareTransactions() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiec-registrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let engine = ObservedEngine(try SQLiteEngine(path: folder.appendingPathComponent("wiec.sqlite").path))
        let store = LedgerStore(engine: engine, signer: try CheckpointSigner(name: "wiec.test"))
        _ = try store.execute(.createEdition(name: "BO 2027"), on: Self.edition, by: Self.desk, idempotencyKey: "setup", at: Date())
        let gateway = CommandGateway(store: store)
        let people = 40
        let writesBefore = engine.writes

        // The first registration's transaction is held open while the others arrive.
        engine.holdNextWrite()
        let receipts = try await withThrowingTaskGroup(of: Receipt.self) { group in
            for index in 0..<people {
                group.addTask {
                    try await gateway.register(
                        PersonalData(pesel: try Self.pesel(index), name: "Osoba \(index)"), as: "r-\(index)", on: Self.edition, by: Self.desk,
                        ledgerKey: "registration-\(index)")
                }
            }
            while !engine.isHolding { try await Task.sleep(for: .milliseconds(5)) }
            try await Task.sleep(for: .milliseconds(300))
            engine.release()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(receipts.count == people)
        let transactions = engine.writes - writesBefore
        #expect(transactions < people / 4, "\(transactions) write transactions for \(people) registrations")
        let pseudonyms = try (0..<people).map { try #require(try store.votingPseudonym(of: "r-\($0)", in: Self.edition)) }
        #expect(Set(pseudonyms).count == people)
        #expect(try store.resident(withPesel: try Self.pesel(7), in: Self.edition) == "r-7")
        #expect(try store.state(of: Self.edition).residents.count == people)
        // The same PESEL again, under another key and resident id: refused, nothing stored.
        let again = try await #require(throws: Refusal.self) {
            try await gateway.register(
                PersonalData(pesel: try Self.pesel(0), name: "Osoba 0"), as: "r-again", on: Self.edition, by: Self.desk, ledgerKey: "again")
        }
        #expect(again.reason == .alreadyRegistered)
        #expect(try store.state(of: Self.edition).residents.count == people)
    }
}
