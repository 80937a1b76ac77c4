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

/// A problem that the file states about itself (META counts or official scores that disagree
/// with the data); reported, never hidden, and it does not stop a count.
public struct PabulibWarning: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line number the warning is about, when there is one.
    public var line: Int?
    /// The field concerned.
    public var field: String
    /// What disagrees.
    public var message: String

    public init(line: Int?, field: String, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        (line.map { "line \($0): " } ?? "") + "\(field): \(message)"
    }
}
