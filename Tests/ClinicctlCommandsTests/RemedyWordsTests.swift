import ClinicWorkflow
import Foundation
import Testing

@testable import ClinicctlCommands

/// Each next step the library names as data is said as a real clinicctl command.
@Suite struct RemedyWordsTests {
    static let remedies: [Remedy] = [
        .reopenDraft("parking"), .updateDraft("parking"), .decideConflicts("parking"), .showDraft("parking"), .reviewAgain("parking"),
        .acceptBeyondContent("parking", [.hooks]), .discardDraft("parking"), .listFAQ, .setIdentity, .openRepository, .cloneRepository,
        .listSocial, .showHours(location: "glenview"), .validate, .authorsWithdraw, .listSigningKey, .readInDraft("parking"), .publish,
        .moveToAnotherCategory, .translateAfterwards(locale: "es"), .sync,
    ]

    @Test(arguments: remedies) func saysACommand(_ remedy: Remedy) throws {
        let words = remedy.words
        // Every command quoted (`clinicctl verb ...`, or on a line of its own) is one there is; at least one is.
        let quoted = words.matches(of: /(?:`|\n\s*)clinicctl ([a-z]+)/).map(\.output.1)
        #expect(!quoted.isEmpty, "\(words)")
        for verb in quoted {
            #expect(Clinicctl.configuration.subcommands.contains { $0.configuration.commandName == String(verb) }, "\(verb) in \(words)")
        }
        if let subject = remedy.subject { #expect(words.contains(subject), "\(words) does not name \(subject)") }
    }

    @Test func kindsAreDistinct() {
        #expect(Set(Self.remedies.map(\.kind)).count == Self.remedies.count)
    }

    /// `--json` gives the next step as `{kind, subject}`; read back, it is the same step.
    @Test(arguments: remedies) func roundTrips(_ remedy: Remedy) throws {
        let data = try JSONEncoder().encode(remedy)
        #expect(try JSONDecoder().decode(Remedy.self, from: data) == remedy)
    }

    /// The inbox's column gives the one command that acts on each kind of item.
    @Test func inboxCommands() {
        #expect(Remedy.showDraft("parking").command == "clinicctl review show parking")
        #expect(Remedy.reopenDraft("parking").command == "clinicctl draft reopen parking")
        #expect(Remedy.updateDraft("parking").command == "clinicctl draft update parking")
    }
}
