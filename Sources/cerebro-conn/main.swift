import CerebroCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
// Completion runs `list --names` on every Tab: answer it before anything else is set up.
if let status = NamesFastPath.run(arguments: arguments) {
    exit(status.rawValue)
}
exit(CerebroTool.runAsProcess(arguments: arguments).rawValue)
