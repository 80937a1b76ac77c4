/// The id of an edition, e.g. `swiecie-2027`.
public typealias EditionID = String
/// The id of a pool inside an edition, e.g. `city` or `osiedle-3`.
public typealias PoolID = String
/// The id of a proposal (projekt) as the municipality publishes it.
public typealias ProposalID = String
/// The id of a workshop (warsztat tematyczny).
public typealias WorkshopID = String
/// The id of a resident initiative (inicjatywa mieszkańców).
public typealias InitiativeID = String
/// The id of an appeal (odwołanie).
public typealias AppealID = String
/// A random voter id: the only way a voter appears in the log.
public typealias VoterID = String
/// The id of one ballot (karta do głosowania).
public typealias BallotID = String
