/// The rules of a village fund (fundusz sołecki) edition: an edition kind of its own, with its own
/// commands and events, kept in the same log as civic budgets. ``decide(_:_:by:on:)`` and
/// ``evolve(_:_:)`` are pure; the day of recording is passed in.
public enum VillageFund {}
