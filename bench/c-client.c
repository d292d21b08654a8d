/*
 * c-client: the fastest connection check we can write with libpq, as a yardstick for
 * `cerebro-conn test`. Same parameters: verify-full, a client certificate, SELECT 1.
 *
 *   c-client HOST PORT DBNAME USER CERTDIR [TIMEOUT]
 *
 * Exit status follows pg_isready and cerebro-conn test: 0 accepted, 1 rejected,
 * 2 no response, 3 not attempted (wrong arguments).
 */
#include <libpq-fe.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    char cert[4096], key[4096], root[4096];
    PGconn *conn;
    PGresult *res;
    int ok;

    if (argc < 6) {
        fprintf(stderr, "usage: c-client HOST PORT DBNAME USER CERTDIR [TIMEOUT]\n");
        return 3;
    }
    snprintf(cert, sizeof cert, "%s/client.crt", argv[5]);
    snprintf(key, sizeof key, "%s/client.key", argv[5]);
    snprintf(root, sizeof root, "%s/ca.crt", argv[5]);

    const char *keywords[] = {
        "host", "port", "dbname", "user", "connect_timeout", "sslmode",
        "sslcert", "sslkey", "sslrootcert", "gssencmode", NULL
    };
    const char *values[] = {
        argv[1], argv[2], argv[3], argv[4], argc > 6 ? argv[6] : "10", "verify-full",
        cert, key, root, "disable", NULL
    };
    conn = PQconnectdbParams(keywords, values, 0);
    if (conn == NULL) {
        return 3;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "%s", PQerrorMessage(conn));
        PQfinish(conn);
        return 1;
    }
    res = PQexec(conn, "SELECT 1");
    ok = PQresultStatus(res) == PGRES_TUPLES_OK && strcmp(PQgetvalue(res, 0, 0), "1") == 0;
    if (!ok) {
        fprintf(stderr, "%s", PQerrorMessage(conn));
    }
    PQclear(res);
    PQfinish(conn);
    return ok ? 0 : 1;
}
