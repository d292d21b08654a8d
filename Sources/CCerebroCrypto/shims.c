#include "CCerebroCrypto.h"

int CCerebroCrypto_GeneralNames_count(const GENERAL_NAMES *names) {
    return sk_GENERAL_NAME_num(names);
}
