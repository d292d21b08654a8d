import CerebroCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let status = CerebroTool.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
