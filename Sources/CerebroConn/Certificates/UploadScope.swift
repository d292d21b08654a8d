/// Where a certificate lets its holder upload through Cargador, read from the subject's `OU`.
///
/// The Cerebro manual's format is `OU=upload:*` for any project, or
/// `OU=upload:name1:name2` for the named projects; the prefix and the project names are
/// compared without regard to case.
public enum UploadScope: Equatable, Sendable {
    /// No `OU` of the upload form: the certificate grants no upload rights.
    case none

    /// `upload:*`: uploads to any project.
    case anyProject

    /// `upload:a:b`: uploads to these projects only, spelled as in the certificate.
    case projects([String])

    private static let prefix = "upload:"

    /// Reads the scope from the subject's `OU` values; several upload values are combined.
    public init(organizationalUnits: [String]) {
        var projects: [String] = []
        for unit in organizationalUnits {
            guard unit.lowercased().hasPrefix(Self.prefix) else {
                continue
            }

            let list = unit.dropFirst(Self.prefix.count)
            if list == "*" {
                self = .anyProject
                return
            }
            projects += list.split(separator: ":").map(String.init)
        }
        self = projects.isEmpty ? .none : .projects(projects)
    }

    /// Whether the scope allows uploads to `project`; names are compared without regard to case.
    public func permits(project: String) -> Bool {
        switch self {
        case .none:
            false
        case .anyProject:
            true
        case .projects(let names):
            names.contains { $0.lowercased() == project.lowercased() }
        }
    }
}

extension UploadScope: CustomStringConvertible {
    /// A short text for listings: `none`, `any project`, or the project names.
    public var description: String {
        switch self {
        case .none:
            "none"
        case .anyProject:
            "any project"
        case .projects(let names):
            names.joined(separator: ", ")
        }
    }
}
