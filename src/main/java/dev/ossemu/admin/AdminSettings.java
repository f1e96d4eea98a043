package dev.ossemu.admin;

/**
 * How the admin API behaves.
 *
 * @param enabled false answers every admin path but health with 404
 * @param token when not null, requests need {@code Authorization: Bearer <token>}; when null, only
 *     local callers that no web page can imitate are served (SECURITY.md)
 * @param version the emulator version shown by the health check
 * @param region the region shown by the health check
 * @param bindHost the address the emulator is bound to, as configured
 */
public record AdminSettings(
    boolean enabled, String token, String version, String region, String bindHost) {

  /** Whether the emulator bound to {@code host} is reachable from this machine only. */
  public static boolean isLoopback(String host) {
    return AdminAccess.isLoopbackHost(host);
  }
}
