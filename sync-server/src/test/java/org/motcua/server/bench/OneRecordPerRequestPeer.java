package org.motcua.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Statement;
import java.time.Instant;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * The peer way of receiving a desk's work, for {@code BENCH server.ingest_one_record_per_request_per_s}: one JSON record
 * per HTTP POST, its own idempotency key (the record's id) looked up in PostgreSQL, then the record stored and committed
 * in its own durable transaction before the answer. That is how ODK Central receives a submission (look up the
 * instanceID among the form's submissions, insert it, commit, answer 201) and how most data-collection servers do.
 *
 * <p>Why it is a fair peer: it runs on the same machine, the same PostgreSQL cluster and database, the same connection
 * pool ({@link ServerDatabase}, same size) and the same web stack (Javalin on Jetty with its default thread pool, plain
 * HTTP/1.1 on loopback) as the real server, receives the same events, and makes every record as durable before its
 * answer as the real server makes a batch. It does less per record than the real server does per event (no signature
 * check, no hash chain, no projection into dossiers), so the ratio printed beside it understates the batch design's gain.
 */
final class OneRecordPerRequestPeer implements AutoCloseable {

    static final String PATH = "/submissions";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerDatabase db;
    private final Javalin app;

    OneRecordPerRequestPeer(ServerDatabase db) throws Rejection {
        this.db = db;
        Tx.durable(db, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS peer_submissions (record_id VARCHAR(36) NOT NULL PRIMARY KEY, "
                        + "device_id VARCHAR(36) NOT NULL, dossier_id VARCHAR(36) NOT NULL, record_type VARCHAR(64) NOT NULL, "
                        + "body TEXT NOT NULL, received_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            return null;
        });
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post(PATH, this::receive);
        });
        app.start("127.0.0.1", 0);
    }

    String url() {
        return "http://127.0.0.1:" + app.port() + PATH;
    }

    /** One record: 201 when stored now, 200 when its key was already there (a retry), 400 when it is no record. */
    private void receive(Context ctx) throws Rejection {
        JsonNode record;
        try {
            record = JSON.readTree(ctx.bodyAsBytes());
        } catch (java.io.IOException e) {
            ctx.status(400).result("not JSON");
            return;
        }
        String id = record.path("eventId").asText("");
        String device = ctx.header("X-Device-Id");
        if (id.isEmpty() || device == null) {
            ctx.status(400).result("record without eventId or device");
            return;
        }
        String body = record.toString();
        boolean stored = Tx.durable(db, c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM peer_submissions WHERE record_id = ?", id) > 0) {
                return false;
            }
            Sql.update(c, "INSERT INTO peer_submissions (record_id, device_id, dossier_id, record_type, body, received_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", id, device, record.path("aggregateId").asText(), record.path("type").asText(), body,
                    Instant.now());
            return true;
        });
        ctx.status(stored ? 201 : 200).contentType("application/json").result("{\"recordId\":\"" + id + "\"}");
    }

    long stored() throws Rejection {
        return Tx.plain(db, c -> Sql.count(c, "SELECT COUNT(*) FROM peer_submissions"));
    }

    @Override
    public void close() {
        app.stop();
    }
}
