import Foundation
import WiecCore
import WiecGateway
import WiecLedger
import WiecExchange

/// The demo's second edition, `demo-glosowanie`, open for voting: the demo's pools and
/// projects again (approval, ranking and points ballots), and a demo resident who can sign in
/// at once with a PESEL and sign-in code the README gives.
enum DemoVotingSeed {
    /// The edition's id.
    static let edition: EditionID = "demo-glosowanie"
    /// The demo resident's resident id (their ballots carry a voting pseudonym of their own).
    static let resident: ResidentID = "r-demo"
    /// The demo resident's PESEL: the textbook example number, not a person's.
    static let pesel = "44051401359"
    /// The demo resident's sign-in code, set again at every start with `--demo`.
    static let code = "DEMO-DEMO-2028"

    /// A timetable that puts today in the voting: submission began 90 days ago, voting 3 days
    /// ago, and the results come out in three weeks.
    static func timetable(around now: Date) -> Timetable {
        let offsets: [(Phase, Int)] = [(.submission, -90), (.review, -45), (.appeals, -17), (.voting, -3), (.closed, 14), (.published, 21)]
        return Timetable(starts: Dictionary(uniqueKeysWithValues: offsets.map { phase, days in
            (phase, CalendarDay(now.addingTimeInterval(Double(days) * 86_400), in: CalendarDay.warsaw))
        }))
    }

    /// Seeds the edition from the published demo edition.
    static func seed(_ store: LedgerStore, from demo: EditionState) throws {
        let official = PabulibImport.official
        func run(_ step: String, _ commands: [Command]) throws {
            _ = try store.execute(
                batch: commands.map { LedgerCommand($0, on: edition, by: official) }, idempotencyKey: "demo-voting-\(step)", at: Date())
        }
        let pools = demo.poolOrder.compactMap { demo.pools[$0]?.config }
        let proposals = demo.poolOrder.flatMap { demo.admittedProposals(in: $0) }
        try run("setup", [.createEdition(name: "BO Demo 2028"), .setTimetable(timetable(around: Date()))] + pools.map { Command.addPool($0) }
            + [.advancePhase(to: .submission)])
        try run("proposals", proposals.map { proposal in
            .submitProposal(
                id: proposal.id, pool: proposal.pool, title: proposal.title, description: proposal.description, category: proposal.category,
                location: proposal.location, costEstimate: proposal.costEstimate, initiative: nil)
        } + [.advancePhase(to: .review)])
        try run("reviews", proposals.flatMap { proposal in
            ReviewStage.allCases.map { stage in
                Command.reviewProposal(
                    proposal: proposal.id, stage: stage, outcome: .positive, justification: "Projekt spełnia wymogi formalne i prawne.",
                    reviewedCost: stage == .cost ? proposal.reviewedCost ?? proposal.costEstimate : nil)
            }
        } + [.advancePhase(to: .appeals), .advancePhase(to: .voting)])
        _ = try store.registerResident(
            resident, person: PersonalData(pesel: try Pesel(pesel), name: "Mieszkanka Demo"), on: edition, by: CommandGateway.registrationDesk,
            idempotencyKey: "demo-voting-resident", at: Date())
    }

    /// Gives the demo resident the documented sign-in code.
    static func prepareResident(_ access: AccessStore) throws {
        try access.setSignInCode(code, edition: edition, voter: resident)
    }
}
