import CerebroConn
import Testing

@Suite struct UploadScopeTests {
    /// One row: the subject's `OU` values and the scope they grant.
    struct ScopeCase: Sendable, CustomTestStringConvertible {
        let units: [String]
        let scope: UploadScope

        var testDescription: String {
            units.isEmpty ? "no OU" : units.joined(separator: " + ")
        }
    }

    static let scopeCases: [ScopeCase] = [
        ScopeCase(units: [], scope: .none),
        ScopeCase(units: ["Render"], scope: .none),
        ScopeCase(units: ["uploads:ProjA"], scope: .none),
        ScopeCase(units: ["upload:"], scope: .none),
        ScopeCase(units: ["upload:*"], scope: .anyProject),
        ScopeCase(units: ["UPLOAD:*"], scope: .anyProject),
        ScopeCase(units: ["upload:ProjA:projB"], scope: .projects(["ProjA", "projB"])),
        ScopeCase(units: ["Upload:Solo"], scope: .projects(["Solo"])),
        ScopeCase(units: ["upload:a::b"], scope: .projects(["a", "b"])),
        ScopeCase(units: ["Render", "upload:x"], scope: .projects(["x"])),
        ScopeCase(units: ["upload:x", "upload:y"], scope: .projects(["x", "y"])),
        ScopeCase(units: ["upload:x", "upload:*"], scope: .anyProject),
    ]

    @Test(arguments: scopeCases)
    func scopeIsReadFromOrganizationalUnits(_ row: ScopeCase) {
        #expect(UploadScope(organizationalUnits: row.units) == row.scope)
    }

    @Test func projectNamesMatchWithoutCase() {
        let scope = UploadScope.projects(["ProjA", "projB"])

        #expect(scope.permits(project: "proja"))
        #expect(scope.permits(project: "PROJB"))
        #expect(!scope.permits(project: "projC"))
        #expect(!scope.permits(project: "Proj"))
    }

    @Test func noScopePermitsNothingAndStarPermitsAll() {
        #expect(!UploadScope.none.permits(project: "ProjA"))
        #expect(UploadScope.anyProject.permits(project: "ProjA"))
    }
}
