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
}

/// A pool re-tallied by the verifier.
public struct PoolTally: Sendable, Hashable {
    public var edition: EditionID
    public var pool: PoolID
    /// The result recomputed from the log, or `nil` when the pool's rule cannot be applied.
    public var result: PublishedResult?
    /// Why the pool could not be tallied, when it could not.
    public var problem: String?
    /// Whether the log holds a published result (which then equals ``result``).
    public var published: Bool
}
