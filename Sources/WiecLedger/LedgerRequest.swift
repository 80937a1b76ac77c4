public import WiecCore

/// What a caller hands the group commit: a ``LedgerWrite`` as it is, or one that the write
/// transaction makes once it has looked up a resident's voting pseudonym.
public enum LedgerRequest: Sendable {
    /// A write whose commands and key are known.
    case write(LedgerWrite)
    /// A write by a resident as their voting pseudonym (a ballot): the transaction looks the
    /// pseudonym up (``LedgerReading/votingPseudonym(of:in:)``) and `make` builds the write for
    /// that voter, so that a ballot takes no read of its own before the write, and the ballot's
    /// id and key derive from the pseudonym, never from the resident id. Refused with
    /// `not_registered` when the resident holds no pseudonym in the edition.
    case asVoter(ResidentID, in: EditionID, make: @Sendable (Actor) throws -> LedgerWrite)
}
