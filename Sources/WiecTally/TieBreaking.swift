/// How a rule orders projects that it cannot tell apart. Every result names the one it used.
public enum TieBreaking: Sendable, Hashable {
    /// The order in which the pool lists its projects. For a pabulib file this is the official
    /// ranking, so equal scores stand in the order the city broke the tie.
    case fileOrder
    /// Lower cost first, then the pool's order.
    case cost
    /// Project ids compared as strings, as pabutools does by default.
    case lexicographic
    /// Wiec's own default: lower cost first, then more supporters, then a lottery drawn from a
    /// seed published before the vote.
    case costVotesLottery(seed: String)

    /// The name used on the command line and in results.
    public var name: String {
        switch self {
        case .fileOrder: "file-order"
        case .cost: "cost"
        case .lexicographic: "lexicographic"
        case .costVotesLottery(let seed): "cost-votes-lottery:\(seed)"
        }
    }

    /// Parses a name as printed by ``name``; `cost-votes-lottery` needs a seed after a colon.
    public init?(name: String) {
        switch name {
        case "file-order": self = .fileOrder
        case "cost": self = .cost
        case "lexicographic": self = .lexicographic
        default:
            let prefix = "cost-votes-lottery:"
            guard name.hasPrefix(prefix), name.count > prefix.count else { return nil }
            self = .costVotesLottery(seed: String(name.dropFirst(prefix.count)))
        }
    }

    /// The names accepted by ``init(name:)``, for help texts.
    public static let names = ["file-order", "cost", "lexicographic", "cost-votes-lottery:SEED"]

    /// Each project's priority in a tie (lower wins), indexed like the election's projects.
    /// Priorities are distinct, so they decide every tie.
    public func priorities(in election: Election) -> [Int] {
        let indices = election.projects.indices
        let ordered: [Int]
        switch self {
        case .fileOrder:
            ordered = Array(indices)
        case .cost:
            ordered = indices.sorted { a, b in
                let (ca, cb) = (election.projects[a].cost, election.projects[b].cost)
                return ca != cb ? ca < cb : a < b
            }
        case .lexicographic:
            ordered = Self.lexicographicOrder(election.projects)
        case .costVotesLottery(let seed):
            let supporters = election.supporterCounts()
            let draws = indices.map { Lottery.draw(seed: seed, projectID: election.projects[$0].id) }
            ordered = indices.sorted { a, b in
                let (ca, cb) = (election.projects[a].cost, election.projects[b].cost)
                if ca != cb { return ca < cb }
                if supporters[a] != supporters[b] { return supporters[a] > supporters[b] }
                if draws[a] != draws[b] { return draws[a] < draws[b] }
                return a < b
            }
        }
        var priorities = [Int](repeating: 0, count: ordered.count)
        for (rank, project) in ordered.enumerated() { priorities[project] = rank }
        return priorities
    }

    /// Project indices by id, compared byte by byte in UTF-8 (an id that begins another comes
    /// first), then by index. The first eight bytes of each id, packed big-endian into one
    /// integer with zeros after the end, settle every pair whose packed bytes differ; only
    /// pairs that agree on them compare their ids in full.
    private static func lexicographicOrder(_ projects: [Project]) -> [Int] {
        let packed = projects.map { project in
            var value: UInt64 = 0, shift = 56
            for byte in project.id.utf8.prefix(8) {
                value |= UInt64(byte) << shift
                shift -= 8
            }
            return value
        }
        return projects.indices.sorted { a, b in
            if packed[a] != packed[b] { return packed[a] < packed[b] }
            let (ia, ib) = (projects[a].id, projects[b].id)
            return ia != ib ? ia.utf8.lexicographicallyPrecedes(ib.utf8) : a < b
        }
    }
}

/// The published lottery: a project's draw is the 64-bit FNV-1a hash of `seed + "|" + id`
/// (UTF-8), finished with the SplitMix64 mixer; lower draws win. Anyone can recompute it.
enum Lottery {
    static func draw(seed: String, projectID: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 + [UInt8(ascii: "|")] + projectID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }
}
