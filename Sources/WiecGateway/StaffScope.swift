public import WiecCore

/// What a staff account may act on: everything, one edition, or some pools of one edition.
///
/// Written `*`, `EDITION`, or `EDITION:POOL,POOL` (a district, a sołectwo, ...).
public enum StaffScope: Sendable, Hashable {
    /// Every edition, and creating new ones.
    case all
    /// The whole of one edition.
    case edition(EditionID)
    /// Some pools of one edition.
    case pools(EditionID, Set<PoolID>)

    /// Parses the written form.
    ///
    /// - Returns: `nil` when the text is empty or names no pool after `:`.
    public init?(_ text: String) {
        if text == "*" {
            self = .all
            return
        }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let edition = parts.first, !edition.isEmpty else { return nil }
        if parts.count == 1 {
            self = .edition(edition)
            return
        }
        let pools = Set(parts[1].split(separator: ",").map(String.init))
        guard !pools.isEmpty else { return nil }
        self = .pools(edition, pools)
    }

    /// The written form.
    public var text: String {
        switch self {
        case .all: "*"
        case .edition(let edition): edition
        case .pools(let edition, let pools): "\(edition):\(pools.sorted().joined(separator: ","))"
        }
    }

    /// The core scope within an edition, or `nil` when the account has nothing there.
    public func scope(in edition: EditionID) -> Scope? {
        switch self {
        case .all: .edition
        case .edition(let own): own == edition ? .edition : nil
        case .pools(let own, let pools): own == edition ? .pools(pools) : nil
        }
    }
}
