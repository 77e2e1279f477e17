extension StringProtocol {
    /// The text without leading and trailing white space, exactly as Foundation's
    /// `.whitespacesAndNewlines` trims it (Unicode's White_Space characters, and the zero width
    /// space Foundation still counts among them), worked out in Swift rather than through an
    /// NSString: reading a catalogue's thousand texts that way cost more than parsing its XML.
    public func trimmingWhitespace() -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{200B}" }
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
