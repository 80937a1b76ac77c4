/// A thematic workshop (warsztat tematyczny).
public struct Workshop: Sendable, Hashable, Codable {
    /// The workshop's id.
    public var id: WorkshopID
    /// Its theme, e.g. "Zieleń na osiedlu".
    public var theme: String
    /// The day it took place.
    public var date: CalendarDay
    /// Where it took place.
    public var place: String
    /// The facilitator's opaque id or public name as an official.
    public var facilitator: String
    /// How many residents took part.
    public var participants: Int

    /// Creates a workshop record.
    public init(id: WorkshopID, theme: String, date: CalendarDay, place: String, facilitator: String, participants: Int) {
        self.id = id
        self.theme = theme
        self.date = date
        self.place = place
        self.facilitator = facilitator
        self.participants = participants
    }
}
