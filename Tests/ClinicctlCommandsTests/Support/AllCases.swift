extension CommandCase {
    /// Every case, of every group.
    static var all: [CommandCase] { faq + hours + places + content + drafts + reviews + history + publishing + team }
}
