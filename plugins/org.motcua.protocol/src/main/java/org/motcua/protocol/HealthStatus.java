package org.motcua.protocol;

/**
 * Body of {@code GET /api/v1/health}. The client calls it before a sync to learn whether the server
 * is up and speaks a compatible protocol.
 *
 * @param status          {@code "UP"} when the server can accept batches
 * @param service         which program answered, e.g. {@code "motcua-sync-server"}
 * @param protocolVersion the protocol version the server speaks ({@link ProtocolVersion#toString()})
 * @param buildVersion    the release of the server's code
 */
public record HealthStatus(String status, String service, String protocolVersion, String buildVersion) {

    public static HealthStatus up(String service) {
        return new HealthStatus("UP", service, ProtocolVersion.CURRENT.toString(), ProtocolVersion.BUILD_VERSION);
    }
}
