public import WiecCore

/// What an engine must do for the ledger: keep entries, checkpoints, idempotency keys and the
/// erasable personal data, in transactions. The ledger itself (``Appender``, ``LedgerFold``,
/// ``LedgerStore``) holds the chain, the Merkle tree, the fold and every rule; an engine owns
/// all of its SQL and nothing else. A new engine implements these three protocols and passes
/// the store suite.
public protocol LedgerEngine: Sendable {
    /// Runs `body` in one write transaction that holds the head of the log: no other writer (a
    /// thread, another process, another node on the same database) appends until it ends. The
    /// transaction is durable when this returns; when `body` throws, nothing of it is kept.
    ///
    /// - Throws: what `body` throws; ``LedgerError/unavailable(_:)`` when the engine cannot
    ///   write now (disk full, I/O error, busy past its timeout); storage errors otherwise.
    func write<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T

    /// Runs `body` on one consistent snapshot of the store, without waiting for a writer.
    func read<T>(_ body: (any LedgerReading) throws -> T) throws -> T
}

/// What the ledger reads from an engine, inside a read or a write transaction.
public protocol LedgerReading {
    /// The sequence number of the last entry; 0 when the log is empty.
    func lastSequence() throws -> Int64

    /// Calls `body` with each entry of `range`, in order, and the hash stored beside it.
    func forEachEntry(in range: ClosedRange<Int64>, _ body: (LedgerEntry, [UInt8]) throws -> Void) throws

    /// The hash stored beside an entry, if there is such an entry.
    func storedHash(of sequence: Int64) throws -> [UInt8]?

    /// The ids of the editions in the log (civic budgets and village funds), in the order they were created.
    func editionIDs() throws -> [EditionID]

    /// The signed checkpoints, smallest tree first, each with the size it was filed under.
    func checkpoints() throws -> [(size: Int64, note: String)]

    /// The commands remembered under any of these idempotency keys, by key: the keys of a
    /// group commit, looked up at once.
    func commands(withKeys keys: [String]) throws -> [String: StoredCommand]

    /// An edition's secret key for the keyed hashes of PESELs, if it has one yet.
    func editionSecret(of edition: EditionID) throws -> [UInt8]?

    /// The resident registered under a PESEL's keyed hash in an edition, if any.
    func resident(withPeselHMAC digest: [UInt8], in edition: EditionID) throws -> ResidentID?

    /// The voting pseudonym of a registered resident whose personal data is kept, if any.
    func votingPseudonym(of resident: ResidentID, in edition: EditionID) throws -> VoterID?

    /// Whether the register of voting pseudonyms holds this one.
    func isIssuedPseudonym(_ voter: VoterID, in edition: EditionID) throws -> Bool

    /// Calls `body` with every command remembered under an idempotency key, with its key, in
    /// no set order (``LedgerMigration``).
    func forEachRememberedCommand(_ body: (String, StoredCommand) throws -> Void) throws

    /// Every edition's secret key for the keyed hashes of PESELs.
    func editionSecrets() throws -> [(edition: EditionID, secret: [UInt8])]

    /// Every resident's personal data kept.
    func personalData() throws -> [StoredPersonalData]

    /// The registers of voting pseudonyms: per edition, each PESEL's keyed hash and its pseudonym.
    func pseudonyms() throws -> [(edition: EditionID, peselHMAC: [UInt8], pseudonym: VoterID)]
}

/// What the ledger writes through an engine, inside ``LedgerEngine/write(_:)``.
public protocol LedgerTransaction: LedgerReading {
    /// Stores the next entry of the log with its hash; the engine refuses a sequence number
    /// already taken (its backstop against a second head).
    func append(_ entry: LedgerEntry, hash: [UInt8]) throws

    /// Remembers a command's receipt under its idempotency key.
    func remember(_ command: StoredCommand, key: String) throws

    /// Files a signed checkpoint of the first `size` entries.
    func fileCheckpoint(size: Int64, note: String) throws

    /// Stores an edition's secret key for the keyed hashes of PESELs.
    func storeEditionSecret(_ secret: [UInt8], for edition: EditionID) throws

    /// Stores a resident's personal data: name and contact, under the PESEL's keyed hash.
    func storePersonalData(
        of resident: ResidentID, in edition: EditionID, peselHMAC: [UInt8], name: String, contact: String?
    ) throws

    /// Registers a voting pseudonym for a PESEL's keyed hash, unless the edition's register
    /// already holds one for it (kept from before an erasure).
    func keepPseudonym(_ pseudonym: VoterID, forPeselHMAC digest: [UInt8], in edition: EditionID) throws

    /// Drops an edition's register of voting pseudonyms.
    func retirePseudonyms(in edition: EditionID) throws

    /// Deletes a resident's personal data.
    ///
    /// - Returns: Whether there was any.
    func erasePersonalData(of resident: ResidentID) throws -> Bool
}
