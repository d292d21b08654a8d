/// libpq's rule for the mode of a client key file on Unix (`fe-secure-openssl.c`).
///
/// A key owned by root may be readable by its group and nothing more (0640 or stricter);
/// any other owner's key must have no group or other bits at all (0600 or stricter).
/// Only the bits matter, so 0400 and 0700 pass too. libpq does not look at who runs it.
public enum KeyPermissionRule {
    /// The bits that make libpq refuse a key owned by root: group write and execute, any other.
    public static let forbiddenForRoot = 0o037

    /// The bits that make libpq refuse a key owned by anyone else: any group or other bit.
    public static let forbiddenForOthers = 0o077

    /// Whether libpq accepts a key file with permission bits `mode`.
    public static func allows(mode: Int, ownerIsRoot: Bool) -> Bool {
        mode & (ownerIsRoot ? forbiddenForRoot : forbiddenForOthers) == 0
    }

    /// The rule in words, for messages.
    public static let summary =
        "allowed is 0600 or stricter if you own it, 0640 or stricter if root owns it"
}
