import ArgumentParser
import ClinicContent
import ClinicWorkflow
import Foundation

/// Where to put an entry in the page order.
struct PlacementOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Put it right after this entry.", valueName: "id"))
    var after: String?
    @Option(help: ArgumentHelp("Put it right before this entry.", valueName: "id"))
    var before: String?
    @Option(help: ArgumentHelp("Give it this position number.", valueName: "n"))
    var position: Int?

    func validate() throws {
        try OnlyOne.check(["--after": after != nil, "--before": before != nil, "--position": position != nil])
    }

    var placement: FAQPlacement? {
        if let after { return .after(after) }
        if let before { return .before(before) }
        if let position { return .position(position) }
        return nil
    }
}
