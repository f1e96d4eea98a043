package dev.ossemu.admin;

/**
 * How the admin API behaves.
 *
 * @param enabled false answers every admin path with 404
 * @param token when not null, requests need {@code Authorization: Bearer <token>}
 * @param version the emulator version shown by the health check
 * @param region the region shown by the health check
 */
public record AdminSettings(boolean enabled, String token, String version, String region) {}
