extension Edition {
    /// The highest minimum voter age an edition may set.
    public static let maximumVoterAge = 150

    /// Checks that a person is old enough to register as a voter in an edition.
    ///
    /// The PESEL is only read here, never recorded: the log holds no more than the
    /// `voter_registered` event that follows a successful check.
    ///
    /// - Parameters:
    ///   - state: The edition, with its ``EditionState/minimumVoterAge``.
    ///   - pesel: The person's PESEL, which encodes their birth date.
    ///   - day: The day of registration in the calendar that counts (the store uses Europe/Warsaw).
    /// - Throws: ``Refusal`` `invalid_pesel` when the PESEL's birth date is after `day` (whatever
    ///   the limit), `too_young` when the person's age on `day` is below the edition's limit.
    public static func checkVoterAge(_ state: EditionState, pesel: Pesel, on day: CalendarDay) throws(Refusal) {
        guard pesel.birthDate <= day else {
            throw Refusal(.invalidPesel, "the PESEL encodes a birth date after the day of registration (\(day))")
        }
        guard let minimum = state.minimumVoterAge else { return }
        // The detail names the limit and the day, not the person's age or birth date.
        guard pesel.age(on: day) >= minimum else {
            throw Refusal(.tooYoung, "voters in \(state.id) are at least \(minimum) years old on the day they register (\(day))")
        }
    }
}
