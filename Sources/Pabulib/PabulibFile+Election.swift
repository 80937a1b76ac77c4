public import WiecTally

extension PabulibFile {
    /// The cost pabulib's published files give a project that was withdrawn or excluded after
    /// the vote (in whole currency units).
    public static let withdrawnCost = Money(units: 999_999_999)

    /// The pool as an election for the tally rules.
    ///
    /// - Throws: ``PabulibError`` when META cannot describe a pool (no budget, unknown vote type);
    ///   a file returned by ``parse(_:fileName:)`` never throws here.
    public func election() throws(PabulibError) -> Election {
        let rules: BallotRules
        do {
            rules = try BallotRules(meta: meta)
        } catch {
            throw PabulibError(file: self[meta: "description"] ?? "election", line: 0, field: error.key, message: error.message)
        }
        return Self.election(projects: projects, ballots: votes.map { Ballot(projects: $0.projects, points: $0.points) }, rules: rules)
    }

    /// The election of a pool with these projects, ballots and META rules.
    static func election(projects: [PabulibProject], ballots: [Ballot], rules: BallotRules) -> Election {
        Election(
            projects: projects.map { Project(id: $0.id, cost: $0.cost, isWithdrawn: $0.cost == withdrawnCost) },
            ballots: ballots,
            budget: rules.budget,
            voteType: rules.voteType,
            limits: rules.limits,
            minProjectScoreThreshold: rules.threshold
        )
    }
}

/// A `.pb` file read for a count: its META and the election, without the rest of each vote.
///
/// Every vote is read and checked exactly as ``PabulibFile/parse(_:fileName:limitCheck:)``
/// checks it (voter ids present and unique, projects known and not repeated, the file's limits),
/// but kept only as a ballot: voter ids and extra vote columns (age, sex…) are not stored.
/// This is what `wiec tally` reads; reading, editing or writing a file takes ``PabulibFile``.
public struct PabulibElection: Sendable {
    /// META entries in file order.
    public var meta: [MetaEntry]
    /// The pool's projects, ballots, budget and limits.
    public var election: Election
    /// Ballots that broke the file's limits, when read with `limitCheck: .report`.
    public var warnings: [PabulibWarning]

    /// The value of a META key, if present.
    public subscript(meta key: String) -> String? {
        meta.first { $0.key == key }?.value
    }

    /// The rule the file says decided the vote (`rule` in META).
    public var rule: String? { self[meta: "rule"] }

    /// Reads and checks the `.pb` file at `path`.
    ///
    /// - Throws: ``PabulibError`` naming the file, line and field of the first defect.
    public static func read(path: String, limitCheck: LimitCheck = .enforce) throws(PabulibError) -> PabulibElection {
        let (bytes, name) = try fileContents(at: path)
        return try parse(bytes, fileName: name, limitCheck: limitCheck)
    }

    /// Parses and checks the bytes of a `.pb` file.
    ///
    /// - Throws: ``PabulibError`` naming the file, line and field of the first defect: the same
    ///   error ``PabulibFile/parse(_:fileName:limitCheck:)`` throws on these bytes.
    public static func parse(_ bytes: [UInt8], fileName: String, limitCheck: LimitCheck = .enforce) throws(PabulibError) -> PabulibElection {
        try bytes.withUnsafeBufferPointer { (buffer) throws(PabulibError) in
            var reader = PabulibReader(bytes: buffer, fileName: fileName, limitCheck: limitCheck, keepsWholeFile: false)
            let (file, rules) = try reader.read()
            return PabulibElection(
                meta: file.meta,
                election: PabulibFile.election(projects: file.projects, ballots: reader.ballots, rules: rules),
                warnings: reader.warnings
            )
        }
    }
}
