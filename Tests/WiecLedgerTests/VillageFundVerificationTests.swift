import Testing
import WiecCore
import WiecTally
@testable import WiecLedger

/// `wiec verify` applies the formula of art. 3 ust. 1 again to every announced fund and refuses a
/// log whose amounts differ from it, even with every hash in order.
@Suite("verify recomputes the village fund's amounts")
struct VillageFundVerificationTests {
    static let day = CalendarDay(year: 2026, month: 7, day: 20)

    /// A log of three fund entries, correctly chained, announcing Błotnica's amount plus `extra` grosze.
    static func verify(extra: Int64) throws -> VerificationReport {
        let events: [Event] = [
            .villageFund(.fundOpened(name: "FS 2027", rules: .statutory(budgetYear: 2027))),
            .villageFund(.fundResolutionRecorded(number: "X/1/2026", adoptedOn: CalendarDay(year: 2026, month: 3, day: 20), consents: true)),
            .villageFund(.fundAmountsAnnounced(
                revenue: Money(minorUnits: 1_988_629_357), residents: 5_138, baseAmount: Money(minorUnits: 387_043),
                cap: Money(minorUnits: 3_870_430),
                shares: [SolectwoShare(solectwo: "Błotnica", residents: 77, formulaAmount: Money(minorUnits: 1_072_109 + extra), addition: .zero, additionBasis: nil)],
                announcedOn: day)),
        ]
        var verifier = LedgerVerifier(checkpointSizes: [])
        var previous = LedgerEntry.genesisHash
        for (index, event) in events.enumerated() {
            let (type, body) = try EventCoding.encode(event)
            let entry = LedgerEntry(
                sequence: Int64(index + 1), id: "e-\(index)", time: "2026-07-20T10:00:00.000Z", type: type, actorRole: "official",
                actorID: "wojt", edition: "fs-2027", body: body)
            let hash = entry.hash(previousHash: previous)
            try verifier.add(entry, statedPrevious: previous, statedHash: hash)
            previous = hash
        }
        return try verifier.finish(checkpoints: [], verifier: CheckpointSigner(name: "test").verifier)
    }

    @Test func amountsAsTheFormulaGivesThemVerify() throws {
        #expect(try Self.verify(extra: 0).villageFunds == ["fs-2027"])
    }

    @Test func anAmountOneGroszOffIsNamed() {
        #expect {
            try Self.verify(extra: 1)
        } throws: { error in
            let failure = error as? VerificationFailure
            return failure?.sequence == 3 && failure?.message.contains("differ from the formula of art. 3 ust. 1") == true
        }
    }
}
