public import WiecTally

/// What was carried out of one project of a village fund application, as the gmina recorded it:
/// what residents read under "what was carried out".
public struct ProjectExecution: Sendable, Hashable {
    /// The amount paid from the fund for it so far.
    public private(set) var spent: Money = .zero
    /// The day it was recorded complete, once it is.
    public private(set) var completedOn: CalendarDay?
    /// Every record, oldest first.
    public private(set) var records: [ExecutionRecord] = []

    /// Nothing carried out yet.
    public init() {}

    /// Adds a record; ``VillageFund/decide(_:_:by:on:)`` has checked that the sum fits.
    mutating func record(_ record: ExecutionRecord) {
        spent = Money(minorUnits: spent.minorUnits &+ record.spent.minorUnits)
        if record.completed { completedOn = record.on }
        records.append(record)
    }
}

/// One record of what was carried out of a project.
public struct ExecutionRecord: Sendable, Hashable {
    /// The day of the record.
    public var on: CalendarDay
    /// The amount paid from the fund since the previous record.
    public var spent: Money
    /// Whether the project was complete with it.
    public var completed: Bool
    /// What was done.
    public var note: String
}
