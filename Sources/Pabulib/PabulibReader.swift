import Foundation
import WiecTally

/// What to do with a ballot that breaks the file's own limits (`max_length`, `max_sum_cost`, …).
public enum LimitCheck: Sendable {
    /// Refuse the file with an error naming the ballot's line: what Wiec does with its own data.
    case enforce
    /// Keep the ballot and report it as a warning: for published data whose official count
    /// included such ballots.
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
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PabulibError(file: name, line: 0, field: nil, message: "cannot read the file")
        }
        return try parse([UInt8](data), fileName: name, limitCheck: limitCheck)
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
        var reader = PabulibReader(bytes: bytes, fileName: fileName, limitCheck: limitCheck)
        let file = try reader.read()
        return (file, reader.warnings)
    }
}

/// The tables the reader keeps while it reads votes.
struct VoteLookup {
    /// Project id → index in the file's projects.
    var projects = ByteKeyTable()
    /// Voter ids seen so far.
    var voters = ByteKeyTable(capacity: 1024)
    /// Per project, the number of the last ballot that named it, to find a project named twice.
    var lastBallot: [Int] = []
    var ballotNumber = 0
    /// One interner per extra vote column: repeated values (age, district) share one string.
    var columnValues: [StringInterner] = []

    mutating func prepare(projectCount: Int, extraColumns: Int) {
        lastBallot = [Int](repeating: 0, count: projectCount)
        columnValues = (0..<extraColumns).map { _ in StringInterner() }
    }
}

/// Gives back the same `String` for the same bytes.
struct StringInterner {
    private var table = ByteKeyTable()
    private var strings: [String] = []

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let index = table.value(for: bytes) { return strings[index] }
        let string = String(decoding: bytes, as: UTF8.self)
        _ = table.insert(bytes, value: strings.count)
        strings.append(string)
        return string
    }
}

/// The one-pass reader behind ``PabulibFile/parse(_:fileName:)``.
struct PabulibReader {
    private enum Section: String {
        case meta, projects, votes
    }

    private var scanner: CSVScanner
    private let fileName: String
    private var fields: [CSVScanner.Field] = []
    private var lastLine = 1
    private let limitCheck: LimitCheck
    /// Ballots that broke the file's limits, when they are reported rather than refused.
    private(set) var warnings: [PabulibWarning] = []

    init(bytes: [UInt8], fileName: String, limitCheck: LimitCheck) {
        scanner = CSVScanner(bytes: bytes)
        self.fileName = fileName
        self.limitCheck = limitCheck
    }

    mutating func read() throws(PabulibError) -> PabulibFile {
        var meta: [MetaEntry] = []
        var metaLines: [String: Int] = [:]
        var metaTitleLine = 1
        var section: Section?
        var seen: Set<Section> = []

        var projectColumns: [String] = []
        var projectLayout = ProjectLayout()
        var projects: [PabulibProject] = []
        var lookup = VoteLookup()

        var voteColumns: [String] = []
        var voteLayout = VoteLayout()
        var votes: [PabulibVote] = []
        var rules: BallotRules?

        var expectHeader = false
        while let line = try nextRecord() {
            if fields.count == 1, let next = Section(rawValue: scanner.text(fields[0]).trimmingCharacters(in: .whitespaces).lowercased()) {
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
                seen.insert(next)
                expectHeader = true
                continue
            }
            switch section {
            case nil:
                throw error(line, nil, "expected a section title (META, PROJECTS or VOTES), found '\(scanner.text(fields[0]))'")
            case .meta:
                if expectHeader {
                    expectHeader = false
                    if fields.count >= 1, scanner.text(fields[0]) == "key" { continue }
                }
                guard fields.count >= 2 else {
                    throw error(line, scanner.text(fields[0]), "a META line needs a key and a value")
                }
                let key = scanner.text(fields[0])
                if meta.contains(where: { $0.key == key }) { throw error(line, key, "the META key appears twice") }
                metaLines[key] = line
                meta.append(MetaEntry(key: key, value: fields[1...].map { scanner.text($0) }.joined(separator: ";")))
            case .projects:
                if expectHeader {
                    expectHeader = false
                    let header = fields.map { scanner.text($0) }
                    projectLayout = try ProjectLayout(header: header, line: line, reader: self)
                    projectColumns = projectLayout.extraColumns
                    continue
                }
                let project = try readProject(line: line, layout: projectLayout)
                if Array(project.id.utf8).withUnsafeBufferPointer({ lookup.projects.insert($0, value: projects.count) }) != nil {
                    throw error(line, "project_id", "duplicate project id '\(project.id)'")
                }
                projects.append(project)
            case .votes:
                if expectHeader {
                    expectHeader = false
                    let header = fields.map { scanner.text($0) }
                    rules = try ballotRules(meta, metaLines: metaLines, titleLine: metaTitleLine)
                    voteLayout = try VoteLayout(header: header, line: line, voteType: rules!.voteType, reader: self)
                    voteColumns = voteLayout.extraColumns
                    lookup.prepare(projectCount: projects.count, extraColumns: voteColumns.count)
                    continue
                }
                let vote = try readVote(line: line, layout: voteLayout, lookup: &lookup)
                if let violation = rules!.violation(of: vote, projects: projects) {
                    switch limitCheck {
                    case .enforce: throw error(line, violation.field, violation.message)
                    case .report: warnings.append(PabulibWarning(line: line, field: violation.field, message: violation.message))
                    }
                }
                votes.append(vote)
            }
        }
        for required in [Section.meta, .projects, .votes] where !seen.contains(required) {
            throw error(lastLine, required.rawValue.uppercased(), "the section is missing")
        }
        if expectHeader {
            throw error(lastLine, section?.rawValue.uppercased(), "the section has no header row")
        }
        if rules == nil { rules = try ballotRules(meta, metaLines: metaLines, titleLine: metaTitleLine) }
        return PabulibFile(
            meta: meta, projectColumns: projectColumns, projects: projects,
            voteColumns: voteColumns, votes: votes, hasPoints: voteLayout.points != nil
        )
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

    private func readProject(line: Int, layout: ProjectLayout) throws(PabulibError) -> PabulibProject {
        guard fields.count == layout.width else {
            throw error(line, nil, "expected \(layout.width) fields as in the PROJECTS header, found \(fields.count)")
        }
        let id = scanner.text(fields[layout.id])
        if id.isEmpty { throw error(line, "project_id", "the project id is empty") }
        let costText = scanner.text(fields[layout.cost])
        guard let cost = Money(decimal: costText), cost >= .zero else {
            throw error(line, "cost", "'\(costText)' is not a cost (a non-negative amount with at most two decimal places)")
        }
        var values: [String] = []
        values.reserveCapacity(layout.extra.count)
        for (column, index) in zip(layout.extraColumns, layout.extra) {
            let value = scanner.text(fields[index])
            try ProjectLayout.check(value, column: column, line: line, reader: self)
            values.append(value)
        }
        return PabulibProject(id: id, cost: cost, values: values)
    }

    private func readVote(line: Int, layout: VoteLayout, lookup: inout VoteLookup) throws(PabulibError) -> PabulibVote {
        guard fields.count == layout.width else {
            throw error(line, nil, "expected \(layout.width) fields as in the VOTES header, found \(fields.count)")
        }
        let voterField = fields[layout.voterID]
        if voterField.range.isEmpty { throw error(line, "voter_id", "the voter id is empty") }
        if scanner.withKey(of: voterField, { lookup.voters.insert($0, value: 0) }) != nil {
            throw error(line, "voter_id", "duplicate voter id '\(scanner.text(voterField))'")
        }
        let voterID = scanner.text(voterField)
        lookup.ballotNumber += 1
        var projects: [Int] = []
        let problem: String? = scanner.withKey(of: fields[layout.vote]) { rawVote in
            var itemStart = 0
            while !rawVote.isEmpty {
                var itemEnd = itemStart
                while itemEnd < rawVote.count, rawVote[itemEnd] != UInt8(ascii: ",") { itemEnd += 1 }
                let item = UnsafeBufferPointer(rebasing: rawVote[itemStart..<itemEnd])
                guard let index = lookup.projects.value(for: item) else {
                    return "unknown project '\(String(decoding: item, as: UTF8.self))'"
                }
                if lookup.lastBallot[index] == lookup.ballotNumber {
                    return "project '\(String(decoding: item, as: UTF8.self))' appears twice on the ballot"
                }
                lookup.lastBallot[index] = lookup.ballotNumber
                projects.append(index)
                if itemEnd == rawVote.count { break }
                itemStart = itemEnd + 1
            }
            return nil
        }
        if let problem { throw error(line, "vote", problem) }
        var points: [Int64] = []
        if let pointsField = layout.points {
            let raw = scanner.bytes(of: fields[pointsField])
            if !raw.isEmpty {
                points.reserveCapacity(projects.count)
                var value: Int64 = 0
                var digits = 0
                var negative = false
                var valid = true
                for byte in raw {
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
                        guard valid, digits > 0 else { throw pointsError(line, raw) }
                        points.append(negative ? -value : value)
                        (value, digits, negative) = (0, 0, false)
                    default:
                        throw pointsError(line, raw)
                    }
                }
                guard valid, digits > 0 else { throw pointsError(line, raw) }
                points.append(negative ? -value : value)
            }
            guard points.count == projects.count else {
                throw error(line, "points", "\(points.count) points for \(projects.count) projects")
            }
        }
        var values: [String] = []
        values.reserveCapacity(layout.extra.count)
        for (column, index) in layout.extra.enumerated() {
            values.append(scanner.withKey(of: fields[index]) { lookup.columnValues[column].intern($0) })
        }
        return PabulibVote(voterID: voterID, projects: projects, points: points, values: values)
    }

    private func pointsError(_ line: Int, _ raw: ArraySlice<UInt8>) -> PabulibError {
        error(line, "points", "'\(String(decoding: raw, as: UTF8.self))' is not a list of whole numbers of points")
    }

    private func ballotRules(_ meta: [MetaEntry], metaLines: [String: Int], titleLine: Int) throws(PabulibError) -> BallotRules {
        do {
            return try BallotRules(meta: meta)
        } catch {
            // A missing key is reported at the META title.
            throw self.error(metaLines[error.key] ?? titleLine, error.key, error.message)
        }
    }

    func error(_ line: Int, _ field: String?, _ message: String) -> PabulibError {
        PabulibError(file: fileName, line: line, field: field, message: message)
    }
}
