import WiecTally

/// Where the structural columns of the PROJECTS section are, and which columns are extra.
struct ProjectLayout {
    var width = 0
    var id = 0
    var cost = 0
    var extra: [Int] = []
    var extraColumns: [String] = []

    init() {}

    init(header: [String], line: Int, reader: PabulibReader) throws(PabulibError) {
        width = header.count
        guard let id = header.firstIndex(of: "project_id") else {
            throw reader.error(line, "project_id", "the PROJECTS header has no project_id column")
        }
        guard let cost = header.firstIndex(of: "cost") else {
            throw reader.error(line, "cost", "the PROJECTS header has no cost column")
        }
        self.id = id
        self.cost = cost
        (extra, extraColumns) = try columns(of: header, besides: [id, cost], line: line, reader: reader)
        checks = extraColumns.map(ValueCheck.init(column:))
    }

    /// What pabulib says an extra column's values must be.
    enum ValueCheck {
        /// `votes`, `score`: a number, or empty.
        case number
        /// `selected`: a whole number, or empty (see ``PabulibFile/Selection``).
        case selection
        /// Any text.
        case none

        init(column: String) {
            switch column {
            case "votes", "score": self = .number
            case "selected": self = .selection
            default: self = .none
            }
        }
    }

    /// Per extra column, the check of its values.
    var checks: [ValueCheck] = []

    /// Checks the value of the extra column at `index` (among ``extra``) where pabulib fixes its meaning.
    ///
    /// - Returns: a warning for a `selected` value of no known meaning, which is kept as written.
    /// - Throws: ``PabulibError`` for a `votes` or `score` value that is not a number.
    func check(_ value: CSVScanner.Field, extraColumn index: Int, line: Int, reader: PabulibReader) throws(PabulibError) -> PabulibWarning? {
        switch checks[index] {
        case .number:
            if !value.isEmpty, Money(decimalUTF8: value) == nil, Int64(CSVScanner.text(value)) == nil {
                throw reader.error(line, extraColumns[index], "'\(CSVScanner.text(value))' is not a number")
            }
        case .selection:
            // The usual values are one digit: they are checked without making a string.
            if value.isEmpty || value.count == 1 && (UInt8(ascii: "0")...UInt8(ascii: "3")).contains(value[0]) { return nil }
            let text = CSVScanner.text(value)
            let meaning = Int(text) == nil ? "is not a whole number" : "has no known meaning"
            return PabulibWarning(
                line: line, field: extraColumns[index],
                message: "'\(text)' \(meaning) (0 not funded, 1 funded, 2 funded by a local top-up rule, 3 funded from reserve funds); kept as written")
        case .none:
            break
        }
        return nil
    }
}

/// Where the structural columns of the VOTES section are, and which columns are extra.
struct VoteLayout {
    var width = 0
    var voterID = 0
    var vote = 0
    var points: Int?
    var extra: [Int] = []
    var extraColumns: [String] = []

    init() {}

    init(header: [String], line: Int, voteType: VoteType, reader: PabulibReader) throws(PabulibError) {
        width = header.count
        guard let voterID = header.firstIndex(of: "voter_id") else {
            throw reader.error(line, "voter_id", "the VOTES header has no voter_id column")
        }
        guard let vote = header.firstIndex(of: "vote") else {
            throw reader.error(line, "vote", "the VOTES header has no vote column")
        }
        self.voterID = voterID
        self.vote = vote
        points = header.firstIndex(of: "points")
        if points == nil, voteType == .cumulative || voteType == .scoring {
            throw reader.error(line, "points", "\(voteType.rawValue) ballots need a points column")
        }
        (extra, extraColumns) = try columns(of: header, besides: [voterID, vote, points], line: line, reader: reader)
    }
}

/// The positions and names of a header's columns other than the structural ones.
///
/// - Throws: ``PabulibError`` when any column name appears twice.
private func columns(
    of header: [String], besides structural: [Int?], line: Int, reader: PabulibReader
) throws(PabulibError) -> (positions: [Int], names: [String]) {
    var positions: [Int] = []
    var names: [String] = []
    for (index, column) in header.enumerated() {
        // A header has a handful of columns: comparing with those before is quicker than a set.
        if header[..<index].contains(column) { throw reader.error(line, column, "the column appears twice") }
        if structural.contains(index) { continue }
        positions.append(index)
        names.append(column)
    }
    return (positions, names)
}
