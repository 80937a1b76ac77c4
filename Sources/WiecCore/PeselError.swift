/// Why a text is not a valid PESEL.
public struct PeselError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { "invalid PESEL: \(message)" }
}
