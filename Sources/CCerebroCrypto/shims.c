#include "CCerebroCrypto.h"

#include <openssl/crypto.h>
#include <openssl/err.h>

int CCerebroCrypto_GeneralNames_count(const GENERAL_NAMES *names) {
    return sk_GENERAL_NAME_num(names);
}

GENERAL_NAME *CCerebroCrypto_GeneralNames_value(const GENERAL_NAMES *names, int index) {
    return sk_GENERAL_NAME_value(names, index);
}

void CCerebroCrypto_free(void *pointer) {
    OPENSSL_free(pointer);
}

long CCerebroCrypto_BIO_getMemoryData(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

unsigned long CCerebroCrypto_nameFlagsRFC2253UTF8(void) {
    return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
}

int CCerebroCrypto_errorReason(unsigned long code) {
    return ERR_GET_REASON(code);
}

STACK_OF(X509) *CCerebroCrypto_X509Stack_new(void) {
    return sk_X509_new_null();
}

int CCerebroCrypto_X509Stack_push(STACK_OF(X509) *stack, X509 *certificate) {
    return sk_X509_push(stack, certificate);
}

void CCerebroCrypto_X509Stack_free(STACK_OF(X509) *stack) {
    sk_X509_free(stack);
}

int CCerebroCrypto_X509Stack_count(const STACK_OF(X509) *stack) {
    return sk_X509_num(stack);
}

X509 *CCerebroCrypto_X509Stack_value(const STACK_OF(X509) *stack, int index) {
    return sk_X509_value(stack, index);
}
