import Foundation

/// Where editions live: a store decides commands against the current state and appends the
/// resulting events atomically and durably before it answers.
public protocol EditionStore: Sendable {
    /// Decides a command and appends its events.
    ///
    /// - Parameters:
    ///   - command: What the actor asks.
    ///   - edition: The edition it acts on.
    ///   - actor: Who asks.
    ///   - idempotencyKey: A key unique to this request; a retry with the same key returns the
    ///     first receipt and appends nothing.
    ///   - time: The time written in the entries.
    /// - Returns: Where the events landed.
    /// - Throws: ``Refusal`` when the command is refused; storage errors otherwise.
    func execute(_ command: Command, on edition: EditionID, by actor: Actor, idempotencyKey: String, at time: Date) throws -> Receipt

    /// The current state of an edition (not existing yet if nothing was appended for it).
    func state(of edition: EditionID) throws -> EditionState
}
