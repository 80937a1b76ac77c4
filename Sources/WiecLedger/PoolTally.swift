public import WiecCore

/// A pool re-tallied by the verifier.
public struct PoolTally: Sendable, Hashable {
    /// The edition of the pool.
    public var edition: EditionID
    /// The pool.
    public var pool: PoolID
    /// The result recomputed from the log, or `nil` when the pool's rule cannot be applied.
    public var result: PublishedResult?
    /// Why the pool could not be tallied, when it could not.
    public var problem: String?
    /// Whether the log holds a published result (which then equals ``result``).
    public var published: Bool
}
