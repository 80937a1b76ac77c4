extension String {
    /// The text without leading and trailing spaces and tabs: the characters of Foundation's
    /// `CharacterSet.whitespaces` (Unicode space separators and U+0009), found without bridging
    /// to Foundation, which costs more than the rest of a small file's META.
    func trimmingSpaces() -> String {
        // Nearly every value starts and ends with an ASCII byte other than a space or a tab:
        // such a value is its own trimmed form.
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, Self.isPlainASCII(first), Self.isPlainASCII(last) {
            return self
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// Whether a UTF-8 byte is an ASCII character that is neither a space nor a tab.
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t")
    }
}
