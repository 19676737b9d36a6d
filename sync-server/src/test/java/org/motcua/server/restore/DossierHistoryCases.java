package org.motcua.server.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.cms.CmsVerifier;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.CodeCounter;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.DossierHistory;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Payloads;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * A replacement PC's restore, the province's side, over real HTTP: the unit's dossiers page by page with the exact
 * payload bytes ingested, open ones or all; a scan by its hash for the unit that holds it; nothing for another unit's
 * device (no dossier, a 404 for the same scan), a revoked device or a missing token; a bad request is a §14 problem
 * and changes nothing. H2 and PostgreSQL.
 */
public abstract class DossierHistoryCases {

    @TempDir
    Path data;

    protected abstract Backend backend();

    @Test
    void theUnitsDossiersComePageByPageWithTheirIngestedBytesAndScans() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice old = TestDevice.enrol(server);
            TestDevice sibling = TestDevice.enrol(server, old.unitCode);
            TestDevice elsewhere = TestDevice.enrol(server);
            Chain chain = new Chain(old.deviceId);
            byte[] scan = new byte[5000];
            new SecureRandom().nextBytes(scan);
            String sha = Sha256.hex(scan);
            assertEquals(200, old.upload(scan, 4096).status());
            List<WireEvent> open = old.receptionWithAction(chain, sha, 1);
            List<WireEvent> other = old.receptionWithAction(chain, null, 2);
            List<WireEvent> closed = withdrawn(chain, old, 3);
            List<WireEvent> sent = new ArrayList<>(open);
            sent.addAll(other);
            sent.addAll(closed);
            assertEquals(200, old.send(old.batch(chain, sent)).status());

            List<DossierHistory> pages = pull(server, sibling, "open", 1);
            assertEquals(2, pages.size(), "one dossier a page");
            assertTrue(pages.get(0).hasMore());
            assertFalse(pages.get(1).hasMore());
            assertEquals(pages.get(0).last(), pages.get(1).after(), "each page continues the last");
            Map<String, DossierHistory.Dossier> got = pages.stream().flatMap(p -> p.dossiers().stream())
                    .collect(Collectors.toMap(DossierHistory.Dossier::aggregateId, d -> d));
            assertEquals(Set.of(open.get(0).aggregateId(), other.get(0).aggregateId()), got.keySet(), "the withdrawn one is closed");
            for (List<WireEvent> dossier : List.of(open, other)) {
                List<DossierHistory.Event> events = got.get(dossier.get(0).aggregateId()).events();
                assertEquals(dossier.size(), events.size());
                for (int i = 0; i < events.size(); i++) {
                    assertArrayEquals(dossier.get(i).payloadBytes(), events.get(i).payload(), "the bytes ingested");
                    assertEquals(List.of(old.deviceId, chain.epoch, dossier.get(i).seq(), dossier.get(i).eventId(), dossier.get(i).type()),
                            List.of(events.get(i).deviceId(), events.get(i).epoch(), events.get(i).seq(), events.get(i).eventId(),
                                    events.get(i).type()));
                }
            }
            assertEquals(List.of(sha), got.get(open.get(0).aggregateId()).events().get(0).blobs());
            assertEquals(5, got.get(open.get(0).aggregateId()).status(), "the status the province holds");
            assertEquals(List.of(), pages.get(0).registerCounters(), "the counters are the asking device's own: it sent nothing");
            List<DossierHistory> ownPages = pull(server, old, "open", 1);
            assertEquals(List.of(new DossierHistory.RegisterCounter("2025-M1", 7)), ownPages.get(0).registerCounters());
            assertEquals(List.of(List.of(), List.of()), List.of(ownPages.get(1).codeCounters(), ownPages.get(1).registerCounters()),
                    "counters come with the first page only");
            DossierHistory own = pull(server, old, "all", 100).get(0);
            assertEquals(3, own.dossiers().size(), "all: the withdrawn one too");
            assertEquals(List.of(new DossierHistory.RegisterCounter("2025-M1", 7)), own.registerCounters());
            assertEquals(List.of(new CodeCounter("2025-05-31", (old.deviceNumber - 1) * 1000 + 3)), own.codeCounters(),
                    "the device's own numbers, so a replacement PC numbers on after them");

            Http.Answer blob = Http.get(sibling.devicePath("/blobs/" + sha), sibling.bearer());
            assertEquals(200, blob.status());
            assertArrayEquals(scan, blob.body());

            assertEquals(List.of(), pull(server, elsewhere, "all", 100).get(0).dossiers(), "another unit's desk gets none of them");
            assertEquals(404, Http.get(elsewhere.devicePath("/blobs/" + sha), elsewhere.bearer()).status(),
                    "nor the scan: exactly as if nobody held it");
        }
    }

    @Test
    void aRevokedDeviceAMissingTokenAndABadRequestGetProblemsAndChangeNothing() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            Chain chain = new Chain(d.deviceId);
            assertEquals(200, d.send(d.batch(chain, d.receptionWithAction(chain, null, 1))).status());
            String token = d.token();
            DbSnapshot before = DbSnapshot.of(server.services.db);

            assertEquals("bad-request", get(d, "/dossier-history?nonce=" + nonce() + "&scope=closed", d.bearer()).problem());
            assertEquals("bad-request", get(d, "/dossier-history?nonce=" + nonce() + "&after=1%27--", d.bearer()).problem());
            assertEquals("bad-request", get(d, "/dossier-history?nonce=" + nonce() + "&limit=101", d.bearer()).problem());
            assertEquals("bad-request", get(d, "/dossier-history?scope=open", d.bearer()).problem());
            assertEquals("token-invalid", get(d, "/dossier-history?nonce=" + nonce(), Map.of()).problem());
            assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before), "refused requests store nothing");

            assertTrue(server.admin().revoke(d.deviceId));
            Map<String, String> stale = Map.of("Authorization", "Bearer " + token);
            assertEquals("device-revoked", get(d, "/dossier-history?nonce=" + nonce(), stale).problem());
            Http.Answer blob = get(d, "/blobs/" + "ab".repeat(32), stale);
            assertEquals(403, blob.status());
            assertEquals("device-revoked", blob.problem());
        }
    }

    private static List<WireEvent> withdrawn(Chain chain, TestDevice d, int number) {
        String dossierId = UUID.randomUUID().toString();
        String code = Payloads.code(d.unitCode, "250531", (d.deviceNumber - 1) * 1000 + number);
        return List.of(chain.next("DossierReceived", dossierId, Payloads.received(dossierId, code, List.of(), 2), List.of(),
                        TestDevice.CREATED_AT),
                chain.next("DossierActionTaken", dossierId, Payloads.action(dossierId, code, 2, "WITHDRAW", 7,
                        "2025-05-31T09:00:00.000+07:00", null), List.of(), "2025-05-31T09:00:00.000+07:00"));
    }

    /** Every page of {@code scope}, each checked: the server's signature and the nonce sent. */
    private static List<DossierHistory> pull(TestServer server, TestDevice d, String scope, int limit) throws Exception {
        List<DossierHistory> pages = new ArrayList<>();
        String after = "";
        do {
            String nonce = nonce();
            Http.Answer a = get(d, "/dossier-history?nonce=" + nonce + "&scope=" + scope + "&limit=" + limit
                    + (after.isEmpty() ? "" : "&after=" + after), d.bearer());
            assertEquals(200, a.status(), a.text());
            CmsVerifier.verifyServer(B64u.decode(a.header(Protocol.SIGNATURE_HEADER)), a.body());
            DossierHistory page = Docs.parse(a.body(), DossierHistory::read);
            assertEquals(nonce, B64u.encode(page.nonce()));
            assertEquals(List.of(d.deviceId, d.unitCode, scope, after), List.of(page.deviceId(), page.unitCode(), page.scope(), page.after()));
            pages.add(page);
            after = page.last();
        } while (pages.get(pages.size() - 1).hasMore() && pages.size() < 100);
        return pages;
    }

    private static Http.Answer get(TestDevice d, String rest, Map<String, String> headers) {
        return Http.get(d.devicePath(rest), headers);
    }

    private static String nonce() {
        byte[] n = new byte[16];
        new SecureRandom().nextBytes(n);
        return B64u.encode(n);
    }
}
