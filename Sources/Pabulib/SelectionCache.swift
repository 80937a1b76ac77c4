/// Remembers the `vote` fields already read, so that a selection many voters wrote the same way
/// (`2025/DAB/0002,2025/DAB/0010`) is read, checked and stored once and then shared.
///
/// It pays only while selections repeat: after every ``window`` votes it looks at how many of
/// them were new, and when that was more than half it stops remembering for the rest of the
/// file (large city-wide votes, where most selections are unique). The outcome is the same
/// either way; only the time differs.
struct SelectionCache {
    /// The votes between two looks at how often selections repeat.
    static let window = 256

    private var index: ByteKeyTable
    /// Per known selection: its projects, any project it names twice, and the first limit on
    /// length or cost it breaks.
    private var selections: [(projects: [Int], repeats: Repeats?, violation: BallotRules.Violation?)] = []
    private var isOn = true
    /// Whether the last field asked about was new and stored, waiting for what it reads as.
    private var awaitsSelection = false
    private var votesInWindow = 0
    private var newInWindow = 0

    /// - Parameter expectedVotes: how many votes the file is expected to hold (a hint).
    init(expectedVotes: Int) {
        // Sized for as many selections as one window can bring; it grows past that when it pays.
        index = ByteKeyTable(capacity: min(expectedVotes, Self.window))
    }

    /// The projects, repeats and length-or-cost violation of a `vote` field read before, or
    /// `nil` when it is new (or the cache is off): the caller reads it and hands it to
    /// ``remember(_:repeats:violation:)``.
    mutating func known(_ field: CSVScanner.Field) -> (projects: [Int], repeats: Repeats?, violation: BallotRules.Violation?)? {
        guard isOn else { return nil }
        let known = index.insert(field, value: selections.count)
        votesInWindow += 1
        if known == nil { newInWindow += 1 }
        if votesInWindow == Self.window {
            if newInWindow * 2 > Self.window { isOn = false }
            (votesInWindow, newInWindow) = (0, 0)
        }
        guard let known else {
            awaitsSelection = true
            return nil
        }
        return selections[known]
    }

    /// Stores what was read of the field that ``known(_:)`` last reported new.
    mutating func remember(_ projects: [Int], repeats: Repeats?, violation: BallotRules.Violation?) {
        guard awaitsSelection else { return }
        awaitsSelection = false
        selections.append((projects, repeats, violation))
    }
}
