import WiecTally

/// What to do with a published ballot that breaks the file's own rules: a project named twice,
/// or the limits `max_length`, `max_sum_cost`, `min_sum_points`… A file that cannot be read
/// (structure, unknown project, duplicate ids, bad numbers) is refused either way.
public enum LimitCheck: Sendable {
    /// Refuse the file with an error naming the ballot's line: for checking a file before it is
    /// published (`--strict`).
    case enforce
    /// Count the ballot as published and report it as a warning with its line: the cities
    /// counted such ballots. A project named twice counts once (on a cumulative or scoring
    /// ballot its points add up).
    case report
}

extension PabulibFile {
    /// Reads and checks a `.pb` file, refusing ballots that break the file's limits.
    ///
    /// - Throws: ``PabulibError`` naming the file, line and field of the first defect.
    public static func read(path: String) throws(PabulibError) -> PabulibFile {
        try read(path: path, limitCheck: .enforce).file
    }

    /// Reads and checks a `.pb` file.
    ///
    /// - Returns: the file, and the ballots that broke its limits when `limitCheck` is `.report`.
    /// - Throws: ``PabulibError`` naming the file, line and field of the first defect.
    public static func read(path: String, limitCheck: LimitCheck) throws(PabulibError) -> (file: PabulibFile, warnings: [PabulibWarning]) {
        let (bytes, name) = try fileContents(at: path)
        return try parse(bytes, fileName: name, limitCheck: limitCheck)
    }

    /// Parses and checks the bytes of a `.pb` file in one streaming pass, refusing ballots that
    /// break the file's limits.
    ///
    /// - Parameters:
    ///   - bytes: the file's content (UTF-8, optionally with a BOM, LF or CRLF line ends).
    ///   - fileName: the name used in error messages.
    /// - Throws: ``PabulibError`` naming the file, line and field of the first defect.
    public static func parse(_ bytes: [UInt8], fileName: String) throws(PabulibError) -> PabulibFile {
        try parse(bytes, fileName: fileName, limitCheck: .enforce).file
    }

    /// Parses and checks the bytes of a `.pb` file in one streaming pass.
    ///
    /// - Returns: the file, and the ballots that broke its limits when `limitCheck` is `.report`.
    /// - Throws: ``PabulibError`` naming the file, line and field of the first defect.
    public static func parse(_ bytes: [UInt8], fileName: String, limitCheck: LimitCheck) throws(PabulibError) -> (file: PabulibFile, warnings: [PabulibWarning]) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(PabulibError) in
            var reader = PabulibReader(bytes: buffer, fileName: fileName, limitCheck: limitCheck)
            let file = try reader.read().file
            return (file, reader.warnings)
        }
    }
}

/// What the reader keeps while it reads votes: the file's rules and the tables to check each vote.
struct VoteLookup {
    /// What META says about each ballot.
    let rules: BallotRules
    /// The cost of each project, for the limits on a ballot's total cost.
    let costs: [Money]
    /// Project id → index in the file's projects.
    let projects: ProjectIndex
    /// Voter ids seen so far.
    var voters: ByteKeyTable
    /// Per project, the number of the last ballot that named it, to find a project named twice.
    var lastBallot: [Int]
    var ballotNumber = 0
    /// The points of all votes so far, without their signs: every score and every ballot's
    /// total stays within it, so no count can overflow.
    var pointsTotal: Int64 = 0
    /// Selections written the same way by many voters are read once.
    var selections: SelectionCache
    /// The projects of the ballot being read, each once.
    var scratch: [Int]

    /// Makes the tables for the votes, sized for `expectedVotes` (a hint: they grow past it).
    init(rules: BallotRules, projects: [PabulibProject], projectIDs: ByteKeyTable, expectedVotes: Int) {
        self.rules = rules
        costs = projects.map(\.cost)
        self.projects = ProjectIndex(ids: projects.map(\.id), byID: projectIDs)
        voters = ByteKeyTable(capacity: expectedVotes)
        lastBallot = [Int](repeating: 0, count: projects.count)
        selections = SelectionCache(expectedVotes: expectedVotes)
        scratch = [Int](repeating: 0, count: projects.count)
    }
}

/// The one-pass reader behind ``PabulibFile/parse(_:fileName:)``.
///
/// It reads the bytes in place (see ``CSVScanner``): it lives inside the caller's
/// `withUnsafeBufferPointer`.
struct PabulibReader {
    private enum Section: String {
        case meta, projects, votes
    }

    private var scanner: CSVScanner
    /// The bytes being read.
    private let input: UnsafeBufferPointer<UInt8>
    private let fileName: String
    private var fields: [CSVScanner.Field] = []
    private var lastLine = 1
    private let limitCheck: LimitCheck
    /// Whether every column of every project and vote is kept, or only what a count needs.
    private let keepsWholeFile: Bool
    /// Ballots that broke the file's rules, when they are reported rather than refused, and
    /// `selected` values of no known meaning.
    private(set) var warnings: [PabulibWarning] = []
    /// The ballots, when the whole file is not kept.
    private(set) var ballots: [Ballot] = []

    /// - Parameter keepsWholeFile: whether ``read()`` returns every project and vote with all
    ///   their columns, or only what a count needs: the META entries, each project's id and
    ///   cost, and no votes, each vote being kept as a ballot in ``ballots``. Both check the same.
    init(bytes: UnsafeBufferPointer<UInt8>, fileName: String, limitCheck: LimitCheck, keepsWholeFile: Bool = true) {
        scanner = CSVScanner(bytes: bytes)
        input = bytes
        self.fileName = fileName
        self.limitCheck = limitCheck
        self.keepsWholeFile = keepsWholeFile
    }

    /// Reads the whole input.
    ///
    /// - Returns: the file, and what its META says about the pool (read once, for the election).
    mutating func read() throws(PabulibError) -> (file: PabulibFile, rules: BallotRules) {
        var meta: [MetaEntry] = []
        var rules: BallotRules?
        // The line of each META entry, for errors about its value.
        var metaLines: [Int] = []
        var metaTitleLine = 1
        var section: Section?
        // At most three sections: a list is quicker than a set.
        var seen: [Section] = []

        var projectColumns: [String] = []
        var projectLayout = ProjectLayout()
        var projects: [PabulibProject] = []
        var projectIDs = ByteKeyTable()
        // Every sum of costs (a ballot's, a greedy count's) stays below the sum of them all.
        var costsTotal = Money.zero

        var voteColumns: [String] = []
        var voteLayout = VoteLayout()
        var votes: [PabulibVote] = []

        var expectHeader = false
        while let line = try nextRecord() {
            if let next = sectionTitle() {
                if seen.contains(next) {
                    throw error(line, next.rawValue.uppercased(), "the section appears twice")
                }
                if next == .votes, !seen.contains(.projects) {
                    throw error(line, "VOTES", "VOTES comes before PROJECTS")
                }
                if next != .meta, !seen.contains(.meta) {
                    throw error(line, "META", "the file must start with a META section")
                }
                if next == .meta { metaTitleLine = line }
                section = next
                seen.append(next)
                expectHeader = true
                continue
            }
            switch section {
            case nil:
                throw error(line, nil, "expected a section title (META, PROJECTS or VOTES), found '\(text(0))'")
            case .meta:
                if expectHeader {
                    expectHeader = false
                    if fields.count >= 1, text(0) == "key" { continue }
                }
                guard fields.count >= 2 else {
                    throw error(line, text(0), "a META line needs a key and a value")
                }
                let key = text(0)
                // META has a dozen or two keys: comparing with those before is quicker than hashing.
                if meta.contains(where: { $0.key == key }) { throw error(line, key, "the META key appears twice") }
                metaLines.append(line)
                // A value holding `;` was split into fields: it is joined back.
                let value = fields.count == 2 ? text(1) : fields[1...].map(CSVScanner.text).joined(separator: ";")
                meta.append(MetaEntry(key: key, value: value))
            case .projects:
                if expectHeader {
                    expectHeader = false
                    projectLayout = try ProjectLayout(header: fields.map(CSVScanner.text), line: line, reader: self)
                    projectColumns = projectLayout.extraColumns
                    continue
                }
                let project = try readProject(line: line, layout: projectLayout)
                if projectIDs.insert(fields[projectLayout.id], value: projects.count) != nil {
                    throw error(line, "project_id", "duplicate project id '\(project.id)'")
                }
                let (total, overflow) = costsTotal.minorUnits.addingReportingOverflow(project.cost.minorUnits)
                if overflow {
                    throw error(line, "cost", "the costs of the projects up to this one add up to more than \(Money(minorUnits: .max))")
                }
                costsTotal = Money(minorUnits: total)
                projects.append(project)
            case .votes:
                // The header: the votes that follow it are read to the end of the file.
                expectHeader = false
                let voteRules = try ballotRules(meta, metaLines: metaLines, titleLine: metaTitleLine)
                rules = voteRules
                voteLayout = try VoteLayout(header: fields.map(CSVScanner.text), line: line, voteType: voteRules.voteType, reader: self)
                voteColumns = voteLayout.extraColumns
                // META's count is only a hint, at least 0: a vote takes at least four bytes ("1;a" and a line end).
                let stated = (meta.first { $0.key == "num_votes" }.flatMap { Int($0.value) } ?? 0)
                let expectedVotes = min(max(stated, 0), input.count / 4)
                var lookup = VoteLookup(rules: voteRules, projects: projects, projectIDs: projectIDs, expectedVotes: expectedVotes)
                votes = try readVotes(layout: voteLayout, lookup: &lookup, expectedVotes: expectedVotes)
            }
        }
        for required in [Section.meta, .projects, .votes] where !seen.contains(required) {
            throw error(lastLine, required.rawValue.uppercased(), "the section is missing")
        }
        if expectHeader {
            throw error(lastLine, section?.rawValue.uppercased(), "the section has no header row")
        }
        let file = PabulibFile(
            meta: meta, projectColumns: projectColumns, projects: projects,
            voteColumns: voteColumns, votes: votes, hasPoints: voteLayout.points != nil
        )
        // The VOTES header has read the rules by now; reading them here too only guards that.
        if let rules { return (file, rules) }
        return (file, try ballotRules(meta, metaLines: metaLines, titleLine: metaTitleLine))
    }

    // MARK: - Records

    private mutating func nextRecord() throws(PabulibError) -> Int? {
        do {
            let line = try scanner.nextRecord(into: &fields)
            if let line { lastLine = line }
            return line
        } catch {
            throw self.error(error.line, nil, "a quoted field is never closed")
        }
    }

    /// The section the current record opens, when it is a section title.
    private mutating func sectionTitle() -> Section? {
        guard fields.count == 1 else { return nil }
        return Section(rawValue: text(0).trimmingSpaces().lowercased())
    }

    /// The text of the current record's field at `index`.
    private func text(_ index: Int) -> String {
        CSVScanner.text(fields[index])
    }

    private mutating func readProject(line: Int, layout: ProjectLayout) throws(PabulibError) -> PabulibProject {
        guard fields.count == layout.width else {
            throw error(line, nil, "expected \(layout.width) fields as in the PROJECTS header, found \(fields.count)")
        }
        let id = text(layout.id)
        if id.isEmpty { throw error(line, "project_id", "the project id is empty") }
        guard let cost = Money(decimalUTF8: fields[layout.cost]), cost >= .zero else {
            throw error(line, "cost", "'\(text(layout.cost))' is not a cost (a non-negative amount with at most two decimal places)")
        }
        var values: [String] = []
        if keepsWholeFile { values.reserveCapacity(layout.extra.count) }
        for (extraIndex, index) in layout.extra.enumerated() {
            if let warning = try layout.check(fields[index], extraColumn: extraIndex, line: line, reader: self) {
                warnings.append(warning)
            }
            if keepsWholeFile { values.append(text(index)) }
        }
        return PabulibProject(id: id, cost: cost, values: values)
    }

    /// Reads the votes after the VOTES header, to the end of the file.
    ///
    /// - Returns: the votes, or none when the whole file is not kept (their ballots are then in ``ballots``).
    private mutating func readVotes(layout: VoteLayout, lookup: inout VoteLookup, expectedVotes: Int) throws(PabulibError) -> [PabulibVote] {
        var votes: [PabulibVote] = []
        if keepsWholeFile { votes.reserveCapacity(expectedVotes) } else { ballots.reserveCapacity(expectedVotes) }
        // Repeated rows of extra values (age, sex, district) share one array.
        var valueRows = keepsWholeFile && !layout.extra.isEmpty ? ValueRowInterner(positions: layout.extra, input: input) : nil
        while let line = try nextRecord() {
            if let title = sectionTitle() {
                // VOTES comes last: every section has been read by now.
                throw error(line, title.rawValue.uppercased(), "the section appears twice")
            }
            let (voterID, ballot, repeated, violation) = try readVote(line: line, layout: layout, lookup: &lookup)
            let vote = keepsWholeFile ? votes.count : ballots.count
            // Only a report reaches here with a project named twice: the strict reader refused it.
            if let repeated {
                warnings.append(PabulibWarning(line: line, field: repeated.field, message: repeated.message, vote: vote))
            }
            if let violation {
                switch limitCheck {
                case .enforce: throw error(line, violation.field, violation.message)
                case .report: warnings.append(PabulibWarning(line: line, field: violation.field, message: violation.message, vote: vote))
                }
            }
            if keepsWholeFile {
                let values = valueRows?.intern(fields) ?? []
                votes.append(PabulibVote(voterID: CSVScanner.text(voterID), projects: ballot.projects, points: ballot.points, values: values))
            } else {
                ballots.append(ballot)
            }
        }
        return votes
    }

    /// Reads and checks one vote: its voter id, its ballot (each project once), the project it
    /// names twice, and the first of the file's limits that ballot breaks.
    ///
    /// This and the other helpers called once per vote or project (``readProjects(_:line:lookup:)``,
    /// ``readPoints(_:line:)``, ``readProject(line:layout:)``, ``sectionTitle()``) change nothing,
    /// but are `mutating` so that the reader is passed by reference: called as non-mutating
    /// methods from the loops, the whole reader was copied (and its references retained) each time.
    private mutating func readVote(
        line: Int, layout: VoteLayout, lookup: inout VoteLookup
    ) throws(PabulibError) -> (voterID: CSVScanner.Field, ballot: Ballot, repeated: BallotRules.Violation?, violation: BallotRules.Violation?) {
        guard fields.count == layout.width else {
            throw error(line, nil, "expected \(layout.width) fields as in the VOTES header, found \(fields.count)")
        }
        let voterField = fields[layout.voterID]
        if voterField.isEmpty { throw error(line, "voter_id", "the voter id is empty") }
        if lookup.voters.insert(voterField, value: 0) != nil {
            throw error(line, "voter_id", "duplicate voter id '\(CSVScanner.text(voterField))'")
        }
        let voteField = fields[layout.vote]
        let projects: [Int]
        let repeats: Repeats?
        var violation: BallotRules.Violation?
        if let known = lookup.selections.known(voteField) {
            (projects, repeats, violation) = known
        } else {
            (projects, repeats) = try readProjects(voteField, line: line, lookup: &lookup)
            // Without points this is the vote's verdict; with points it is checked again below.
            violation = lookup.rules.violation(projects: projects, points: [], costs: lookup.costs)
            lookup.selections.remember(projects, repeats: repeats, violation: violation)
        }
        var points: [Int64] = []
        var repeated = repeats.map { BallotRules.Violation(field: "vote", message: "project '\($0.project)' appears twice on the ballot; counted once") }
        if let pointsField = layout.points {
            points = try readPoints(fields[pointsField], line: line)
            if let repeats, points.count == repeats.positions.count {
                points = repeats.merged(points, into: projects.count)
                repeated?.message = "project '\(repeats.project)' appears twice on the ballot; its points add up"
            }
            guard points.count == projects.count else {
                throw error(line, "points", "\(points.count) points for \(repeats?.positions.count ?? projects.count) projects")
            }
            for value in points {
                let (total, overflow) = lookup.pointsTotal.addingReportingOverflow(Int64(clamping: value.magnitude))
                if overflow || value == .min {
                    throw error(line, "points", "the points of the votes up to this one add up to more than \(Int64.max)")
                }
                lookup.pointsTotal = total
            }
        }
        if !points.isEmpty {
            violation = lookup.rules.violation(projects: projects, points: points, costs: lookup.costs)
        }
        return (voterField, Ballot(projects: projects, points: points), repeated, violation)
    }

    /// The projects named in a `vote` field, as indices into the file's projects, each once, and
    /// where each item went when a project is named twice.
    ///
    /// - Throws: ``PabulibError`` for an unknown project, and for a project named twice when
    ///   the file's rules are enforced.
    private mutating func readProjects(_ field: CSVScanner.Field, line: Int, lookup: inout VoteLookup) throws(PabulibError) -> (projects: [Int], repeats: Repeats?) {
        guard !field.isEmpty else { return ([], nil) }
        lookup.ballotNumber += 1
        let ballot = lookup.ballotNumber
        // Read into the scratch list (as long as the projects: each is kept once), then copied
        // out at its length: one allocation, no count beforehand.
        var count = 0
        var repeats: Repeats?
        var itemStart = field.startIndex
        while true {
            var itemEnd = itemStart
            while itemEnd < field.endIndex, field[itemEnd] != UInt8(ascii: ",") { itemEnd += 1 }
            let item = UnsafeBufferPointer(rebasing: field[itemStart..<itemEnd])
            guard let index = lookup.projects.index(of: item) else {
                throw error(line, "vote", "unknown project '\(CSVScanner.text(item))'")
            }
            if lookup.lastBallot[index] == ballot {
                if limitCheck == .enforce {
                    throw error(line, "vote", "project '\(CSVScanner.text(item))' appears twice on the ballot")
                }
                // The project is among those read so far: where it stands is where this item goes.
                var earlier = 0
                while lookup.scratch[earlier] != index { earlier += 1 }
                if repeats == nil { repeats = Repeats(positions: Array(0..<count), project: CSVScanner.text(item)) }
                repeats?.positions.append(earlier)
            } else {
                lookup.lastBallot[index] = ballot
                repeats?.positions.append(count)
                lookup.scratch[count] = index
                count += 1
            }
            if itemEnd == field.endIndex { return (Self.copy(of: lookup.scratch, count: count), repeats) }
            itemStart = itemEnd + 1
        }
    }

    /// A copy of the first `count` of `list` in storage of their own, exactly as long.
    private static func copy(of list: [Int], count: Int) -> [Int] {
        [Int](unsafeUninitializedCapacity: count) { storage, initialized in
            initialized = storage.initialize(fromContentsOf: list[..<count])
        }
    }

    /// The whole numbers of a `points` field, in order.
    private mutating func readPoints(_ field: CSVScanner.Field, line: Int) throws(PabulibError) -> [Int64] {
        guard !field.isEmpty else { return [] }
        var points: [Int64] = []
        points.reserveCapacity(Self.itemCount(field))
        var value: Int64 = 0
        var digits = 0
        var negative = false
        var valid = true
        for byte in field {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                valid = valid && !o1 && !o2
                value = a
                digits += 1
            case UInt8(ascii: "-") where digits == 0 && !negative:
                negative = true
            case UInt8(ascii: ","):
                guard valid, digits > 0 else { throw pointsError(line, field) }
                points.append(negative ? -value : value)
                (value, digits, negative) = (0, 0, false)
            default:
                throw pointsError(line, field)
            }
        }
        guard valid, digits > 0 else { throw pointsError(line, field) }
        points.append(negative ? -value : value)
        return points
    }

    /// The number of comma-separated items in a non-empty field.
    private static func itemCount(_ field: CSVScanner.Field) -> Int {
        field.reduce(1) { $0 &+ ($1 == UInt8(ascii: ",") ? 1 : 0) }
    }

    private func pointsError(_ line: Int, _ raw: CSVScanner.Field) -> PabulibError {
        error(line, "points", "'\(CSVScanner.text(raw))' is not a list of whole numbers of points")
    }

    private func ballotRules(_ meta: [MetaEntry], metaLines: [Int], titleLine: Int) throws(PabulibError) -> BallotRules {
        do {
            return try BallotRules(meta: meta)
        } catch {
            // A missing key is reported at the META title.
            throw self.error(meta.firstIndex { $0.key == error.key }.map { metaLines[$0] } ?? titleLine, error.key, error.message)
        }
    }

    func error(_ line: Int, _ field: String?, _ message: String) -> PabulibError {
        PabulibError(file: fileName, line: line, field: field, message: message)
    }
}

/// A published ballot that names a project more than once: where each item of its `vote` field
/// went among the projects it is counted for.
struct Repeats {
    /// Per item of the `vote` field, in order, its position among the ballot's projects.
    var positions: [Int]
    /// The first project named twice, as written.
    var project: String

    /// Points given per item, added up per project.
    ///
    /// The sum cannot overflow: the reader has checked that the magnitudes of all points add up
    /// within `Int64`.
    func merged(_ points: [Int64], into count: Int) -> [Int64] {
        var merged = [Int64](repeating: 0, count: count)
        for (position, value) in zip(positions, points) { merged[position] += value }
        return merged
    }
}
