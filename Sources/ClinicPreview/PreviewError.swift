/// Why a preview could not be made. Each says what to do next.
public enum PreviewError: Error, Equatable, CustomStringConvertible {
    /// `bundle.json` is not JSON of the expected shape; the text says where.
    case unreadableBundle(String)
    /// A bundle of a major version this reader does not know.
    case unsupportedVersion(String)
    /// `--locale` named a locale the bundle does not carry.
    case unknownLocale(String, available: [String])
    /// The folder could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableBundle(let why): "bundle.json cannot be read: \(why); export it again with this clinicctl"
        case .unsupportedVersion(let version):
            "bundle.json has schemaVersion \(version); this preview reads 1.x bundles only (upgrade clinicctl)"
        case .unknownLocale(let locale, let available):
            "the content has no locale \(locale); it has \(available.joined(separator: ", "))"
        case .cannotWrite(let path, let reason): "cannot write the preview to \(path): \(reason)"
        }
    }
}
