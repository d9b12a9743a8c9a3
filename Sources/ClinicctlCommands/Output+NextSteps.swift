import Foundation

extension Output {
    /// What to type after `clinicctl init`, for someone who has never used clinicctl.
    /// `publishes`: the hooks given to a bare init ship `post-receive`, so the server can publish.
    static func initNextSteps(directory: String, bare: Bool, publishes: Bool = false) -> String {
        if bare {
            let server =
                publishes
                ? """
                  on this server, once:    clinicctl hooks install --server --repo \(directory) --webroot /srv/www/clinic    (the web server serves /srv/www/clinic/current)
                  publish what is there:   clinicctl publish --repo \(directory)
                """
                : """
                  on this server, once:    clinicctl hooks install --server --repo \(directory)    (checks every push; without --hooks nothing publishes here: make it with --hooks DIR, clinicctl's hooks/ folder, to publish from the server)
                """
            return """

                Next: this bare repository is for sharing.
                \(server)
                  each person, a copy:     clinicctl clone \(directory) clinic-content    (from elsewhere: ssh://user@server\(absolute(directory)))
                  then, in the copy:       cd clinic-content && clinicctl config --as "Your Name <you@example.com>"
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

    /// What to type after `clinicctl clone`: the same first steps, then `sync` to share them.
    static func cloneNextSteps(folder: String) -> String {
        """
        Next:
          go into it:              cd \(folder)
          say who you are, once:   clinicctl config --as "Your Name <you@example.com>"
          see what is there:       clinicctl faq list
          make a first edit:       clinicctl hours show    (then e.g. clinicctl hours set LOCATION sat 9-1)
          send yours, get others': clinicctl sync
        """
    }

    /// `directory` from the root, as an ssh address names it.
    private static func absolute(_ directory: String) -> String {
        URL(fileURLWithPath: directory).standardizedFileURL.path
    }
}
