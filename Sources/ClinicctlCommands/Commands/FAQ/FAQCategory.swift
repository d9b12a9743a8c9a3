import ArgumentParser

extension FAQ {
    struct Category: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "category",
            abstract: "List, add, rename and remove the FAQ's categories (its sections).",
            subcommands: [CategoryList.self, CategoryAdd.self, CategoryRename.self, CategoryRemove.self])
    }
}
