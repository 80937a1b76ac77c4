import ArgumentParser

/// The values of `--exclusive ID,ID,...`: groups of projects of which at most one may be funded.
enum ExclusiveOption {
    /// Each value's projects, as indices into `ids`.
    ///
    /// - Throws: `ValidationError` naming a value with fewer than two projects, a project named
    ///   twice, or an id that is not among `ids`.
    static func groups(_ values: [String], in ids: [String]) throws -> [[Int]] {
        var index: [String: Int] = [:]
        for (position, id) in ids.enumerated() { index[id] = position }
        return try values.map { value in
            let members = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard members.count >= 2, Set(members).count == members.count else {
                throw ValidationError("--exclusive \(value): name at least two different projects, separated by commas.")
            }
            return try members.map { id in
                guard let position = index[id] else { throw ValidationError("--exclusive \(value): no project '\(id)'.") }
                return position
            }
        }
    }
}
