public import WiecCore

/// One command of a batch: what, on which edition, by whom.
public struct LedgerCommand: Sendable, Hashable {
    /// What is asked.
    public var command: Command
    /// The edition it acts on.
    public var edition: EditionID
    /// Who asks.
    public var actor: Actor

    /// Creates a batch item.
    public init(_ command: Command, on edition: EditionID, by actor: Actor) {
        self.command = command
        self.edition = edition
        self.actor = actor
    }
}
