import ArgumentParser
import ClinicContent
import ClinicWorkflow

/// Read as people type it: `Facebook`, `twitter` (for x).
extension SocialNetwork: ExpressibleByArgument {
    public init?(argument: String) { self.init(typed: argument) }
}
