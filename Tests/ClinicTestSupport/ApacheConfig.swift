import Foundation

/// The whole Apache config `ApacheGitServer` runs: a frame a test needs (its own server root,
/// pid file, logs, modules by absolute path, one port) around `gitLines`, the lines
/// docs/team.md gives a clinic to add to its own virtual host.
public struct ApacheConfig {
    let folder: URL
    let port: Int
    let projectRoot: URL
    let passwords: URL
    let certificate: URL
    let key: URL
    /// The account to serve as (Apache refuses to serve as root); nil keeps the test's own.
    let account: String?

    static let modules: [(String, String)] = [
        ("mpm_prefork_module", "mod_mpm_prefork.so"), ("authn_core_module", "mod_authn_core.so"),
        ("authn_file_module", "mod_authn_file.so"), ("authz_core_module", "mod_authz_core.so"),
        ("authz_user_module", "mod_authz_user.so"), ("auth_basic_module", "mod_auth_basic.so"),
        ("alias_module", "mod_alias.so"), ("env_module", "mod_env.so"), ("cgi_module", "mod_cgi.so"),
        ("socache_shmcb_module", "mod_socache_shmcb.so"), ("ssl_module", "mod_ssl.so"),
    ]

    /// What serves git: as docs/team.md's Apache recipe has it, with this test's paths.
    var gitLines: String { Self.gitLines(projectRoot: projectRoot.path, passwords: passwords.path) }

    /// The lines docs/team.md's Apache recipe gives, serving the repositories under
    /// `projectRoot` at /git/ to the users in the htpasswd file `passwords`.
    public static func gitLines(projectRoot: String, passwords: String) -> String {
        """
        SetEnv GIT_PROJECT_ROOT \(projectRoot)
        SetEnv GIT_HTTP_EXPORT_ALL 1
        ScriptAlias /git/ /usr/lib/git-core/git-http-backend/
        <Location /git/>
            AuthType Basic
            AuthName "Clinic content"
            AuthBasicProvider file
            AuthUserFile \(passwords)
            Require valid-user
        </Location>
        """
    }

    var text: String {
        let loads = Self.modules.map { "LoadModule \($0.0) \(ApacheGitServer.modules)/\($0.1)" }.joined(separator: "\n")
        let user = account.map { "User \($0)\nGroup \($0)\n" } ?? ""
        return """
            ServerRoot \(folder.path)
            ServerName 127.0.0.1
            Listen 127.0.0.1:\(port)
            PidFile \(folder.path)/run/httpd.pid
            DefaultRuntimeDir \(folder.path)/run
            ErrorLog \(folder.path)/logs/error.log
            LogLevel info
            \(user)\(loads)
            StartServers 2
            MaxRequestWorkers 8
            LogFormat "%h %u \\"%r\\" %>s" clinic
            CustomLog \(folder.path)/logs/access.log clinic
            SSLEngine on
            SSLCertificateFile \(certificate.path)
            SSLCertificateKeyFile \(key.path)
            SSLSessionCache shmcb:\(folder.path)/run/ssl_scache(512000)
            \(gitLines)

            """
    }
}
