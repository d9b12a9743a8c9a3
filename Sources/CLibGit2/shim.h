#include <git2.h>
// An in-memory object store: merges computed only to be read write their blobs there.
#include <git2/sys/odb_backend.h>
#include <git2/sys/mempack.h>

// git_libgit2_opts is variadic, which Swift cannot call: one setting per wrapper.

// Whether every object read is hashed again to check its id. Git itself does not
// (it checks at fsck and when objects arrive); at chain scale a 5,000-entry tree is
// about 250 KB, and the check made reading history hash gigabytes.
static inline int clinic_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}


// The CA certificates TLS connections are checked against: a file, a folder, or both
// (NULL for neither). With libgit2 1.5's mbedTLS backend this replaces the set loaded
// before, for the whole process (the system bundle at start-up).
static inline int clinic_git_set_ssl_cert_locations(const char *file, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, path);
}
