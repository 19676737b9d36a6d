package org.motcua.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.blobs.BlobStore;
import org.motcua.server.blobs.BlobUploads;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.wire.RequestDocuments;

/** Blob presence, HEAD and PATCH (§6.7). */
final class BlobRoutes {

    private final ServerServices services;
    private final DeviceGate gate;

    BlobRoutes(ServerServices services, DeviceGate gate) {
        this.services = services;
        this.gate = gate;
    }

    void missing(Context ctx) throws Exception {
        DeviceRecord device = gate.bearer(ctx);
        Bodies.requireJson(ctx, false);
        byte[] body = Bodies.small(ctx, services.limits.maxRequestBytes());
        List<String> hashes = hashes(body, services.limits.maxMissingQueryHashes());
        Set<String> present = Tx.plain(services.db, c -> BlobStore.present(c, device.unitCode(), hashes));
        ArrayNode missing = StrictJson.nodes().arrayNode();
        new LinkedHashSet<>(hashes).stream().filter(h -> !present.contains(h)).forEach(missing::add);
        Answers.json(ctx, 200, CanonicalJson.write(StrictJson.nodes().objectNode().set("missing", missing)));
    }

    private static List<String> hashes(byte[] body, int max) throws Rejection {
        JsonNode node;
        try {
            node = StrictJson.parse(body);
        } catch (JsonRejected e) {
            throw RequestDocuments.jsonRejected(e);
        }
        JsonNode list = node.get("hashes");
        if (list != null && list.isArray() && list.size() > max) {
            throw Rejection.of(org.motcua.protocol.doc.ProblemType.REQUEST_TOO_LARGE, "Too many hashes",
                    "At most " + max + " hashes per query.").with("limitName", "maxMissingQueryHashes").with("limit", max);
        }
        DocReader r = DocReader.strict(node);
        List<String> hashes = r.strings("hashes", max, Sha256::isHash, "64 lowercase hex characters");
        try {
            r.end();
        } catch (SchemaInvalid e) {
            throw RequestDocuments.schemaInvalid(e);
        }
        return hashes;
    }

    /** HEAD answers by status and headers only (§6.7). */
    void head(Context ctx) {
        try {
            DeviceRecord device = gate.bearer(ctx);
            String sha = blobName(ctx);
            BlobUploads.Progress p = services.blobs.head(device, sha);
            ctx.header("Cache-Control", "no-store");
            ctx.header("Upload-Offset", Long.toString(p.offset()));
            if (p.length() >= 0) {
                ctx.header("Upload-Length", Long.toString(p.length()));
            }
            ctx.header("Upload-Complete", p.complete() ? "?1" : "?0");
            ctx.status(200);
        } catch (Rejection r) {
            r.headers().forEach(ctx::header);
            if (r.problem().status() == 401) {
                ctx.header("WWW-Authenticate", Answers.Scheme.BEARER.challenge);
            }
            ctx.header("Cache-Control", "no-store");
            ctx.status(r.problem().status());
        }
        ctx.attribute(Answers.ANSWERED_ATTRIBUTE, Boolean.TRUE);
    }

    /**
     * A blob's bytes for a desk of the unit that holds it (a replacement PC restoring its dossiers' scans). Scoped like
     * presence: a blob another unit uploaded is 404 here, exactly like one nobody uploaded. The desk checks the bytes
     * against the name; {@code Repr-Digest} lets any client check them too.
     */
    void get(Context ctx) throws Exception {
        DeviceRecord device = gate.bearer(ctx);
        String sha = blobName(ctx);
        byte[] bytes = Tx.plain(services.db, c -> BlobStore.read(c, device.unitCode(), sha)).orElseThrow(() -> Rejection.of(
                org.motcua.protocol.doc.ProblemType.NOT_FOUND, "No such blob", "The unit holds no complete blob " + sha + "."));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(
                org.motcua.protocol.codec.Sha256.digest(bytes)) + ":");
        ctx.contentType("application/octet-stream");
        ctx.status(200).result(bytes);
        ctx.attribute(Answers.ANSWERED_ATTRIBUTE, Boolean.TRUE);
    }

    void patch(Context ctx) throws Exception {
        DeviceRecord device = gate.bearer(ctx);
        String sha = blobName(ctx);
        long length = Bodies.contentLength(ctx);
        if (length < 0) {
            throw DeviceRoutes.badRequest("A chunk is sent with Content-Length.");
        }
        BlobUploads.PatchHeaders h = new BlobUploads.PatchHeaders(ctx.header("Content-Type"), ctx.header("Upload-Offset"),
                ctx.header("Upload-Length"), length, ctx.header("Content-Digest"));
        BlobUploads.Progress p = services.blobs.patch(device, sha, h, n -> Bodies.exactly(ctx, n));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Upload-Offset", Long.toString(p.offset()));
        ctx.header("Upload-Complete", p.complete() ? "?1" : "?0");
        ctx.status(p.complete() ? 200 : 204);
        ctx.attribute(Answers.ANSWERED_ATTRIBUTE, Boolean.TRUE);
    }

    private static String blobName(Context ctx) throws Rejection {
        String sha = ctx.pathParam("sha256");
        if (!Sha256.isHash(sha)) {
            throw Rejection.of(org.motcua.protocol.doc.ProblemType.NOT_FOUND, "No such blob", "A blob is named by 64 lowercase hex.");
        }
        return sha;
    }
}
