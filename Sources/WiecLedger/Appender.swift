import Crypto
import Foundation
import WiecCore

/// The only path from a command to appended entries, inside one write transaction of an engine:
/// the idempotency key first (a retry gets its first receipt), then each command decided on the
/// folded state (each on the state the ones before it left), then the events as entries: canonical
/// bytes, hash chained to the head, Merkle frontier, fold, a signed checkpoint after each phase
/// change (``Event/isCheckpointed``), a registration's personal data, and the receipt remembered
/// under the key. A refused request appends nothing and leaves the fold as it was.
struct Appender {
    /// The official the log records for the registration of a voting pseudonym, which comes in
    /// the same transaction as the pseudonym's first ballot.
    static let votingRegister = Actor(role: .official, id: "voting-register")

    let transaction: any LedgerTransaction
    let signer: CheckpointSigner
    let time: Date
    let timeText: String

    init(_ transaction: any LedgerTransaction, signer: CheckpointSigner, at time: Date) {
        self.transaction = transaction
        self.signer = signer
        self.time = time
        self.timeText = Timestamp.format(time)
    }

    /// Decides a request on the fold and appends its events.
    ///
    /// - Parameter remembered: The commands remembered under the keys of the transaction's
    ///   requests, looked up at once (``LedgerReading/commands(withKeys:)``); this request's is
    ///   added when it is appended, so a retry in the same transaction gets its receipt. A
    ///   request without a key is remembered nowhere.
    /// - Returns: The receipt, or the refusal (a `Refusal`, with nothing appended).
    /// - Throws: ``LedgerError`` or the engine's errors; the transaction must then be abandoned.
    func apply(
        _ write: LedgerWrite, to fold: inout LedgerFold, remembered: inout [String: StoredCommand]
    ) throws -> Result<Receipt, any Error> {
        guard let edition = write.commands.first?.edition, write.commands.allSatisfy({ $0.edition == edition }) else {
            throw LedgerError.malformed("a batch holds at least one command, all on one edition")
        }
        let fingerprint = try write.idempotencyKey.map { _ in try Self.fingerprint(write.commands) }
        if let key = write.idempotencyKey, let stored = remembered[key] {
            guard stored.fingerprint == fingerprint else {
                return .failure(Refusal(.idempotencyConflict, "idempotency key \(key) was used for another command"))
            }
            guard try registersTheSamePerson(write, in: edition) else {
                return .failure(Refusal(.idempotencyConflict, "idempotency key \(key) was used to register someone else"))
            }
            return .success(stored.receipt)
        }
        // The state is taken out of the fold so that evolving it copies nothing; a batch keeps the
        // state it started from, to put back when a later command is refused.
        var state = fold.editions.removeValue(forKey: edition) ?? EditionState(id: edition)
        let start = write.commands.count > 1 ? state : nil
        var decided: [[(event: Event, actor: Actor)]] = []
        var peselHMAC: [UInt8]?
        for (position, item) in write.commands.enumerated() {
            do {
                let events = try Self.decide(item, on: state, at: time, reading: transaction)
                if let person = write.person { peselHMAC = try registrationCheck(person, on: state) }
                for (event, _) in events { Edition.evolve(&state, event) }
                decided.append(events)
            } catch let refusal as Refusal {
                fold.editions[edition] = start ?? state
                let count = write.commands.count
                return .failure(count == 1 ? refusal : Refusal(refusal.reason, "command \(position + 1) of \(count): \(refusal.detail)"))
            } catch {
                fold.editions[edition] = start ?? state
                throw error
            }
        }
        let first = fold.head + 1
        var leaf: [UInt8] = []
        for events in decided {
            var checkpointed = false
            for (event, actor) in events {
                leaf = try append(event, actor: actor, edition: edition, to: &fold)
                if case .phaseChanged(_, .published) = event { try transaction.retirePseudonyms(in: edition) }
                if event.isCheckpointed { checkpointed = true }
            }
            if checkpointed { try checkpoint(fold) }
        }
        fold.editions[edition] = state
        if let person = write.person, let peselHMAC, case .registerResident(let resident) = write.commands[0].command {
            try transaction.storePersonalData(of: resident, in: edition, peselHMAC: peselHMAC, name: person.name, contact: person.contact)
            // A pseudonym kept from before an erasure stays the person's.
            try transaction.keepPseudonym(Self.newPseudonym(), forPeselHMAC: peselHMAC, in: edition)
        }
        let receipt = Receipt(edition: edition, firstSequence: first, lastSequence: fold.head, lastHash: Hex.encode(fold.headHash), lastLeafHash: Hex.encode(leaf))
        if let key = write.idempotencyKey, let fingerprint {
            let stored = StoredCommand(fingerprint: fingerprint, receipt: receipt)
            try transaction.remember(stored, key: key)
            remembered[key] = stored
        }
        return .success(receipt)
    }

    /// The write a request asks for, with a resident's voting pseudonym looked up in this
    /// transaction when it is made for a voter.
    ///
    /// - Returns: The write, or the refusal (`not_registered`, or why `make` refused).
    /// - Throws: The engine's errors; the transaction must then be abandoned.
    func write(for request: LedgerRequest) throws -> Result<LedgerWrite, any Error> {
        switch request {
        case .write(let write):
            return .success(write)
        case .asVoter(let resident, let edition, let make):
            guard let pseudonym = try transaction.votingPseudonym(of: resident, in: edition) else {
                return .failure(Refusal(
                    .notRegistered, "resident \(resident) holds no voting pseudonym in \(edition) (not registered, erased, or the edition is published)"))
            }
            return Result { try make(Actor(role: .voter, id: pseudonym)) }
        }
    }

    /// Files a checkpoint of the whole fold, unless the latest one already covers it.
    func checkpoint(_ fold: LedgerFold) throws {
        guard try transaction.checkpoints().last?.size != fold.head else { return }
        let checkpoint = Checkpoint(origin: signer.name, size: fold.head, root: fold.frontier.root, time: timeText)
        try transaction.fileCheckpoint(size: checkpoint.size, note: try signer.sign(checkpoint))
    }

    /// Appends one event as the next entry and advances the fold (not the edition's state,
    /// which ``apply(_:to:)`` evolved while deciding).
    ///
    /// - Returns: The entry's RFC 6962 leaf hash.
    private func append(_ event: Event, actor: Actor, edition: EditionID, to fold: inout LedgerFold) throws -> [UInt8] {
        let (type, body) = try EventCoding.encode(event)
        let entry = LedgerEntry(
            sequence: fold.head + 1, id: EntryID.random(), time: timeText, type: type,
            actorRole: actor.role.rawValue, actorID: actor.id, edition: edition, body: body)
        let bytes = entry.canonicalBytes(previousHash: fold.headHash)
        let hash = Array(SHA256.hash(data: bytes))
        try transaction.append(entry, hash: hash)
        return fold.advance(sequence: entry.sequence, bytes: bytes, hash: hash)
    }

    /// The registration rules the log cannot judge alone (``Edition/checkRegistration(_:pesel:registeredAs:at:)``),
    /// with the resident the register holds under the PESEL's keyed hash.
    ///
    /// - Returns: The PESEL's keyed hash under the edition's secret.
    /// - Throws: `Refusal` `too_young`, `invalid_pesel` or `already_registered`.
    private func registrationCheck(_ person: PersonalData, on state: EditionState) throws -> [UInt8] {
        let digest = try peselHMAC(person.pesel, in: state.id)
        try Edition.checkRegistration(
            state, pesel: person.pesel, registeredAs: try transaction.resident(withPeselHMAC: digest, in: state.id), at: time)
        return digest
    }

    /// Whether a replayed registration names the person its key registered. The fingerprint
    /// holds the resident id (made from the key), never the PESEL, so without this another
    /// person replaying the key would get the first one's resident id. Any other write is the same.
    private func registersTheSamePerson(_ write: LedgerWrite, in edition: EditionID) throws -> Bool {
        guard let person = write.person, case .registerResident(let resident) = write.commands[0].command else { return true }
        return try transaction.resident(withPesel: person.pesel, in: edition) == resident
    }

    /// HMAC-SHA256 of a PESEL under the edition's secret key, created on first use.
    private func peselHMAC(_ pesel: Pesel, in edition: EditionID) throws -> [UInt8] {
        var secret = try transaction.editionSecret(of: edition)
        if secret == nil {
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
            try transaction.storeEditionSecret(key, for: edition)
            secret = key
        }
        return Self.peselHMAC(pesel, secret: secret!)
    }

    /// HMAC-SHA256 of a PESEL's digits under an edition's secret.
    static func peselHMAC(_ pesel: Pesel, secret: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(pesel.digits.utf8), using: SymmetricKey(data: secret)))
    }

    /// A fresh random voting pseudonym: drawn, never derived, so that no key links it to anything.
    private static func newPseudonym() -> VoterID {
        "v-" + SymmetricKey(size: .bits128).withUnsafeBytes { Hex.encode(Array($0)) }
    }

    /// Decides a command on a state, with the actor of each event. A ballot whose voter is a
    /// voting pseudonym that the store issued but the log does not hold yet first registers it,
    /// by ``votingRegister``, decided together with the ballot
    /// (``Edition/decideFirstBallot(_:_:by:registeredBy:at:)``).
    ///
    /// - Throws: `Refusal` when the command is refused; the engine's errors otherwise.
    static func decide(
        _ item: LedgerCommand, on state: EditionState, at time: Date, reading: any LedgerReading
    ) throws -> [(event: Event, actor: Actor)] {
        if case .castBallot(_, let voter, _, _, _, _) = item.command, !state.voters.contains(voter),
            try reading.isIssuedPseudonym(voter, in: item.edition)
        {
            let first = try Edition.decideFirstBallot(state, item.command, by: item.actor, registeredBy: votingRegister, at: time)
            return [(event: first.registration, actor: votingRegister), (event: first.ballot, actor: item.actor)]
        }
        return try Edition.decide(state, item.command, by: item.actor, at: time).map { (event: $0, actor: item.actor) }
    }

    /// A fingerprint of what a batch asks, so a reused idempotency key with another request is
    /// refused. A large batch (an import) is fingerprinted by its size and its first and last 64
    /// commands, which is enough to tell one import from another at a fraction of the cost.
    static func fingerprint(_ batch: [LedgerCommand]) throws -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array("\(batch.count)\n".utf8))
        let sample = batch.count <= 128 ? batch[...] : batch.prefix(64) + batch.suffix(64)
        for item in sample {
            hasher.update(data: try EventCoding.canonical(item.command))
            hasher.update(data: Array("\n\(item.edition)\n\(item.actor.role.rawValue)\n\(item.actor.id)\n".utf8))
        }
        return Array(hasher.finalize())
    }
}
