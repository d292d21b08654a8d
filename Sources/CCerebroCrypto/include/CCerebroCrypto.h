// The door from Swift to OpenSSL's libcrypto and libssl. Swift imports these headers directly;
// the functions declared here re-export what OpenSSL provides only as macros.
#ifndef CCEREBRO_CRYPTO_H
#define CCEREBRO_CRYPTO_H

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/// The number of entries in a stack of general names (a macro in OpenSSL).
int CCerebroCrypto_GeneralNames_count(const GENERAL_NAMES *names);

#endif
