/// Projects that cannot all be carried out (e.g. three proposals for the same site): at most
/// ``limit`` of them may be funded. Greedy rules pass over a project whose group is full.
public struct ExclusionGroup: Sendable, Hashable {
    /// Indices into the election's projects.
    public var projects: [Int]
    /// How many of them may be funded, at least one.
    public var limit: Int

    public init(projects: [Int], limit: Int = 1) {
        self.projects = projects
        self.limit = limit
    }
}
