/// Why a text is not a valid PESEL.
public struct PeselError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of defect, so that a form can say in its own language which one it met.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Not eleven characters.
        case length
        /// A character that is not a digit.
        case notDigits = "not_digits"
        /// The check digit does not match the other ten.
        case checkDigit = "check_digit"
        /// The birth date it encodes does not exist.
        case date
    }

    /// Which defect it is.
    public var kind: Kind
    /// What is wrong.
    public var message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "invalid PESEL: \(message)" }
}
