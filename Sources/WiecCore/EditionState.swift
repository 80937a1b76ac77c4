public import HashTreeCollections

/// The current state of an edition: a fold of its events by ``Edition/evolve(_:_:)``.
///
/// What grows with the vote (residents, voters, ballots and their indexes) is kept in persistent
/// collections (`TreeSet`, `TreeDictionary`, ``ChunkedArray``): readers share the state the
/// writer goes on evolving, and a change then copies a path or a chunk, not the whole.
public struct EditionState: Sendable, Hashable {
    /// The edition's id.
    public var id: EditionID
    /// The edition's name; `nil` until it is created.
    public var name: String?
    /// The current phase.
    public var phase: Phase = .draft
    /// The youngest age, in whole years on the day of registration, at which a person may
    /// register as a voter; `nil` when there is no limit.
    public var minimumVoterAge: Int?
    /// What a change of a proposal under review does.
    public var amendmentPolicy: AmendmentPolicy = .refuse
    /// The days the phases are planned to begin, as last announced.
    public var timetable = Timetable()
    /// Pools by id; ``poolOrder`` gives the order they were added.
    public var pools: [PoolID: PoolState] = [:]
    /// Pool ids in the order the pools were added.
    public var poolOrder: [PoolID] = []
    /// Workshops by id.
    public var workshops: [WorkshopID: Workshop] = [:]
    /// Resident initiatives by id.
    public var initiatives: [InitiativeID: Initiative] = [:]
    /// Proposals by id; each pool lists its own in submission order.
    public var proposals: [ProposalID: Proposal] = [:]
    /// Appeals by id, decided or not.
    public var appeals: [AppealID: Appeal] = [:]
    /// The registered residents' random ids.
    public var residents: TreeSet<ResidentID> = []
    /// The registered voting pseudonyms.
    public var voters: TreeSet<VoterID> = []
    /// The pool of every ballot, by ballot id.
    public var ballotPools: TreeDictionary<BallotID, PoolID> = [:]
    /// Published results by pool.
    public var results: [PoolID: PublishedResult] = [:]
    /// The fund, when the edition is a village fund (an edition kind of its own).
    public var villageFund: VillageFundState?
    /// The local initiatives recorded in the edition.
    public var localInitiative = LocalInitiativeState()
    /// The voting points for paper ballots, by id.
    public var votingPoints: [VotingPointID: VotingPointState] = [:]
    /// Voting point ids in the order they were added.
    public var votingPointOrder: [VotingPointID] = []

    /// The state of an edition that does not exist yet.
    public init(id: EditionID) {
        self.id = id
    }

    /// Whether the edition has been created.
    public var exists: Bool { name != nil }
}

/// A pool's configuration, its proposals and its ballots.
public struct PoolState: Sendable, Hashable {
    /// The pool's budget and rules.
    public var config: PoolConfig
    /// The pool's proposals in submission order.
    public var proposals: [ProposalID] = []
    /// Every ballot cast in the pool, in order, voided ones included.
    public var ballots: ChunkedArray<CastBallot> = []
    /// Index into ``ballots`` by ballot id.
    public var ballotIndex: TreeDictionary<BallotID, Int> = [:]
    /// How many ballots of each voter are not voided.
    public var liveBallots: TreeDictionary<VoterID, Int> = [:]

    /// Creates an empty pool.
    public init(config: PoolConfig) {
        self.config = config
    }
}
