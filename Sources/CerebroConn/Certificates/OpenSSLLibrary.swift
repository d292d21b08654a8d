internal import CCerebroCrypto
internal import COpenSSL

/// Process-wide settings of the OpenSSL library that libpq and the certificate checks share.
public enum OpenSSLLibrary {
    /// Tells OpenSSL not to free its global tables when the process exits.
    ///
    /// For a process that ends when its work is done, such as a command-line run: OpenSSL's
    /// exit handler frees every table it built (error strings, providers, object names), about
    /// 1.4 million instructions, memory the system takes back anyway. It takes effect only as
    /// the process's first call into OpenSSL, and does nothing later. A process that wants
    /// OpenSSL's memory freed, for a leak checker say, should not call it.
    public static func skipCleanupAtExit() {
        OPENSSL_init_crypto(UInt64(OPENSSL_INIT_NO_ATEXIT), nil)
    }
}
