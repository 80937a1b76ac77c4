import WiecCore
import WiecGateway

/// The lines of a paper batch as an official types them, one card a line:
/// `PESEL or resident id; pool; projects` with projects separated by commas, each `ID` or, on a
/// cumulative card, `ID:points`. A line's defect is named with its number.
struct PaperBatchForm: Sendable {
    /// One card read from a line.
    struct Line: Sendable {
        var number: Int
        var voterText: String
        var card: PaperCard
    }

    var lines: [Line] = []
    /// What is wrong, line by line.
    var problems: [(line: Int, message: String)] = []

    /// Reads the text, finding each voter by PESEL (or taking a voter id as written).
    init(_ text: String, resident: (Pesel) throws -> ResidentID?, renderer: PageRenderer, page: PageRequest) throws {
        var lines: [Line] = []
        var problems: [(line: Int, message: String)] = []
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in rows.enumerated() {
            let number = index + 1
            let row = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !row.isEmpty else { continue }
            let say = { (key: String) in problems.append((number, renderer.text(key, page, ["line": String(number)]))) }
            let parts = row.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3 else { say("staff_card_fields"); continue }
            let who: ResidentID
            if parts[0].count == 11, parts[0].allSatisfy(\.isNumber) {
                guard let pesel = try? Pesel(parts[0]) else { say("staff_card_pesel"); continue }
                guard let found = try resident(pesel) else { say("staff_card_not_registered"); continue }
                who = found
            } else if parts[0].hasPrefix("r-"), parts[0].count <= 64 {
                who = parts[0]
            } else {
                say("staff_card_voter")
                continue
            }
            var projects: [ProposalID] = []
            var points: [Int64] = []
            var malformed = false
            for item in parts[2].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                let pieces = item.split(separator: ":").map(String.init)
                projects.append(pieces[0])
                if pieces.count == 2, let value = Int64(pieces[1]) { points.append(value) } else if pieces.count != 1 { malformed = true }
            }
            if malformed || (!points.isEmpty && points.count != projects.count) { say("staff_card_points"); continue }
            lines.append(Line(number: number, voterText: parts[0], card: PaperCard(resident: who, pool: parts[1], projects: projects, points: points)))
        }
        if lines.count > CommandGateway.maxPaperBatch { problems.append((0, renderer.text("staff_batch_too_large", page))) }
        self.lines = lines
        self.problems = problems
    }
}
