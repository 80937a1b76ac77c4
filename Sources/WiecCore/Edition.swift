/// The rules of an edition: ``decide(_:_:by:)`` turns a command into events or refuses it,
/// ``evolve(_:_:)`` applies an event. Both are pure; time and ids come in with the command.
public enum Edition {}
