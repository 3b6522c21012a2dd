/**
 * Bearer-token security shared by both WARs.
 *
 * <p>lms-web signs MicroProfile-JWT-shaped tokens (RS256; claims {@code iss}, {@code sub},
 * {@code upn}, {@code groups}, {@code iat}, {@code exp}, {@code jti}, plus {@code tv}, the account's
 * token version) with its private key; every WAR verifies them with the public key alone, so
 * media-service needs no shared secret and no call back. {@link cn.imtp.platform.security.BearerAuthentication}
 * turns a valid token into the request's principal; a present but invalid or expired token is a 401,
 * never a silent anonymous request. {@link cn.imtp.platform.security.RoleCheck} enforces
 * {@link cn.imtp.platform.security.Allow} / {@link cn.imtp.platform.security.Public} on every resource method and denies a method that
 * declares neither, so no endpoint is open by accident.
 *
 * <p>Out of scope: checks that need the account table (disabled accounts, revoked token versions,
 * forced password changes); lms-web adds those after authentication.
 */
package cn.imtp.platform.security;
