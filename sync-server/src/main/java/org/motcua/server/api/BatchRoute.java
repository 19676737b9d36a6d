package org.motcua.server.api;

import io.javalin.http.Context;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.ingest.BatchPipeline;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;
import org.motcua.server.sessions.SessionService;
import org.motcua.server.wire.DeviceSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/devices/{deviceId}/batches}: §7 steps 2–4 on the request line and headers (nothing of the body
 * is read before Content-Length is known to be within {@code maxBatchWireBytes}), then the shared pipeline from step 5.
 */
final class BatchRoute {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRoute.class);

    private final ServerServices services;
    private final DeviceGate gate;

    BatchRoute(ServerServices services, DeviceGate gate) {
        this.services = services;
        this.gate = gate;
    }

    void post(Context ctx) throws Exception {
        String deviceId = gate.path(ctx, Answers.Scheme.SIGNATURE, true);
        DeviceRecord device = Tx.read(services.db, c -> Devices.active(c, deviceId));
        String key = idempotencyKey(ctx.header(Protocol.IDEMPOTENCY_KEY_HEADER));
        byte[] signature = DeviceSignatures.headerBytes(ctx.header(Protocol.SIGNATURE_HEADER),
                services.limits.maxSignatureHeaderBytes());
        Bodies.requireJson(ctx, true);
        boolean gzip = gzip(ctx.header("Content-Encoding"));
        long length = Bodies.contentLength(ctx);
        if (length < 0) {
            throw Rejection.of(ProblemType.LENGTH_REQUIRED, "Length required", "A batch is sent with Content-Length.");
        }
        if (length > services.limits.maxBatchWireBytes()) {
            throw Rejection.of(ProblemType.BATCH_TOO_LARGE, "Batch too large", "Content-Length " + length + " is above "
                    + services.limits.maxBatchWireBytes() + "; the body was not read.").with("limitName", "maxBatchWireBytes")
                    .with("limit", services.limits.maxBatchWireBytes());
        }
        byte[] wire = Bodies.exactly(ctx, length);
        BatchPipeline.Committed committed = services.batches.process(device, key, signature, wire, gzip);
        // ids and seqs only: never a payload, which holds citizens' data
        LOG.info("batch {} from device {} (unit {}, no. {}, {} bytes): {}", key, deviceId, device.unitCode(),
                device.deviceNumber(), length, committed.summary());
        Answers.signed(ctx, 200, new SessionService.Signed(committed.receipt(), committed.signature()));
    }

    /** The sf-string {@code "<uuid>"}, or the bare uuid (§6.4). */
    static String idempotencyKey(String header) throws Rejection {
        if (header == null || header.isBlank()) {
            throw Rejection.of(ProblemType.IDEMPOTENCY_KEY_MISSING, "Idempotency-Key missing",
                    "A batch is sent with Idempotency-Key: \"<batchId>\".");
        }
        String v = header.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (!WireFormats.isUuid(v)) {
            throw Rejection.of(ProblemType.IDEMPOTENCY_KEY_INVALID, "Idempotency-Key invalid",
                    "Idempotency-Key must be the batch's uuid as an sf-string.");
        }
        return v;
    }

    private static boolean gzip(String encoding) throws Rejection {
        if (encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("identity")) {
            return false;
        }
        if (encoding.strip().equalsIgnoreCase("gzip")) {
            return true;
        }
        throw Rejection.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Unsupported content encoding",
                "A batch is gzip-encoded or sent as is (identity).");
    }
}
