// libgit2 1.5.1 asks libssh2 for one host key type only: the type of the first line that
// ~/.ssh/known_hosts (the process's HOME, not the one clinicctl was given) has for the
// host; with no line, libssh2 1.10's own order, ECDSA first. Between creating the ssh
// session and its handshake there is no option or callback to change that.
//
// So clinicctl defines the two libssh2 functions libgit2 calls there. The dynamic linker
// resolves libgit2's calls to these (a program's own definitions come first, and the linker
// exports a definition a linked library refers to); each calls libssh2's real one, found
// with dlsym(RTLD_NEXT). With an order set on the calling thread (ClinicGit sets it around
// each ssh call, from the known_hosts file it checks keys against), the handshake offers
// that order, and libgit2's one-type preference is replaced by it. Without one, both pass
// through unchanged.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>

#include "ssh_host_key_order.h"

typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;
enum { CLINIC_LIBSSH2_METHOD_HOSTKEY = 1 };

static __thread char wanted[512];

void clinic_ssh_set_host_key_order(const char *order) {
    if (order == NULL) {
        wanted[0] = '\0';
        return;
    }
    strncpy(wanted, order, sizeof wanted - 1);
    wanted[sizeof wanted - 1] = '\0';
}

typedef int (*method_pref_function)(LIBSSH2_SESSION *, int, const char *);
typedef int (*handshake_function)(LIBSSH2_SESSION *, int);

static method_pref_function real_method_pref(void) {
    static method_pref_function real;
    if (real == NULL) real = (method_pref_function)dlsym(RTLD_NEXT, "libssh2_session_method_pref");
    return real;
}

int libssh2_session_method_pref(LIBSSH2_SESSION *session, int method_type, const char *prefs) {
    method_pref_function real = real_method_pref();
    if (real == NULL) return -1;
    if (method_type == CLINIC_LIBSSH2_METHOD_HOSTKEY && wanted[0] != '\0') prefs = wanted;
    return real(session, method_type, prefs);
}

int libssh2_session_handshake(LIBSSH2_SESSION *session, int sock) {
    static handshake_function real;
    if (real == NULL) real = (handshake_function)dlsym(RTLD_NEXT, "libssh2_session_handshake");
    if (real == NULL) return -1;
    if (wanted[0] != '\0') {
        method_pref_function pref = real_method_pref();
        // An order naming nothing libssh2 knows is refused by it: its own order stays.
        if (pref != NULL) (void)pref(session, CLINIC_LIBSSH2_METHOD_HOSTKEY, wanted);
    }
    return real(session, sock);
}
