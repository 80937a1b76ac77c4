/// The order in which a pool's projects stand on a voter's ballot: the order they were admitted
/// in (the list's order, as in a `.pb` file), or an order of its own for every voter, drawn from
/// the seed the pool recorded when it was created, so that no project gains by standing first.
///
/// The random order is reproducible by anyone who reads the log: every project's key is
/// SplitMix64 of FNV-1a-64 over the UTF-8 bytes of `seed`, a zero byte, the resident's id, a
/// zero byte and the project's id; projects stand by ascending key, ties by id.
public enum BallotOrder: Sendable, Hashable {
    /// The projects in the pool's list order.
    case listOrder
    /// A separate order for every voter, drawn from `seed`.
    case randomPerVoter(seed: String)

    /// The pool setting's name in the API and the log: `list` or `random`.
    public var name: String {
        switch self {
        case .listOrder: "list"
        case .randomPerVoter: "random"
        }
    }

    /// The projects as `voter` sees them.
    public func arrange<Project>(_ projects: [Project], id: (Project) -> String, for voter: String) -> [Project] {
        guard case .randomPerVoter(let seed) = self else { return projects }
        return projects
            .map { (key: Self.key(seed: seed, voter: voter, project: id($0)), id: id($0), project: $0) }
            .sorted { ($0.key, $0.id) < ($1.key, $1.id) }
            .map(\.project)
    }

    /// The key of one project in one voter's order.
    static func key(seed: String, voter: String, project: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(seed.utf8) + [0] + Array(voter.utf8) + [0] + Array(project.utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var z = hash &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
