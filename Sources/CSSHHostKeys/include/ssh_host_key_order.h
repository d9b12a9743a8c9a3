#ifndef CLINIC_SSH_HOST_KEY_ORDER_H
#define CLINIC_SSH_HOST_KEY_ORDER_H

/// Sets, for the calling thread, the host key algorithms the next ssh handshakes offer the
/// server, most wanted first (libssh2's names, comma-separated: "ssh-ed25519,ssh-rsa"); NULL
/// or "" leaves libssh2's and libgit2's own choice. Longer than 511 bytes is cut.
void clinic_ssh_set_host_key_order(const char *order);

#endif
