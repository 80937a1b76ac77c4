/// The checks every dated act of a village fund or a local initiative passes: it is not dated after
/// the day it is recorded, nor before the act it follows, and the gmina's own acts come from an
/// official over the whole edition.
enum DatedActChecks {
    /// Refuses an act dated after the day of recording.
    static func notAfter(_ today: CalendarDay, _ day: CalendarDay, _ what: String) throws(Refusal) {
        guard day <= today else { throw Refusal(.invalidValue, "\(what) is dated \(day), after today (\(today))") }
    }

    /// Refuses an act dated before the act it follows.
    static func notBefore(_ day: CalendarDay, _ earlier: CalendarDay, _ what: String, _ reference: String) throws(Refusal) {
        guard day >= earlier else { throw Refusal(.outOfOrder, "\(what) (\(day)) cannot precede \(reference) (\(earlier))") }
    }

    /// Refuses anyone but an official with a scope over the whole edition.
    static func officialOverEdition(_ actor: Actor) throws(Refusal) {
        guard actor.role == .official else { throw Refusal(.notAllowed, "only an official of the gmina may do this, not a \(actor.role.rawValue)") }
        guard actor.scope == .edition else { throw Refusal(.notInScope, "this needs a scope over the whole edition") }
    }
}
