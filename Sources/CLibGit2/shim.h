#include <git2.h>
// An in-memory object store: merges computed only to be read write their blobs there.
#include <git2/sys/odb_backend.h>
#include <git2/sys/mempack.h>
