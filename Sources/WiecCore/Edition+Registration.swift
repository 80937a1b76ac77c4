import Foundation

extension Edition {
    /// Decides whether a person may register as a voter in an edition: old enough on the day of
    /// registration in Warsaw (``checkVoterAge(_:pesel:on:)``), and registered at most once per
    /// PESEL. The store looks the PESEL's keyed hash up in its register and passes what it found;
    /// the rule is the edition's, here.
    ///
    /// - Parameters:
    ///   - state: The edition.
    ///   - pesel: The person's PESEL, read and never recorded.
    ///   - existing: The resident already registered under the same PESEL in this edition, if any.
    ///   - time: When the registration is recorded.
    /// - Throws: ``Refusal`` `invalid_pesel` or `too_young` (the age), `already_registered`.
    public static func checkRegistration(
        _ state: EditionState, pesel: Pesel, registeredAs existing: ResidentID?, at time: Date
    ) throws(Refusal) {
        try checkVoterAge(state, pesel: pesel, on: CalendarDay(time, in: CalendarDay.warsaw))
        if let existing {
            throw Refusal(.alreadyRegistered, "this person is already registered in \(state.id) as resident \(existing)")
        }
    }
}
