public import WiecCore

/// What a successful verification checked.
public struct VerificationReport: Sendable, Hashable {
    /// The number of entries whose hashes and chain were checked.
    public var entries: Int64
    /// The number of checkpoints whose signatures and roots were checked.
    public var checkpoints: Int
    /// The Merkle root (hex) of the whole log.
    public var root: String
    /// Every pool of a closed edition, re-tallied from the log.
    public var tallies: [PoolTally]
    /// The village funds whose announced amounts were recomputed from their inputs and matched.
    public var villageFunds: [EditionID]
}
