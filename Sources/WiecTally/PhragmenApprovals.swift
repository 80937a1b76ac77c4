/// The approvals a sequential Phragmén count walks, flattened once: each voter's approved
/// candidates and each candidate's supporters, as two tables of 32-bit indices. Only candidates
/// (projects the count may buy) are kept, and voters who approve no candidate are left out, since
/// their loads never change. The tables are carved from one ``TableArena`` allocation, sized for
/// four approvals a ballot; elections with more move the two index tables to memory of their own.
final class PhragmenApprovals {
    /// Each project's approval score (its number of supporters), indexed like the election's
    /// projects, candidates or not.
    let scores: [Int64]
    /// The number of voters kept, numbered from 0.
    let voterCount: Int
    private let tables: UnsafeMutableRawPointer
    /// The two index tables when they outgrow `tables` (nil otherwise).
    private let entries: UnsafeMutablePointer<Int32>?
    private let ballotStart: UnsafeMutablePointer<Int>
    private let ballotProjects: UnsafeMutablePointer<Int32>
    private let supporterStart: UnsafeMutablePointer<Int>
    private let supporterList: UnsafeMutablePointer<Int32>

    init(_ election: Election, candidates: [Int]) {
        let projectCount = election.projects.count
        let ballotCount = election.ballots.count
        // Room for each voter's candidates and, just as many, for the candidates' supporters.
        var capacity = 4 * ballotCount + 16
        var arena = TableArena()
        let ballotStartAt = arena.reserve(Int.self, count: ballotCount + 1)
        let supporterStartAt = arena.reserve(Int.self, count: projectCount + 1)
        let fillAt = arena.reserve(Int.self, count: projectCount)
        let entriesAt = arena.reserve(Int32.self, count: 2 * capacity)
        let isCandidateAt = arena.reserve(Bool.self, count: projectCount)
        let tables = arena.allocate()
        let ballotStart: UnsafeMutablePointer<Int> = TableArena.table(tables, at: ballotStartAt, count: ballotCount + 1)
        let supporterStart: UnsafeMutablePointer<Int> = TableArena.table(tables, at: supporterStartAt, count: projectCount + 1)
        let fill: UnsafeMutablePointer<Int> = TableArena.table(tables, at: fillAt, count: projectCount)
        let isCandidate: UnsafeMutablePointer<Bool> = TableArena.table(tables, at: isCandidateAt, count: projectCount)
        var ballotProjects: UnsafeMutablePointer<Int32> = TableArena.table(tables, at: entriesAt, count: 2 * capacity)
        var entries: UnsafeMutablePointer<Int32>? = nil
        isCandidate.initialize(repeating: false, count: projectCount)
        for project in candidates { isCandidate[project] = true }
        // One pass over the ballots: scores, and each voter's candidates (the table grows as needed).
        var scores = [Int64](repeating: 0, count: projectCount)
        var voters = 0
        var offset = 0
        ballotStart[0] = 0
        scores.withUnsafeMutableBufferPointer { scores in
            // Spans borrow the ballots: no reference counting per ballot.
            let ballots = election.ballots.span
            for index in 0..<ballotCount {
                let approved = ballots[index].projects.span
                if offset + approved.count > capacity {
                    capacity = 2 * capacity + approved.count
                    let larger = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * capacity)
                    larger.moveInitialize(from: ballotProjects, count: offset)
                    entries?.deallocate()
                    entries = larger
                    ballotProjects = larger
                }
                let begin = offset
                for position in 0..<approved.count {
                    let project = approved[position]
                    scores[project] += 1
                    if isCandidate[project] {
                        ballotProjects[offset] = Int32(truncatingIfNeeded: project)
                        offset += 1
                    }
                }
                if offset > begin {
                    voters += 1
                    ballotStart[voters] = offset
                }
            }
        }
        let supporterList = ballotProjects + capacity
        supporterStart[0] = 0
        for project in 0..<projectCount {
            fill[project] = supporterStart[project]
            supporterStart[project + 1] = supporterStart[project] + (isCandidate[project] ? Int(scores[project]) : 0)
        }
        for voter in 0..<voters {
            for index in ballotStart[voter]..<ballotStart[voter + 1] {
                let project = Int(ballotProjects[index])
                supporterList[fill[project]] = Int32(truncatingIfNeeded: voter)
                fill[project] += 1
            }
        }
        self.scores = scores
        voterCount = voters
        self.tables = tables
        self.entries = entries
        self.ballotStart = ballotStart
        self.ballotProjects = ballotProjects
        self.supporterStart = supporterStart
        self.supporterList = supporterList
    }

    deinit {
        tables.deallocate()
        entries?.deallocate()
    }

    /// The kept voters who approve a candidate (empty for other projects).
    @inline(__always)
    func supporters(of project: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: supporterList + supporterStart[project], count: supporterStart[project + 1] - supporterStart[project])
    }

    /// The candidates a kept voter approves.
    @inline(__always)
    func ballot(of voter: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: ballotProjects + ballotStart[voter], count: ballotStart[voter + 1] - ballotStart[voter])
    }
}
