public import Foundation
public import WiecCore

extension LedgerStore {
    /// Registers a person as a resident: the log gets `resident_registered` with the random
    /// resident id only; the personal data goes to the erasable table, and the person's voting
    /// pseudonym to the register of pseudonyms, in the same transaction. The pseudonym enters
    /// the log only with the person's first ballot (``votingRegister``), so that neither the
    /// registration nor any public act of the resident shares an entry, an id or a moment with
    /// a ballot.
    ///
    /// The person must be at least the edition's minimum voter age on the day of `time` in the
    /// Europe/Warsaw calendar (``CalendarDay/warsaw``), since that is the day the resident sees
    /// where the budget is run: someone who turns 16 today may register from midnight Polish time.
    ///
    /// A person whose data was erased before the edition was published registers again with the
    /// voting pseudonym they had, so that erasure never opens the door to a second vote.
    ///
    /// - Throws: `Refusal` with `too_young` when the PESEL's age on that day is below the limit,
    ///   `already_registered` when the same PESEL is already registered in the edition, or any
    ///   refusal of the command, with nothing appended or stored; ``LedgerError`` otherwise.
    public func registerResident(
        _ resident: ResidentID, person: PersonalData, on edition: EditionID, by actor: Actor, idempotencyKey: String, at time: Date
    ) throws -> Receipt {
        try execute(
            each: [.registration(resident, person: person, on: edition, by: actor, idempotencyKey: idempotencyKey)], at: time)[0].get()
    }

    /// Erases a resident's personal data: name, contact, and the link from the resident id to
    /// the PESEL's keyed hash and so to the voting pseudonym. The log is untouched, so the chain
    /// still verifies. Until the edition is published the register of voting pseudonyms keeps
    /// the keyed hash beside the pseudonym (no name, no resident id), so that the same person
    /// registering again gets the same pseudonym; publication drops it.
    ///
    /// - Returns: Whether there was anything to erase.
    public func erasePersonalData(of resident: ResidentID) throws -> Bool {
        try engine.write { try $0.erasePersonalData(of: resident) }
    }

    /// The resident id registered for a PESEL in an edition, if any.
    public func resident(withPesel pesel: Pesel, in edition: EditionID) throws -> ResidentID? {
        try engine.read { try $0.resident(withPesel: pesel, in: edition) }
    }

    /// The voting pseudonym of a registered resident: `nil` when the resident's data was erased,
    /// the edition is published, or there is no such resident.
    public func votingPseudonym(of resident: ResidentID, in edition: EditionID) throws -> VoterID? {
        try engine.read { try $0.votingPseudonym(of: resident, in: edition) }
    }

    /// The voting pseudonyms of several residents (a paper batch's cards), in their order, read
    /// in one transaction; `nil` where ``votingPseudonym(of:in:)`` would give `nil`.
    public func votingPseudonyms(of residents: [ResidentID], in edition: EditionID) throws -> [VoterID?] {
        try engine.read { reading in try residents.map { try reading.votingPseudonym(of: $0, in: edition) } }
    }
}

extension LedgerReading {
    /// The resident id registered for a PESEL in an edition, if any: found by the PESEL's keyed
    /// hash under the edition's secret (none yet means nobody is registered).
    func resident(withPesel pesel: Pesel, in edition: EditionID) throws -> ResidentID? {
        guard let secret = try editionSecret(of: edition) else { return nil }
        return try resident(withPeselHMAC: Appender.peselHMAC(pesel, secret: secret), in: edition)
    }
}
