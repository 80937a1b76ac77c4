public import WiecTally

/// Who called a village assembly (zebranie wiejskie), art. 5 ust. 2 of the Act on the village fund.
public enum AssemblyConvener: Sendable, Hashable, Codable {
    /// The sołtys.
    case soltys
    /// The rada sołecka.
    case radaSolecka
    /// Adult residents of the sołectwo, by number of signatures (at least the rules' minimum).
    case residents(count: Int)

    enum CodingKeys: String, CodingKey {
        case soltys, radaSolecka = "rada_solecka", residents
    }
}

/// The assembly's votes on one project, as the minutes record them.
public struct AssemblyVotes: Sendable, Hashable, Codable {
    /// Votes for.
    public var inFavour: Int
    /// Votes against.
    public var against: Int
    /// Abstentions.
    public var abstaining: Int

    /// Creates a count.
    public init(inFavour: Int, against: Int, abstaining: Int) {
        self.inFavour = inFavour
        self.against = against
        self.abstaining = abstaining
    }

    /// More votes for than against: the assembly adopted the project.
    public var adopted: Bool { inFavour > against }

    enum CodingKeys: String, CodingKey {
        case inFavour = "for", against, abstaining
    }
}

/// A project (przedsięwzięcie) proposed at a village assembly.
public struct AssemblyProject: Sendable, Hashable, Codable {
    /// Its id within the fund.
    public var id: String
    /// What is to be done.
    public var title: String
    /// The cost estimate (oszacowanie kosztów).
    public var costEstimate: Money
    /// The justification (uzasadnienie).
    public var justification: String
    /// The assembly's votes on it.
    public var votes: AssemblyVotes

    /// Creates a project.
    public init(id: String, title: String, costEstimate: Money, justification: String, votes: AssemblyVotes) {
        self.id = id
        self.title = title
        self.costEstimate = costEstimate
        self.justification = justification
        self.votes = votes
    }
}

/// A village assembly as its minutes record it.
public struct VillageAssembly: Sendable, Hashable, Codable {
    /// Its id.
    public var id: String
    /// The sołectwo.
    public var solectwo: String
    /// Who called it.
    public var convener: AssemblyConvener
    /// The day it was held.
    public var heldOn: CalendarDay
    /// How many residents attended (the attendance list's count; no names).
    public var attendance: Int
    /// The projects proposed, with the votes.
    public var projects: [AssemblyProject]

    /// Creates an assembly record.
    public init(
        id: String, solectwo: String, convener: AssemblyConvener, heldOn: CalendarDay, attendance: Int,
        projects: [AssemblyProject]
    ) {
        self.id = id
        self.solectwo = solectwo
        self.convener = convener
        self.heldOn = heldOn
        self.attendance = attendance
        self.projects = projects
    }

    enum CodingKeys: String, CodingKey {
        case id, solectwo, convener, heldOn = "held_on", attendance, projects
    }
}
