import Foundation

extension PabulibFile {
    /// The file in pabulib's text form: META, PROJECTS and VOTES with `;` delimiters, LF line
    /// ends, fields quoted only where they must be. Reading it back gives an equal file.
    public func written() -> String {
        var out = "META\nkey;value\n"
        for entry in meta {
            out += Self.field(entry.key) + ";" + Self.field(entry.value) + "\n"
        }
        out += "PROJECTS\n"
        out += (["project_id", "cost"] + projectColumns).map(Self.field).joined(separator: ";") + "\n"
        for project in projects {
            out += ([project.id, project.cost.description] + project.values).map(Self.field).joined(separator: ";") + "\n"
        }
        out += "VOTES\n"
        out += (["voter_id", "vote"] + (hasPoints ? ["points"] : []) + voteColumns).map(Self.field).joined(separator: ";") + "\n"
        for vote in votes {
            var row = [vote.voterID, vote.projects.map { projects[$0].id }.joined(separator: ",")]
            if hasPoints { row.append(vote.points.map(String.init).joined(separator: ",")) }
            row += vote.values
            out += row.map(Self.field).joined(separator: ";") + "\n"
        }
        return out
    }

    /// A field as written: quoted when it holds a delimiter, a quote, a line break, or starts
    /// with a quote or would otherwise read as a section title.
    private static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
