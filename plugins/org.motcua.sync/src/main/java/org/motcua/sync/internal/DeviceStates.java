package org.motcua.sync.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.doc.DeviceState;
import org.motcua.store.sync.DayCounter;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncOutbox;

/**
 * The signed, nonce-bound device state (§5.5, §6.6) and what the desk does with it. A state whose nonce is not the one
 * just sent is ignored (it may be a replay); a verified one may start a new epoch (the server holds more of the current
 * epoch than the desk, or another hash: §4.3, §8.4) and raises the day counters to the server's {@code codeCounters}.
 */
public final class DeviceStates {

    private static final System.Logger LOG = System.getLogger(DeviceStates.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a verified state told the desk about its current epoch. */
    public enum Verdict {
        /** The server's tail matches the desk's chain. */
        CONSISTENT,
        /** The server holds more, or other, events of the current epoch: a new epoch was started. */
        NEW_EPOCH,
        /** The server holds less than it acknowledged before (it was restored): the desk resends. */
        SERVER_BEHIND,
        /** The state describes another epoch than the desk's current one. */
        OTHER_EPOCH
    }

    private DeviceStates() {
    }

    /** GET state for {@code epoch} (the current one when empty); empty when the answer's nonce is not ours. */
    public static Optional<ServerDocs.Verified<DeviceState>> fetch(SyncContext ctx, Optional<UUID> epoch)
            throws IOException, CycleFailure {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String path = ctx.devicePath() + "/state?nonce=" + B64u.encode(nonce) + epoch.map(e -> "&epoch=" + e).orElse("");
        Http.Response r = ctx.bearerGet(path);
        if (r.status() != 200) {
            throw Reactions.of(ServerProblem.of(r));
        }
        ServerDocs.Verified<DeviceState> v;
        try {
            v = ServerDocs.verify(r.body(), ServerDocs.signatureHeader(r.header(Protocol.SIGNATURE_HEADER)), ctx.keyring().ca(),
                    DeviceState::read, DeviceState::serverTime);
        } catch (ServerDocs.Rejected e) {
            throw Reactions.rejected("device state", e);
        }
        if (!v.doc().deviceId().equals(ctx.keyring().id())) {
            throw Reactions.rejected("device state", new ServerDocs.Rejected("deviceId", "the state describes another device"));
        }
        if (!MessageDigest.isEqual(v.doc().nonce(), nonce)) {
            LOG.log(System.Logger.Level.WARNING, "a device state with another nonce was ignored (a replay?)");
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** Applies a verified state (fetched just now, or carried by a USB reply for one of this desk's exports). */
    public static Verdict apply(SyncContext ctx, ServerDocs.Verified<DeviceState> v) {
        DeviceState s = v.doc();
        ctx.sawServerTime(v.serverTime());
        ctx.ledger.advanceDayCounters(s.codeCounters().stream()
                .map(c -> new DayCounter(LocalDate.parse(c.date()), c.lastNumber())).toList());
        UUID current = ctx.outbox.currentEpoch();
        Optional<String> described = s.epoch().or(s::currentEpoch);
        if (described.isEmpty() || !described.get().equals(current.toString())) {
            return Verdict.OTHER_EPOCH;
        }
        SyncOutbox.Tail tail = ctx.outbox.localTail(current);
        if (s.ackedSeq() > tail.seq()) {
            LOG.log(System.Logger.Level.WARNING, "the server holds more of this epoch than the desk: restored database, "
                    + "starting a new epoch");
            ctx.outbox.startNewEpoch("server-ahead");
            return Verdict.NEW_EPOCH;
        }
        if (s.ackedSeq() > 0) {
            Optional<OutboxEvent> local = ctx.outbox.event(current, s.ackedSeq());
            if (local.isEmpty() || !local.get().hash().equals(s.ackedHash())) {
                LOG.log(System.Logger.Level.WARNING, "the server's chain differs at seq " + s.ackedSeq() + ": starting a new epoch");
                ctx.outbox.startNewEpoch("fork");
                return Verdict.NEW_EPOCH;
            }
        }
        long ackedLocally = ctx.outbox.epoch(current).map(SyncOutbox.EpochState::ackedSeq).orElse(0L);
        if (s.ackedSeq() < ackedLocally) {
            return Verdict.SERVER_BEHIND;
        }
        ctx.outbox.advanceAcked(current, s.ackedSeq(), s.ackedHash());
        return Verdict.CONSISTENT;
    }
}
