import Foundation
public import WiecCore
public import WiecLedger

extension CommandGateway {
    /// The actor the log records for self-service registrations.
    public static let registrationDesk = Actor(role: .official, id: "registration-desk")

    /// Every edition, in the order they were created.
    public func editions() throws -> [EditionState] {
        try store.editions().map { try store.state(of: $0) }
    }

    /// Executes one command in the next group commit under a ledger key the caller made (the
    /// pages use the form's one-time key); it is durable when this returns.
    ///
    /// - Throws: `Refusal`, or the transaction's error.
    public func execute(_ command: Command, on edition: EditionID, by actor: Actor, ledgerKey: String) async throws -> Receipt {
        let receipt = try await committer.execute(LedgerCommand(command, on: edition, by: actor), idempotencyKey: ledgerKey)
        count(receipt, ballots: command.isBallot ? 1 : 0)
        return receipt
    }

    /// Checks a command against the edition as it is now, appending nothing: the same decision
    /// an execution would take, so a form can explain a refusal before anything is stored.
    ///
    /// - Throws: the `Refusal` an execution would meet now.
    public func check(_ command: Command, on edition: EditionID, by actor: Actor) throws {
        _ = try Edition.decide(try store.state(of: edition), command, by: actor, at: Date())
    }

    /// Registers a person as a voter of an edition under a voter id, keeping their personal data
    /// in the erasable table only.
    ///
    /// - Throws: `Refusal` (`already_registered`, `too_young`, `idempotency_conflict` when a
    ///   replayed key registered someone else), or the transaction's error.
    public func register(_ person: PersonalData, as voter: VoterID, on edition: EditionID, by actor: Actor, ledgerKey: String) throws -> Receipt {
        let receipt = try store.registerVoter(voter, person: person, on: edition, by: actor, idempotencyKey: ledgerKey, at: Date())
        // A replayed key returns the first receipt: only the same person gets its voter id.
        guard try store.voter(withPesel: person.pesel, in: edition) == voter else {
            throw Refusal(.idempotencyConflict, "this idempotency key was used to register someone else")
        }
        count(receipt, ballots: 0)
        return receipt
    }

    /// The voter id a person is registered under in an edition, if they are.
    public func voter(withPesel pesel: Pesel, in edition: EditionID) throws -> VoterID? {
        try store.voter(withPesel: pesel, in: edition)
    }

    /// The signed checkpoints, oldest first.
    public func checkpoints() throws -> [String] {
        try store.checkpoints()
    }

    /// An inclusion receipt of an entry against the latest checkpoint (writing one when it does
    /// not cover the entry yet).
    ///
    /// - Throws: `LedgerError` when there is no such entry.
    public func inclusionReceipt(for sequence: Int64) throws -> InclusionReceipt {
        try store.inclusionReceipt(for: sequence, at: Date())
    }
}
