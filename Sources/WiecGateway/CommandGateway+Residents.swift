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
        let receipt = try await committer.execute(LedgerWrite(LedgerCommand(command, on: edition, by: actor), idempotencyKey: ledgerKey))
        count(receipt, ballots: command.isBallot ? 1 : 0)
        return receipt
    }

    /// Checks a command against the edition as it is now, appending nothing: the same decision
    /// an execution would take, so a form can explain a refusal before anything is stored.
    ///
    /// - Throws: the `Refusal` an execution would meet now.
    public func check(_ command: Command, on edition: EditionID, by actor: Actor) throws {
        try store.check(LedgerCommand(command, on: edition, by: actor), at: Date())
    }

    /// Registers a person as a resident (a voter) of an edition under a resident id, keeping their
    /// personal data, and the voting pseudonym the ledger issues them, in the erasable tables only;
    /// in the next group commit, durable when this returns. Without a `ledgerKey` nothing is
    /// remembered: a retry is another registration (refused `already_registered`).
    ///
    /// - Throws: `Refusal` (`already_registered`, `too_young`, `idempotency_conflict` when a
    ///   replayed key registered someone else), or the transaction's error.
    public func register(_ person: PersonalData, as resident: ResidentID, on edition: EditionID, by actor: Actor, ledgerKey: String?) async throws -> Receipt {
        // A replayed key returns the first receipt only to the same person (the Appender checks).
        let receipt = try await committer.execute(
            .registration(resident, person: person, on: edition, by: actor, idempotencyKey: ledgerKey))
        count(receipt, ballots: 0)
        return receipt
    }

    /// The resident id a person is registered under in an edition, if they are.
    public func resident(withPesel pesel: Pesel, in edition: EditionID) throws -> ResidentID? {
        try store.resident(withPesel: pesel, in: edition)
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
