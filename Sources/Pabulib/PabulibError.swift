/// A defect that makes a `.pb` file unreadable, located by file, line and field.
public struct PabulibError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name (as given to the reader).
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The section, column or META key at fault, when there is one.
    public var field: String?
    /// What is wrong, in plain words.
    public var message: String

    public init(file: String, line: Int, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(file):\(line): " + (field.map { "\($0): " } ?? "") + message
    }
}

/// A problem that does not stop a count: a published ballot that breaks the file's own rules
/// (counted as published), a `selected` value of no known meaning, or what the file states about
/// itself (META counts, official scores) that its data contradict. Reported, never hidden.
public struct PabulibWarning: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line number the warning is about, when there is one.
    public var line: Int?
    /// The field concerned.
    public var field: String
    /// What disagrees.
    public var message: String
    /// The index in VOTES of the ballot that breaks the file's rules, when the warning is about one.
    public var vote: Int?

    public init(line: Int?, field: String, message: String, vote: Int? = nil) {
        self.line = line
        self.field = field
        self.message = message
        self.vote = vote
    }

    public var description: String {
        (line.map { "line \($0): " } ?? "") + "\(field): \(message)"
    }
}
