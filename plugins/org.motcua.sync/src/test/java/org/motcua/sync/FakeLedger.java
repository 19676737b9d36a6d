package org.motcua.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.motcua.protocol.chain.BatchChain;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.json.StrictJson;

/**
 * The fake province's memory of one device's chains, following §7 steps 7–15 closely enough that the client's
 * reactions are exercised for real: idempotent replays, sequence gaps, forks, epoch opening and closing, duplicates
 * across epochs, blobs missing. Synchronized: the fake server answers on several threads.
 */
final class FakeLedger {

    /** A batch answered 200: the receipt's bytes before signing (the server signs them when answering). */
    record Committed(String bodySha256, Receipt receipt) {
    }

    /** A §7 refusal of the whole batch. */
    record Refusal(int status, String problem, Map<String, Object> members) {
    }

    static final class Chain {
        final String epoch;
        boolean open = true;
        final List<String> hashes = new ArrayList<>();
        final List<String> eventIds = new ArrayList<>();
        String lastBatchId;

        Chain(String epoch) {
            this.epoch = epoch;
        }

        long ackedSeq() {
            return hashes.size();
        }

        String ackedHash() {
            return hashes.isEmpty() ? Sha256.ZEROS : hashes.get(hashes.size() - 1);
        }
    }

    final Map<String, Chain> epochs = new LinkedHashMap<>();
    final Map<String, Committed> receipts = new HashMap<>();
    /** eventId → (epoch, seq) where it was first stored, and how often it was stored (must stay 1). */
    final Map<String, String[]> firstStored = new HashMap<>();
    final Map<String, Integer> timesStored = new ConcurrentHashMap<>();
    /** dossier codes of the DossierReceived events stored, with how often each came. */
    final Map<String, Integer> dossierCodes = new ConcurrentHashMap<>();
    /** date (yyyy-MM-dd) → highest dossier number seen */
    final Map<String, Integer> codeCounters = new HashMap<>();
    final Map<String, Integer> postsPerBatch = new ConcurrentHashMap<>();

    Optional<Chain> open() {
        return epochs.values().stream().filter(c -> c.open).findFirst();
    }

    synchronized Object accept(byte[] body, String batchIdFromKey, Set<String> presentBlobs, String serverTime) {
        postsPerBatch.merge(batchIdFromKey, 1, Integer::sum);
        String bodySha = Sha256.hex(body);
        Committed replay = receipts.get(batchIdFromKey);
        if (replay != null) {
            return replay.bodySha256().equals(bodySha) ? replay : new Refusal(422, "idempotency-key-reused", Map.of());
        }
        Batch b;
        try {
            b = Batch.read(StrictJson.parseCanonical(body));
        } catch (Exception e) {
            return new Refusal(400, "schema-invalid", Map.of());
        }
        if (!b.batchId().equals(batchIdFromKey)) {
            return new Refusal(400, "path-body-mismatch", Map.of());
        }
        Optional<BatchChain.Failure> broken = BatchChain.firstFailure(b);
        if (broken.isPresent()) {
            return new Refusal(422, "chain-invalid", Map.of("seq", broken.get().seq(), "check", broken.get().check()));
        }
        Chain chain = epochs.get(b.epoch());
        if (chain == null) {
            if (b.fromSeq() != 1) {
                return new Refusal(409, "sequence-gap", Map.of("expectedSeq", 1L, "ackedSeq", 0L, "ackedHash", Sha256.ZEROS));
            }
            chain = new Chain(b.epoch());
        } else if (!chain.open) {
            return new Refusal(409, "epoch-closed", Map.of("currentEpoch", open().map(c -> c.epoch).orElse(b.epoch())));
        }
        if (b.fromSeq() > chain.ackedSeq() + 1) {
            return new Refusal(409, "sequence-gap", Map.of("expectedSeq", chain.ackedSeq() + 1, "ackedSeq", chain.ackedSeq(),
                    "ackedHash", chain.ackedHash()));
        }
        for (WireEvent e : b.events()) {
            boolean overlap = e.seq() <= chain.ackedSeq();
            boolean wrongOverlap = overlap && !chain.hashes.get((int) e.seq() - 1).equals(e.hash());
            boolean wrongLink = e.seq() == chain.ackedSeq() + 1 && !e.prevHash().equals(chain.ackedHash());
            if (wrongOverlap || wrongLink) {
                return new Refusal(409, "chain-fork", Map.of("forkSeq", e.seq(), "ackedSeq", chain.ackedSeq(),
                        "ackedHash", chain.ackedHash()));
            }
        }
        List<String> missing = new ArrayList<>();
        for (WireEvent e : b.events()) {
            if (e.seq() > chain.ackedSeq()) {
                e.blobs().stream().filter(h -> !presentBlobs.contains(h) && !missing.contains(h)).forEach(missing::add);
            }
        }
        if (!missing.isEmpty()) {
            return new Refusal(409, "blobs-missing", Map.of("missingBlobs", missing));
        }
        // commit: open/close epochs, positions, events, tail, idempotency record
        if (!epochs.containsKey(b.epoch())) {
            epochs.values().forEach(c -> c.open = false);
            epochs.put(b.epoch(), chain);
        }
        List<Receipt.Result> results = new ArrayList<>();
        for (WireEvent e : b.events()) {
            if (e.seq() <= chain.ackedSeq()) {
                results.add(Receipt.Result.duplicate(e.seq(), new Receipt.Original(b.epoch(), e.seq(), Receipt.ACCEPTED,
                        Optional.empty())));
                continue;
            }
            chain.hashes.add(e.hash());
            chain.eventIds.add(e.eventId());
            String[] first = firstStored.get(e.eventId());
            if (first != null) {
                results.add(Receipt.Result.duplicate(e.seq(), new Receipt.Original(first[0], Long.parseLong(first[1]),
                        Receipt.ACCEPTED, Optional.empty())));
            } else {
                firstStored.put(e.eventId(), new String[] {b.epoch(), Long.toString(e.seq())});
                timesStored.merge(e.eventId(), 1, Integer::sum);
                remember(e);
                results.add(Receipt.Result.accepted(e.seq(), List.of()));
            }
        }
        chain.lastBatchId = b.batchId();
        Receipt r = new Receipt(chain.ackedHash(), chain.ackedSeq(), b.batchId(), bodySha, b.deviceId(), b.epoch(),
                b.fromSeq(), results, serverTime, b.toSeq());
        Committed c = new Committed(bodySha, r);
        receipts.put(b.batchId(), c);
        return c;
    }

    private void remember(WireEvent e) {
        JsonNode code = e.payload().get("dossierCode");
        if (e.type().equals("DossierReceived") && code != null) {
            dossierCodes.merge(code.asText(), 1, Integer::sum);
            String text = code.asText();
            String yymmdd = text.substring(text.length() - 11, text.length() - 5);
            String date = "20" + yymmdd.substring(0, 2) + "-" + yymmdd.substring(2, 4) + "-" + yymmdd.substring(4, 6);
            codeCounters.merge(date, Integer.parseInt(text.substring(text.length() - 4)), Math::max);
        }
    }

    /** The server is restored from a backup that ends at {@code seq} of the open epoch: what came after is lost. */
    synchronized void loseAfter(long seq) {
        Chain c = open().orElseThrow();
        while (c.hashes.size() > seq) {
            String lost = c.eventIds.remove(c.eventIds.size() - 1);
            c.hashes.remove(c.hashes.size() - 1);
            firstStored.remove(lost);
            timesStored.remove(lost);
        }
        receipts.values().removeIf(r -> r.receipt().toSeq() > seq && r.receipt().epoch().equals(c.epoch));
    }

    synchronized long eventsStored() {
        return timesStored.size();
    }
}
