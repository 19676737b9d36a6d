package org.motcua.sync.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Session;
import org.motcua.protocol.doc.SessionRequest;

/**
 * The bearer token of §6.3, kept in memory only. A signed {@code sessionRequest} yields a token valid for the
 * server's TTL; its lifetime is measured on the desk's clock from the moment it arrived (expiresAt − serverTime), so
 * a skewed desk clock does not matter. A {@code token-invalid} answer drops it ({@link #invalidate}).
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SyncContext ctx;
    private byte[] token;
    private Instant validUntil = Instant.MIN;

    Sessions(SyncContext ctx) {
        this.ctx = ctx;
    }

    public void invalidate() {
        token = null;
        validUntil = Instant.MIN;
    }

    /** The current token (b64u), asking the server for a new one when there is none or it is about to expire. */
    public String token() throws IOException, CycleFailure {
        if (token == null || ctx.now().isAfter(validUntil.minusSeconds(60))) {
            open();
        }
        return B64u.encode(token);
    }

    private void open() throws IOException, CycleFailure {
        DeviceKeyring keys = ctx.keyring();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        byte[] request = new SessionRequest(keys.id(), nonce, ctx.deskNowWire()).canonical();
        Http.Response r = ctx.http().exchange("POST", ctx.devicePath() + "/sessions",
                Map.of(Protocol.SIGNATURE_HEADER, B64u.encode(keys.sign(request))), request, "application/json", null);
        if (r.status() != 201 && r.status() != 200) {
            throw Reactions.of(ServerProblem.of(r));
        }
        Instant arrived = ctx.now();
        ServerDocs.Verified<Session> s;
        try {
            s = ServerDocs.verify(r.body(), ServerDocs.signatureHeader(r.header(Protocol.SIGNATURE_HEADER)), keys.ca(),
                    Session::read, Session::serverTime);
        } catch (ServerDocs.Rejected e) {
            throw Reactions.rejected("session", e);
        }
        if (!s.doc().deviceId().equals(keys.id()) || !s.doc().requestSha256().equals(Sha256.hex(request))) {
            throw Reactions.rejected("session", new ServerDocs.Rejected("binding", "the session names another request"));
        }
        ctx.sawServerTime(s.serverTime());
        Duration ttl = Duration.between(s.serverTime(), OffsetDateTime.parse(s.doc().expiresAt()).toInstant());
        token = s.doc().token();
        validUntil = arrived.plus(ttl.isNegative() ? Duration.ZERO : ttl);
    }
}
