/// Copies a store to another engine (SQLite to PostgreSQL or back, `wiec migrate`): every entry
/// with its stored hash, every checkpoint as filed, the idempotency keys with their receipts, the
/// editions' secrets, the personal data and the registers of voting pseudonyms, in one write
/// transaction on the target, read from one snapshot of the source. The copy is then verified as
/// stored, in full (every hash, the chain, every checkpoint's signature and root, every tally),
/// and its head hash and checkpoints compared with the source's, before the copy is reported.
public enum LedgerMigration {
    /// What was copied and how it verified.
    public struct Outcome: Sendable {
        /// The entries copied; the target's head.
        public var entries: Int64
        /// The stored hash of the last entry (hex), the same in both stores.
        public var headHash: String
        /// The checkpoints copied, each verified.
        public var checkpoints: Int
        /// The idempotency keys copied.
        public var commands: Int
        /// The residents whose personal data was copied.
        public var residents: Int
        /// The target's verification.
        public var report: VerificationReport
    }

    /// Copies `source` into the empty store `target` and verifies the copy.
    ///
    /// - Throws: ``LedgerError`` when the target is not empty or the copy differs from the source
    ///   (then the target keeps what was written and must not be used); ``VerificationFailure``
    ///   when the copy does not verify; the engines' errors.
    public static func copy(from source: any LedgerEngine, to target: any LedgerEngine, verifier: CheckpointVerifier) throws -> Outcome {
        let copied = try source.read { reading in
            try target.write { writing in
                guard try writing.lastSequence() == 0, try writing.checkpoints().isEmpty else {
                    throw LedgerError.malformed("the target store is not empty; a store is copied only into an empty one")
                }
                let last = try reading.lastSequence()
                if last > 0 { try reading.forEachEntry(in: 1...last) { entry, hash in try writing.append(entry, hash: hash) } }
                let checkpoints = try reading.checkpoints()
                for (size, note) in checkpoints { try writing.fileCheckpoint(size: size, note: note) }
                var commands = 0
                try reading.forEachRememberedCommand { key, command in
                    try writing.remember(command, key: key)
                    commands += 1
                }
                for (edition, secret) in try reading.editionSecrets() { try writing.storeEditionSecret(secret, for: edition) }
                let residents = try reading.personalData()
                for person in residents {
                    try writing.storePersonalData(
                        of: person.resident, in: person.edition, peselHMAC: person.peselHMAC, name: person.name, contact: person.contact)
                }
                for row in try reading.pseudonyms() { try writing.keepPseudonym(row.pseudonym, forPeselHMAC: row.peselHMAC, in: row.edition) }
                return (
                    entries: last, headHash: try reading.storedHash(of: last) ?? LedgerEntry.genesisHash,
                    notes: checkpoints.map(\.note), commands: commands, residents: residents.count
                )
            }
        }
        let report = try LedgerVerifier.verify(target, verifier: verifier)
        let (head, headHash, notes) = try target.read { reading in
            let head = try reading.lastSequence()
            return (head, try reading.storedHash(of: head) ?? LedgerEntry.genesisHash, try reading.checkpoints().map(\.note))
        }
        guard head == copied.entries, headHash == copied.headHash, report.entries == copied.entries else {
            throw LedgerError.storage("the copy's head (\(head), \(Hex.encode(headHash))) is not the source's (\(copied.entries), \(Hex.encode(copied.headHash)))")
        }
        guard notes == copied.notes else { throw LedgerError.storage("the copy's checkpoints are not the source's") }
        return Outcome(
            entries: head, headHash: Hex.encode(headHash), checkpoints: notes.count, commands: copied.commands, residents: copied.residents, report: report)
    }
}
