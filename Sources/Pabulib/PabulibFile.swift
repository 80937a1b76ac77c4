public import WiecTally

/// A pabulib `.pb` file: the META section, the projects and the votes, with every column kept.
///
/// Structural columns (`project_id`, `cost`; `voter_id`, `vote`, `points`) are parsed into typed
/// fields; every other column is kept as text in file order, so a file written back says the same.
public struct PabulibFile: Sendable, Hashable {
    /// META entries in file order.
    public var meta: [MetaEntry]
    /// The names of the project columns other than `project_id` and `cost`, in file order.
    public var projectColumns: [String]
    /// The projects in file order (the official ranking in published files).
    public var projects: [PabulibProject]
    /// The names of the vote columns other than `voter_id`, `vote` and `points`, in file order.
    public var voteColumns: [String]
    /// The votes in file order.
    public var votes: [PabulibVote]
    /// Whether the VOTES section has a `points` column.
    public var hasPoints: Bool

    public init(
        meta: [MetaEntry], projectColumns: [String], projects: [PabulibProject],
        voteColumns: [String], votes: [PabulibVote], hasPoints: Bool
    ) {
        self.meta = meta
        self.projectColumns = projectColumns
        self.projects = projects
        self.voteColumns = voteColumns
        self.votes = votes
        self.hasPoints = hasPoints
    }

    /// The value of a META key, if present.
    public subscript(meta key: String) -> String? {
        meta.first { $0.key == key }?.value
    }

    /// The value of a project's extra column, if the file has that column.
    public func value(_ column: String, of project: PabulibProject) -> String? {
        projectColumns.firstIndex(of: column).map { project.values[$0] }
    }

    /// The value of a vote's extra column, if the file has that column.
    public func value(_ column: String, of vote: PabulibVote) -> String? {
        voteColumns.firstIndex(of: column).map { vote.values[$0] }
    }

    /// The rule the file says decided the vote (`rule` in META).
    public var rule: String? { self[meta: "rule"] }

    /// Each project's `selected` value as a whole number, indexed like ``projects``, or `nil`
    /// without that column; a value that is not a whole number is `nil`.
    ///
    /// Published files write 0 (not funded), 1 (funded), 2 (funded under a local rule: Poznań's
    /// 80% top-up, Gdynia's turnout award…) and 3 (funded later from reserve funds); the
    /// `comment` explains 2 and 3 where they occur.
    public var selections: [Int?]? {
        guard let column = projectColumns.firstIndex(of: "selected") else { return nil }
        return projects.map { Int($0.values[column].trimmingSpaces()) }
    }

    /// The ids of the projects the city's count funded (`selected` = 1), or `nil` without that column.
    public var selectedProjectIDs: Set<String>? {
        projectIDs(selected: 1)
    }

    /// The ids of the projects whose `selected` value is `value`, or `nil` without that column.
    public func projectIDs(selected value: Int) -> Set<String>? {
        guard let selections else { return nil }
        var ids = Set<String>()
        for (project, selection) in zip(projects, selections) where selection == value { ids.insert(project.id) }
        return ids
    }
}

/// One META line.
public struct MetaEntry: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One row of the PROJECTS section.
public struct PabulibProject: Sendable, Hashable {
    /// `project_id`.
    public var id: String
    /// `cost`, exact.
    public var cost: Money
    /// The other columns' values, aligned with ``PabulibFile/projectColumns``.
    public var values: [String]

    public init(id: String, cost: Money, values: [String]) {
        self.id = id
        self.cost = cost
        self.values = values
    }
}

/// One row of the VOTES section.
public struct PabulibVote: Sendable, Hashable {
    /// `voter_id`.
    public var voterID: String
    /// The projects named in `vote`, as indices into ``PabulibFile/projects``, in the order written.
    public var projects: [Int]
    /// `points`, parallel to ``projects``; empty when the file has no `points` column.
    public var points: [Int64]
    /// The other columns' values, aligned with ``PabulibFile/voteColumns``.
    public var values: [String]

    public init(voterID: String, projects: [Int], points: [Int64] = [], values: [String] = []) {
        self.voterID = voterID
        self.projects = projects
        self.points = points
        self.values = values
    }
}
