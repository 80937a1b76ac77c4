public import WiecCore

/// One request to the ledger, as the ``Appender`` takes it: commands on one edition, all or
/// nothing, under one idempotency key (or none); a registration also carries the person's data, which
/// goes to the erasable tables in the same transaction and never into the log.
public struct LedgerWrite: Sendable {
    /// What is asked, in order; each command is decided on the state the ones before it left.
    public var commands: [LedgerCommand]
    /// The request's key: a retry with it returns the first receipt and appends nothing. With
    /// none, nothing is remembered: the same request again is another request.
    public var idempotencyKey: String?
    /// The person a `register_resident` command registers.
    public var person: PersonalData?

    /// A batch of commands on one edition: all or nothing.
    public init(_ commands: [LedgerCommand], idempotencyKey: String?) {
        self.commands = commands
        self.idempotencyKey = idempotencyKey
    }

    /// One command.
    public init(_ command: LedgerCommand, idempotencyKey: String?) {
        self.init([command], idempotencyKey: idempotencyKey)
    }

    /// The registration of a person as a resident of an edition under a resident id.
    public static func registration(
        _ resident: ResidentID, person: PersonalData, on edition: EditionID, by actor: Actor, idempotencyKey: String?
    ) -> LedgerWrite {
        var write = LedgerWrite(LedgerCommand(.registerResident(resident: resident), on: edition, by: actor), idempotencyKey: idempotencyKey)
        write.person = person
        return write
    }
}
