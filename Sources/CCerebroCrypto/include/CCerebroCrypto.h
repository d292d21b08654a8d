// Functions for what OpenSSL provides only as macros, which Swift cannot call. OpenSSL itself
// comes to Swift through the COpenSSL system module; this header includes only the OpenSSL
// headers that its own declarations need.
#ifndef CCEREBRO_CRYPTO_H
#define CCEREBRO_CRYPTO_H

#include <openssl/bio.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/// The number of entries in a stack of general names (a macro in OpenSSL).
int CCerebroCrypto_GeneralNames_count(const GENERAL_NAMES *names);

/// The entry at `index` in a stack of general names, not owned by the caller (a macro in OpenSSL).
GENERAL_NAME *CCerebroCrypto_GeneralNames_value(const GENERAL_NAMES *names, int index);

/// Frees memory that OpenSSL allocated for the caller (`OPENSSL_free`, a macro).
void CCerebroCrypto_free(void *pointer);

/// The bytes written to a memory BIO so far, not owned by the caller (`BIO_get_mem_data`).
long CCerebroCrypto_BIO_getMemoryData(BIO *bio, char **data);

/// Flags for `X509_NAME_print_ex`: RFC 2253 one-line form, with UTF-8 kept as is.
unsigned long CCerebroCrypto_nameFlagsRFC2253UTF8(void);

/// The reason part of a packed OpenSSL error code (`ERR_GET_REASON`).
int CCerebroCrypto_errorReason(unsigned long code);

/// A new, empty stack of certificates that does not own its entries (`sk_X509_new_null`).
STACK_OF(X509) *CCerebroCrypto_X509Stack_new(void);

/// Appends a certificate without taking a reference (`sk_X509_push`); returns 0 on failure.
int CCerebroCrypto_X509Stack_push(STACK_OF(X509) *stack, X509 *certificate);

/// Frees the stack but not the certificates in it (`sk_X509_free`).
void CCerebroCrypto_X509Stack_free(STACK_OF(X509) *stack);

/// The number of certificates in a stack (`sk_X509_num`).
int CCerebroCrypto_X509Stack_count(const STACK_OF(X509) *stack);

/// The certificate at `index`, not owned by the caller (`sk_X509_value`).
X509 *CCerebroCrypto_X509Stack_value(const STACK_OF(X509) *stack, int index);

#endif
