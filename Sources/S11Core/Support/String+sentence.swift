extension String {
    /// The words as a sentence starts them, first letter in capitals: a rule's "the name is empty"
    /// becomes "The name is empty" on a page or in a letter.
    public var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
