import CLibGit2
import Foundation

/// One thing clinicctl can offer a server that asks who it is.
enum OfferedCredential: Equatable {
    case keyFile(URL)
    case agent
    case token

    /// How messages name it: "the ssh key /home/o/.ssh/id_ed25519", "ssh-agent", "the token".
    func label(passwordFromAddress: Bool) -> String {
        switch self {
        case .keyFile(let key): "the ssh key \(key.path)"
        case .agent: "ssh-agent"
        case .token: passwordFromAddress ? "the password written in the address" : "the token"
        }
    }
}

extension NetworkSession {
    /// Offers each configured credential once, in order; stops after the last one or
    /// after `maximumAttempts`, since libgit2 asks again after every refusal.
    func credential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, _ userFromURL: String?, _ allowed: UInt32)
        -> Int32
    {
        // Whoever asks, libgit2 names the configured address: check where it really is.
        if let elsewhere = redirectedElsewhere { return refuseRedirect(to: elsewhere) }
        let user = userFromURL ?? access.sshUser ?? "git"
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 { return git_credential_username_new(out, user) }
        let candidates = offers(allowed)
        guard attempts < min(candidates.count, access.maximumAttempts) else { return giveUp(candidates.isEmpty) }
        let offer = candidates[attempts]
        attempts += 1
        tried.append(offer.label(passwordFromAddress: access.passwordFromAddress))
        switch offer {
        case .keyFile(let key):
            offeredKeys.append(key)
            let publicKey = key.path + ".pub"
            let known = FileManager.default.fileExists(atPath: publicKey) ? publicKey : nil
            return git_credential_ssh_key_new(out, user, known, key.path, nil)
        case .agent:
            return git_credential_ssh_key_from_agent(out, user)
        case .token:
            return git_credential_userpass_plaintext_new(out, userFromURL ?? addressUser ?? access.tokenUser, access.token!)
        }
    }

    /// What may be offered for what the server allows, in order: key files that need no
    /// passphrase, ssh-agent, then the token.
    private func offers(_ allowed: UInt32) -> [OfferedCredential] {
        var offers: [OfferedCredential] = []
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            askedForSSHKey = true
            offers += access.sshKeys.filter { !lockedKeys.contains($0) }.map(OfferedCredential.keyFile)
            if access.useSSHAgent { offers.append(.agent) }
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, access.token != nil { offers.append(.token) }
        return offers
    }

    private func giveUp(_ nothingToOffer: Bool) -> Int32 {
        let message: String
        if nothingToOffer, configuredServer != nil {
            message =
                "the server at \(url) asks who you are, and there is nothing to offer it: set CLINICCTL_TOKEN to your token or password (a password written in a clone's address is used for that clone only and never stored)"
        } else if nothingToOffer, let locked = lockedKeysSentence {
            message = "the server at \(url) asks who you are, and there is nothing to offer it: \(locked)"
        } else if nothingToOffer {
            message =
                "the server at \(url) asks who you are, and there is nothing to offer it: for ssh set CLINICCTL_SSH_KEY to your key file, start ssh-agent, or keep your key as ~/.ssh/id_ed25519; for https set CLINICCTL_TOKEN"
        } else {
            message =
                "the server at \(url) refused \(tried.joined(separator: " and ")) (\(attempts) attempt\(attempts == 1 ? "" : "s")); check that your key or token is the one the server knows"
                + (lockedKeysSentence.map { "; not offered: \($0)" } ?? "") + (rsaKeysSentence.map { ". \($0)" } ?? "")
        }
        return fail(GitError(code: .authentication, operation: "sign in to \(url)", message: message), GIT_ERROR_NET, -1)
    }

    /// Why an RSA key file the server knows may still be refused, and what to do; nil when
    /// no RSA key file was offered.
    private var rsaKeysSentence: String? {
        var rsa = offeredKeys.filter(SSHPrivateKeyFile.isRSA).map(\.path)
        if tried.contains(OfferedCredential.agent.label(passwordFromAddress: false)), let socket = access.agentSocket {
            rsa += SSHAgentKeys.identities(socket: socket).filter { $0.type == "ssh-rsa" }.map { "ssh-agent's \($0.comment)" }
        }
        guard !rsa.isEmpty else { return nil }
        return
            "\(rsa.joined(separator: ", ")) \(rsa.count == 1 ? "is an RSA key" : "are RSA keys"): clinicctl's ssh library (libssh2 1.10) signs with RSA keys only by SHA-1 (ssh-rsa), which OpenSSH 8.8 and later refuse even for a key in authorized_keys (the server logs `ssh-rsa not in PubkeyAcceptedAlgorithms`). Make an Ed25519 key (ssh-keygen -t ed25519) and ask the server's administrator to add its .pub to your authorized_keys"
    }

    /// The key files that need a passphrase, named, and what to do instead; nil when none does.
    private var lockedKeysSentence: String? {
        guard askedForSSHKey else { return nil }
        let locked = access.sshKeys.filter(lockedKeys.contains)
        guard !locked.isEmpty else { return nil }
        let names = locked.map(\.path).joined(separator: ", ")
        let first = locked[0].path
        return
            "\(names) \(locked.count == 1 ? "is" : "are") protected by a passphrase, which clinicctl cannot ask for: add \(locked.count == 1 ? "it" : "them") to ssh-agent (ssh-add \(first)), or set CLINICCTL_SSH_KEY to a key file without a passphrase"
    }
}
