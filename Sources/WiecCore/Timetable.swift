/// The days on which an edition's phases are planned to begin, as the town announces them
/// (harmonogram): each phase runs from its day to the day before the next dated phase. The
/// phases themselves still change only by a recorded phase change; the timetable is what
/// residents are told to expect.
public struct Timetable: Sendable, Hashable {
    /// The first day of each dated phase.
    public var starts: [Phase: CalendarDay]

    /// A timetable with these first days.
    public init(starts: [Phase: CalendarDay] = [:]) {
        self.starts = starts
    }

    /// The phases a timetable dates: every phase after the draft.
    public static let datedPhases = Phase.allCases.filter { $0 != .draft }

    /// The last day of `phase`: the day before the next dated phase begins, if one is dated.
    public func end(of phase: Phase) -> CalendarDay? {
        guard starts[phase] != nil else { return nil }
        return Self.datedPhases.filter { $0 > phase }.lazy.compactMap { starts[$0] }.first?.dayBefore
    }

    /// Why the timetable cannot be an edition's, or `nil` when it can.
    var problem: String? {
        if starts[.draft] != nil { return "the draft has no date in a timetable" }
        if let day = starts.values.first(where: { !$0.isValid }) { return "\(day) is not a day of the calendar" }
        let dated = Self.datedPhases.compactMap { phase in starts[phase].map { (phase, $0) } }
        for (earlier, later) in zip(dated, dated.dropFirst()) where later.1 <= earlier.1 {
            return "\(later.0.rawValue) begins on \(later.1), not after \(earlier.0.rawValue) (\(earlier.1))"
        }
        return nil
    }
}

extension Timetable: Codable {
    /// Decodes `{"submission": "2027-03-01", ...}`: a phase and its first day, as ISO 8601.
    public init(from decoder: any Decoder) throws {
        let days = try decoder.singleValueContainer().decode([String: String].self)
        var starts: [Phase: CalendarDay] = [:]
        for (name, text) in days {
            guard let phase = Phase(rawValue: name), let day = CalendarDay(iso: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(name): \(text) is not a phase and a day"))
            }
            starts[phase] = day
        }
        self.init(starts: starts)
    }

    /// Encodes the phases and their days as an object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: starts.map { ($0.key.rawValue, $0.value.description) }))
    }
}
