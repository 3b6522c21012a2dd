/**
 * Identity: accounts and roles, sign-in, and learners' real-name data.
 *
 * <p>Decisions:
 * <ul>
 * <li>Passwords are PBKDF2-HMAC-SHA512 hashes with a per-account salt; the iteration count is stored
 * with each hash so that it can be raised without invalidating existing passwords.</li>
 * <li>Tokens carry the account's token version; resetting a password or disabling the account bumps
 * it, so earlier tokens stop working on every node at once (the check reads the account row).</li>
 * <li>Failed sign-ins are counted per account and per client address in MariaDB, so the slow-down
 * holds across nodes. The client address is taken from X-Forwarded-For only when the request comes
 * from a configured trusted proxy.</li>
 * <li>Identity-document numbers are validated (mainland ID: region, birth date, check digit), shown
 * masked everywhere, and revealed only on an administrator's explicit request with a reason; every
 * reveal and every export of personal data is written to the audit log.</li>
 * </ul>
 *
 * <p>Out of scope here: which learners a teacher may see (that follows from classes, in the class
 * feature) and bulk learner import from a class roster (also the class feature).
 */
package cn.imtp.lms.identity;
