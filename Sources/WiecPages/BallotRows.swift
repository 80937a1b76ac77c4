import WiecTally

/// The project rows of a ballot as HTML (`ballot_row.mustache`), each ending in its own line.
/// A row its voter has not marked is the same for every voter who reads the pool in that
/// language, so it is rendered once and kept under everything it shows (the project's id,
/// title, cost, category, place and link, the pool's ballot type and points limit, the
/// language): a change to any of them renders it again. Each voter's order only arranges the
/// kept rows; a marked row is rendered for its voter alone and not kept.
struct BallotRows: Sendable {
    /// The most rows kept at once: the projects of many large pools in both languages.
    static let capacity = 20_000

    private struct Key: Hashable, Sendable {
        var row: BallotPage.Row
        var voteType: VoteType
        var language: Language
    }

    /// A row as the template reads it: the row's fields, the ballot type, the texts.
    private struct Scope: ViewModel {
        var row: BallotPage.Row
        var voteType: VoteType

        func child(named name: String) -> Any? {
            switch name {
            case "isApproval": voteType == .approval
            case "isChooseOne": voteType == .chooseOne
            case "isPoints": voteType == .cumulative || voteType == .scoring
            case "isOrdinal": voteType == .ordinal
            default: row.child(named: name)
            }
        }
    }

    let renderer: PageRenderer
    private let kept = BoundedCache<Key, String>(capacity: capacity)

    init(renderer: PageRenderer) {
        self.renderer = renderer
    }

    /// The rows in the order given, one after the other.
    func html(_ rows: [BallotPage.Row], voteType: VoteType, language: Language) -> String {
        var html = ""
        for row in rows {
            let render = { renderer.shared("ballot_row", Scope(row: row, voteType: voteType), language: language) }
            html += row.checked ? render() : kept.value(for: Key(row: row, voteType: voteType, language: language), make: render)
        }
        return html
    }
}
