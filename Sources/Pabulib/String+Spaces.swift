extension String {
    /// The text without leading and trailing spaces and tabs: the characters of Foundation's
    /// `CharacterSet.whitespaces` (Unicode space separators and U+0009), found without bridging
    /// to Foundation, which costs more than the rest of a small file's META.
    func trimmingSpaces() -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
