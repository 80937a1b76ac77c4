import Foundation
public import WiecCore

extension LedgerStore {
    /// Decides commands one after another against the edition as it is now, each on the state
    /// the ones before it left (a pseudonym's first ballot included), and appends nothing: every
    /// refusal a batch would meet, not only its first, so a form can name each item at fault.
    ///
    /// - Returns: The refused items by their position, in order; empty when the batch would pass.
    /// - Throws: storage errors.
    public func checkEach(_ items: [LedgerCommand], at time: Date) throws -> [(index: Int, refusal: Refusal)] {
        guard let edition = items.first?.edition else { return [] }
        var state = try state(of: edition)
        return try engine.read { reading in
            var refusals: [(index: Int, refusal: Refusal)] = []
            for (index, item) in items.enumerated() {
                do {
                    for decided in try Appender.decide(item, on: state, at: time, reading: reading) { Edition.evolve(&state, decided.event) }
                } catch let refusal as Refusal {
                    refusals.append((index, refusal))
                }
            }
            return refusals
        }
    }
}
