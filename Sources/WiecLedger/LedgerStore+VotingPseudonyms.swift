import Foundation
import GRDB
public import WiecCore

extension LedgerStore {
    /// The official the log records for the registration of a voting pseudonym, which comes in
    /// the same transaction as the pseudonym's first ballot.
    public static let votingRegister = Actor(role: .official, id: "voting-register")

    /// Decides a command on the folded state, with the actor of each event. A ballot whose voter
    /// is a voting pseudonym that this store issued (``registerResident(_:person:on:by:idempotencyKey:at:)``)
    /// but the log does not hold yet first registers it, by ``votingRegister``, decided together
    /// with the ballot (``Edition/decideFirstBallot(_:_:by:registeredBy:at:)``).
    ///
    /// - Throws: `Refusal` when the command is refused; storage errors otherwise.
    static func decide(_ item: LedgerCommand, on state: EditionState, at time: Date, db: Database) throws -> [(event: Event, actor: Actor)] {
        if case .castBallot(_, let voter, _, _, _, _) = item.command, !state.voters.contains(voter),
            try isIssuedPseudonym(voter, in: item.edition, db: db)
        {
            let first = try Edition.decideFirstBallot(state, item.command, by: item.actor, registeredBy: votingRegister, at: time)
            return [(event: first.registration, actor: votingRegister), (event: first.ballot, actor: item.actor)]
        }
        return try Edition.decide(state, item.command, by: item.actor, at: time).map { (event: $0, actor: item.actor) }
    }

    /// Decides a command against the edition as it is now and appends nothing: the decision an
    /// execution would take, a pseudonym's first ballot included, so that a form can explain a
    /// refusal before anything is stored.
    ///
    /// - Throws: the `Refusal` an execution would meet now; storage errors otherwise.
    public func check(_ item: LedgerCommand, at time: Date) throws {
        let state = try state(of: item.edition)
        _ = try database.read { db in try Self.decide(item, on: state, at: time, db: db) }
    }

    /// Drops an edition's register of voting pseudonyms once its results are published: no
    /// ballot can be cast any more, so nothing needs the PESEL's keyed hash beside a pseudonym,
    /// and from then on not even the store can tell whose a pseudonym was.
    static func retirePseudonyms(after event: Event, in edition: EditionID, db: Database) throws {
        guard case .phaseChanged(_, .published) = event else { return }
        try db.execute(sql: "DELETE FROM voting_pseudonyms WHERE edition = ?", arguments: [edition])
    }

    private static func isIssuedPseudonym(_ voter: VoterID, in edition: EditionID, db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM voting_pseudonyms WHERE edition = ? AND pseudonym = ?)", arguments: [edition, voter])
            ?? false
    }
}
