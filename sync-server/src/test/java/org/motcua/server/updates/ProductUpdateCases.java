package org.motcua.server.updates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.feed.ProductReleaseData;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.ReleaseFolder;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * Desk product updates: {@code publish-update}'s work (files checked against their listing, stored once by hash, the
 * {@code productRelease} item to every desk, older versions refused) and the download route with byte ranges, on H2
 * and PostgreSQL.
 */
public abstract class ProductUpdateCases {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    static final Actor ADMIN = Actor.cli();
    static final String V1 = "0.2.0.202612010900";
    static final String V2 = "0.2.1.202612150900";

    @TempDir
    Path data;

    @TempDir
    Path repo;

    protected abstract Backend backend();

    private ReleaseFolder folder() throws Exception {
        // The first file spans several of the route's 64 KB windows.
        return new ReleaseFolder(repo).file("org.motcua.core_0.2.0.jar", 150_000, 1).file("org.motcua.ui_0.2.0.jar", 20_000, 2)
                .file("org.eclipse.osgi_3.23.0.jar", 3_000, 3);
    }

    private static final List<String> V1_FILES = List.of("plugins/org.eclipse.osgi_3.23.0.jar", "plugins/org.motcua.core_0.2.0.jar",
            "plugins/org.motcua.ui_0.2.0.jar");

    @Test
    void aReleaseReachesEveryDeskAndItsFilesDownloadWholeOrByRange() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            ReleaseFolder f = folder();
            ProductReleaseData release = f.release(V1, ReleaseFolder.LINUX, V1_FILES);

            List<ReleasePublisher.Outcome> outcomes = publisher(server).publish(repo, false);
            assertEquals(1, outcomes.size());
            assertEquals(new ReleasePublisher.Outcome(release, 3, release.totalBytes(), 0, 0), outcomes.get(0));
            List<Updates.Item> items = releases(server, d);
            assertEquals(1, items.size());
            assertEquals(ReleaseFolder.LINUX, items.get(0).key());
            assertEquals(release, ProductReleaseData.read(items.get(0).data()));
            AuditLog.Entry audit = AuditLog.recent(server.services.db, 1, null).get(0);
            assertEquals(List.of("product-release.publish", ReleaseFolder.LINUX), List.of(audit.action(), audit.target()));
            assertTrue(audit.detail().contains("version=" + V1), audit.detail());

            String core = "plugins/org.motcua.core_0.2.0.jar";
            byte[] bytes = f.bytes(core);
            String sha = Sha256.hex(bytes);
            Http.Answer whole = download(server, d, sha, null);
            assertEquals(200, whole.status(), whole.text());
            assertArrayEquals(bytes, whole.body());
            assertEquals("application/java-archive", whole.header("Content-Type"));
            assertEquals("\"" + sha + "\"", whole.header("ETag"));
            assertEquals("bytes", whole.header("Accept-Ranges"));
            assertTrue(whole.header("Cache-Control").contains("immutable"), whole.header("Cache-Control"));
            assertEquals(Integer.toString(bytes.length), whole.header("Content-Length"));

            Http.Answer rest = download(server, d, sha, "bytes=70000-");
            assertEquals(206, rest.status(), rest.text());
            assertEquals("bytes 70000-149999/150000", rest.header("Content-Range"));
            assertArrayEquals(Arrays.copyOfRange(bytes, 70_000, bytes.length), rest.body());

            Http.Answer middle = download(server, d, sha, "bytes=65530-65545");
            assertEquals(206, middle.status());
            assertEquals("bytes 65530-65545/150000", middle.header("Content-Range"));
            assertArrayEquals(Arrays.copyOfRange(bytes, 65_530, 65_546), middle.body());

            Http.Answer pastEnd = download(server, d, sha, "bytes=149990-200000");
            assertEquals(206, pastEnd.status());
            assertArrayEquals(Arrays.copyOfRange(bytes, 149_990, bytes.length), pastEnd.body());

            Http.Answer unsatisfiable = download(server, d, sha, "bytes=150000-");
            assertEquals(416, unsatisfiable.status());
            assertEquals("range-not-satisfiable", unsatisfiable.problem());
            assertEquals("bytes */150000", unsatisfiable.header("Content-Range"));

            Http.Answer staleIfRange = Http.get(url(server, sha), Map.of("Authorization", "Bearer " + d.token(), "Range", "bytes=10-",
                    "If-Range", "\"" + "0".repeat(64) + "\""));
            assertEquals(200, staleIfRange.status(), "another file's validator: the whole file");

            Http.Answer head = Http.send("HEAD", url(server, sha), Map.of("Authorization", "Bearer " + d.token(), "Range",
                    "bytes=100-"), null);
            assertEquals(206, head.status());
            assertEquals("149900", head.header("Content-Length"));
            assertEquals(0, head.body().length);

            Http.Answer unknown = download(server, d, "ab".repeat(32), null);
            assertEquals(404, unknown.status());
            assertEquals("not-found", unknown.problem());
            assertEquals(404, download(server, d, sha.toUpperCase(java.util.Locale.ROOT), null).status());
            assertEquals(404, download(server, d, "not-a-hash", null).status());

            Http.Answer anonymous = Http.get(url(server, sha), Map.of());
            assertEquals(401, anonymous.status());
            assertEquals("token-invalid", anonymous.problem());
            assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer"), anonymous.headers().toString());
            assertEquals(401, Http.get(url(server, sha), Map.of("Authorization", "Bearer AAAA")).status());
            assertEquals(401, Http.send("HEAD", url(server, sha), Map.of(), null).status());

            server.admin().revoke(d.deviceId);
            Http.Answer revoked = download(server, d, sha, null);
            assertEquals(401, revoked.status(), "revocation ends the desk's sessions: its token no longer downloads");
            assertEquals("token-invalid", revoked.problem());
        }
    }

    @Test
    void theSameOrAnOlderVersionIsRefusedUnlessForcedAndANewOneStoresOnlyItsNewFiles() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            ReleaseFolder f = folder();
            f.release(V2, ReleaseFolder.LINUX, V1_FILES);
            publisher(server).publish(repo, false);

            DbSnapshot before = DbSnapshot.of(server.services.db);
            ReleaseRefused same = assertThrows(ReleaseRefused.class, () -> publisher(server).publish(repo, false));
            assertTrue(same.getMessage().contains("already published"), same.getMessage());
            f.release(V1, ReleaseFolder.LINUX, V1_FILES);
            ReleaseRefused older = assertThrows(ReleaseRefused.class, () -> publisher(server).publish(repo, false));
            assertTrue(older.getMessage().contains(V1 + " is not newer than the current release, " + V2), older.getMessage());
            assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before));

            // A forced step back: the older release becomes current for the desks.
            publisher(server).publish(repo, true);
            assertEquals(V1, ProductReleaseData.read(releases(server, d).get(0).data()).version());

            String version3 = "0.3.0.202701050900";
            f.file("org.motcua.core_0.3.0.jar", 40_000, 7);
            List<String> v3 = List.of("plugins/org.eclipse.osgi_3.23.0.jar", "plugins/org.motcua.core_0.3.0.jar",
                    "plugins/org.motcua.ui_0.2.0.jar");
            ProductReleaseData third = f.release(version3, ReleaseFolder.LINUX, v3);
            ReleasePublisher.Outcome o = publisher(server).publish(repo, false).get(0);
            assertEquals(1, o.newFiles());
            assertEquals(40_000, o.newBytes());
            assertEquals(2, o.storedFiles());
            assertEquals(23_000, o.storedBytes());
            assertEquals(4, count(server, "SELECT COUNT(*) FROM product_files"));
            assertEquals(third, ProductReleaseData.read(releases(server, d).get(0).data()));
            assertEquals(List.of(V2, V1, version3), Tx.plain(server.services.db, c -> Sql.list(c,
                    "SELECT version FROM product_releases ORDER BY feed_seq", rs -> rs.getString(1))));
        }
    }

    @Test
    void aFileMissingOrDifferentFromItsListingRefusesThePublicationAndStoresNothing() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            DbSnapshot before = DbSnapshot.of(server.services.db);
            ReleaseRefused empty = assertThrows(ReleaseRefused.class, () -> publisher(server).publish(repo, false));
            assertTrue(empty.getMessage().contains("holds no motcua-release/<platform>.json"), empty.getMessage());

            ReleaseFolder f = folder();
            f.release(V1, ReleaseFolder.LINUX, V1_FILES);
            // A second platform's release, fine on its own: all platforms are refused together.
            f.release(V1, "win32.win32.x86_64", V1_FILES);
            Path ui = repo.resolve("plugins/org.motcua.ui_0.2.0.jar");
            byte[] good = Files.readAllBytes(ui);

            byte[] changed = good.clone();
            changed[100] ^= 1;
            Files.write(ui, changed);
            assertRefused(server, "plugins/org.motcua.ui_0.2.0.jar (listed in motcua-release/linux.gtk.x86_64.json) does not "
                    + "have the SHA-256 the release lists");

            Files.write(ui, Arrays.copyOf(good, good.length + 1));
            assertRefused(server, "plugins/org.motcua.ui_0.2.0.jar (listed in motcua-release/linux.gtk.x86_64.json) has 20001 "
                    + "bytes, the release lists 20000");

            Files.delete(ui);
            assertRefused(server, "plugins/org.motcua.ui_0.2.0.jar (listed in motcua-release/linux.gtk.x86_64.json) is missing");

            Files.write(ui, good);
            Files.writeString(repo.resolve("motcua-release/win32.win32.x86_64.json"), "{\"version\":\"0.2\"}");
            assertRefused(server, "motcua-release/win32.win32.x86_64.json is not a product release");
            assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before));
        }
    }

    private void assertRefused(TestServer server, String expected) {
        ReleaseRefused e = assertThrows(ReleaseRefused.class, () -> publisher(server).publish(repo, false));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static ReleasePublisher publisher(TestServer server) {
        return new ReleasePublisher(server.services.db, Clock.fixed(T0, ZoneOffset.UTC), ADMIN);
    }

    private static long count(TestServer server, String sql) throws Exception {
        return Tx.plain(server.services.db, c -> Sql.count(c, sql));
    }

    private static String url(TestServer server, String sha) {
        return server.url("/api/v1/product/files/" + sha);
    }

    private static Http.Answer download(TestServer server, TestDevice d, String sha, String range) {
        Map<String, String> h = new HashMap<>(d.bearer());
        if (range != null) {
            h.put("Range", range);
        }
        return Http.get(url(server, sha), h);
    }

    private static List<Updates.Item> releases(TestServer server, TestDevice d) throws Exception {
        DeviceRecord record = Tx.plain(server.services.db, c -> Devices.active(c, d.deviceId));
        return server.services.feed.page(record, new byte[16], null, null, 200).items().stream()
                .filter(i -> i.itemType().equals(ProductReleaseData.ITEM_TYPE)).toList();
    }
}
