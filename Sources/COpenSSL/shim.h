// OpenSSL's libcrypto and libssl as one system module; pkg-config openssl gives the flags.
// The macros Swift cannot call are re-exported as functions by the CCerebroCrypto target.
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
