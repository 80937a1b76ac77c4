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
/// A voting pseudonym: a random id, one per person and edition, under which the person's
/// ballots appear in the log. Nothing public links it to the person's ``ResidentID``; the link
/// lives only in the store's erasable personal data.
public typealias VoterID = String
/// The random id under which a registered resident's public acts (proposals, support
/// signatures, appeals) appear in the log; never on a ballot.
public typealias ResidentID = String
/// The id of one ballot (karta do głosowania).
public typealias BallotID = String
