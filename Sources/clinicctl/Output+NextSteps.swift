import Foundation

extension Output {
    /// What to type after `clinicctl init`, for someone who has never used clinicctl.
    static func initNextSteps(directory: String, bare: Bool) -> String {
        if bare {
            return """

                Next: this bare repository is for sharing; each person clones it and works in the clone:
                  git clone \(directory) clinic-content && cd clinic-content
                  clinicctl config --as "Your Name <you@example.com>"
                """
        }
        return """

            Next:
              go into it:              cd \(directory)
              say who you are, once:   clinicctl config --as "Your Name <you@example.com>"
              see what is there:       clinicctl summary
              make a first edit:       clinicctl hours show    (then e.g. clinicctl hours set LOCATION sat 9-1)
              see the open drafts:     clinicctl drafts
            """
    }
}
