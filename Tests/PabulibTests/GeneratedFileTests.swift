import Pabulib
import PropertyBased
import Testing
import WiecTally

/// Fuzzing of the `.pb` readers with generated files: whole files assembled from random META,
/// PROJECTS and VOTES rows (extreme numbers, stray separators and quotes, unknown and repeated
/// ids), and edits of a valid file. Whatever the bytes, both readers return the same election or
/// the same error naming a line of the file; neither crashes. The counts are bounded so that a
/// run takes seconds; a seed that ever fails is kept below as a regression case.
@Suite struct GeneratedFileTests {
    /// One of the values, shrinking towards the first.
    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, Shrink.Integer<Int>> {
        Gen.int(in: 0...(values.count - 1)).map { values[$0] }
    }

    /// Numbers at and past every edge a reader checks.
    static let numbers = [
        "0", "1", "-1", "7", "100000", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999",
        "1e3", "0x10", "1.5", "1,5", " 12", "", "+3", "00042",
    ]
    static let words = ["approval", "cumulative", "ordinal", "choose-1", "scoring", "greedy", "equalshares", "PLN", "x", "\"", ";", "ą"]
    static let metaKeys = [
        "description", "num_projects", "num_votes", "budget", "vote_type", "rule", "min_length", "max_length", "min_sum_cost",
        "max_sum_cost", "min_points", "max_points", "min_sum_points", "max_sum_points", "min_project_score_threshold", "currency",
        "budget", "unknown_key",
    ]

    /// A value for a field: a number, a word, or a run of bytes a scanner must survive.
    static let field = Gen<String>.oneOf(
        pick(numbers),
        pick(words),
        pick(Array("0123456789;,\"\r\n -vp")).string(of: 0...6))

    /// A comma-separated list of ids, some known (`1`...`4`), some not, some repeated.
    static let idList = pick(["1", "2", "3", "4", "9", "", "1", "x"]).array(of: 0...5).map { $0.joined(separator: ",") }

    /// A whole generated file.
    static let file = zip(
        zip(pick(metaKeys), field).array(of: 0...8),
        zip(pick(["1", "2", "3", "4", "1", ""]), field).array(of: 0...5),
        zip(pick(["v1", "v2", "v3", "v1", ""]), idList, idList).array(of: 0...6),
        Gen.bool
    ).map { meta, projects, votes, withPoints in
        var text = "META\nkey;value\nbudget;100000\nvote_type;\(withPoints ? "cumulative" : "approval")\n"
        text += meta.map { "\($0);\($1)\n" }.joined()
        text += "PROJECTS\nproject_id;cost;name\n" + projects.map { "\($0);\($1);Projekt\n" }.joined()
        text += "VOTES\nvoter_id;vote\(withPoints ? ";points" : "")\n"
        text += votes.map { voter, vote, points in withPoints ? "\(voter);\(vote);\(points)\n" : "\(voter);\(vote)\n" }.joined()
        return Array(text.utf8)
    }

    /// A valid file with up to six bytes replaced, removed or inserted.
    static let edited = zip(Gen.int(in: 0...10_000), Gen.int(in: 0...2), pick(Array(";,\"\n\r09-.aV ".utf8)))
        .array(of: 1...6)
        .map { edits in
            var bytes = Array(MalformedFileTests.valid.utf8)
            for (position, kind, byte) in edits where !bytes.isEmpty {
                let at = position % bytes.count
                switch kind {
                case 0: bytes[at] = byte
                case 1: bytes.remove(at: at)
                default: bytes.insert(byte, at: at)
                }
            }
            return bytes
        }

    /// Reads bytes with both readers and checks they agree.
    static func readBoth(_ bytes: [UInt8]) {
        let counted = Result { () throws(PabulibError) in try PabulibElection.parse(bytes, fileName: "fuzz.pb") }
        do {
            let election = try PabulibFile.parse(bytes, fileName: "fuzz.pb").election()
            #expect((try? counted.get())?.election == election, "the readers disagree on \(String(decoding: bytes, as: UTF8.self))")
        } catch {
            #expect(error.line >= 1 && error.line <= bytes.count { $0 == UInt8(ascii: "\n") } + 1)
            guard case .failure(let countedError) = counted else {
                Issue.record("PabulibElection read a file PabulibFile refuses (\(error)): \(String(decoding: bytes, as: UTF8.self))")
                return
            }
            #expect(countedError == error)
        }
    }

    /// Executions per property; each takes microseconds.
    static let executions = 2_000

    /// Files the generator once found crashing the readers: `num_votes` is a sizing hint, and a
    /// negative or huge one trapped in the tables' arithmetic.
    @Test("a negative or huge num_votes is only a hint", arguments: ["-9223372036854775808", "-1", "9223372036854775807"])
    func voteCountHint(_ numVotes: String) throws {
        let text = MalformedFileTests.valid.replacingOccurrences(of: "num_votes;3", with: "num_votes;\(numVotes)")
        Self.readBoth(Array(text.utf8))
        #expect(try PabulibElection.parse(Array(text.utf8), fileName: "hint.pb").election.ballots.count == 3)
    }

    @Test("generated files are read or refused alike by both readers")
    func generatedFiles() async {
        await propertyCheck(count: Self.executions, input: Self.file) { Self.readBoth($0) }
    }

    @Test("edited valid files are read or refused alike by both readers")
    func editedFiles() async {
        await propertyCheck(count: Self.executions, input: Self.edited) { Self.readBoth($0) }
    }
}
