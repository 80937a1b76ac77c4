public import WiecCore

/// One command of a batch: what, on which edition, by whom.
public struct LedgerCommand: Sendable, Hashable {
    public var command: Command
    public var edition: EditionID
    public var actor: Actor

    /// Creates a batch item.
    public init(_ command: Command, on edition: EditionID, by actor: Actor) {
        self.command = command
        self.edition = edition
        self.actor = actor
    }
}
