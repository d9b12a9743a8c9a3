import ArgumentParser
import ClinicContent
import ClinicWorkflow

extension SocialNetwork: ExpressibleByArgument {}
