extension Unicode.Scalar {
    /// The Unicode White_Space property, ASCII (tab to carriage return, and space) told without the
    /// property tables: text is scanned scalar by scalar in hot loops.
    var isWhiteSpace: Bool {
        isASCII ? self == " " || ("\t"..."\r").contains(self) : properties.isWhitespace
    }
}
