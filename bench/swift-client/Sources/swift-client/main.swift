// swift-client HOST PORT DBNAME USER CERTDIR [TIMEOUT]: bench/c-client.c, written in Swift.
// No Foundation, no checks: the least a Swift program can do to connect and run SELECT 1.
import CLibPQ

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 6 else {
    exit(3)
}
let folder = arguments[5]
let pairs = [
    ("host", arguments[1]), ("port", arguments[2]), ("dbname", arguments[3]),
    ("user", arguments[4]), ("connect_timeout", arguments.count > 6 ? arguments[6] : "10"),
    ("sslmode", "verify-full"), ("sslcert", folder + "/client.crt"),
    ("sslkey", folder + "/client.key"), ("sslrootcert", folder + "/ca.crt"),
    ("gssencmode", "disable"),
]
let keywords = pairs.map { strdup($0.0) }
let values = pairs.map { strdup($0.1) }
let connection = PQconnectdbParams(
    keywords.map { UnsafePointer($0) } + [nil],
    values.map { UnsafePointer($0) } + [nil],
    0
)
guard PQstatus(connection) == CONNECTION_OK else {
    PQfinish(connection)
    exit(1)
}
let result = PQexec(connection, "SELECT 1")
let accepted = PQresultStatus(result) == PGRES_TUPLES_OK
PQclear(result)
PQfinish(connection)
exit(accepted ? 0 : 1)
