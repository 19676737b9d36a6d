package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.sync.ReferenceData;
import org.motcua.sync.faults.FaultProxy;

/**
 * The real province names the feed's head in every receipt, and the desk pulls the feed only when that head has moved
 * past its cursor: an empty page costs a signed answer of about 2.4 KB, more than a quiet desk's batches. When the
 * officer asks for a sync with nothing to upload there is no receipt, and the desk asks the feed itself. The limits
 * are asked after the data went up (the contract's defaults are a floor the desk can send with), and once a day.
 */
class FeedHeadRoundTripTest {

    private static final String UNIT = "000.00.06.H99";

    @TempDir
    Path dir;

    @Test
    void theDeskPullsTheFeedOnlyWhenAReceiptSaysItMoved() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Đầu Nguồn");
        TestDesk desk = TestDesk.create(dir, "desk", UNIT, 1);
        FaultProxy proxy = null;
        try {
            try (Province province = Province.start(data)) {
                proxy = FaultProxy.clean(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                desk.enrol(proxy.baseUri(), code);
                desk.receive();
                List<String> sent = syncAndList(desk, proxy);
                assertEquals(1, count(sent, "/batches"), sent.toString());
                assertEquals(0, count(sent, "/updates?"), "the province has nothing for this desk yet: " + sent);
                assertTrue(sent.get(0).startsWith("GET /api/v1/health "), sent.toString());
                assertTrue(sent.get(sent.size() - 1).startsWith("GET /api/v1/limits "),
                        "the limits come last, once the data is up: " + sent);
            }

            Province.run("publish-catalogue", Files.writeString(dir.resolve("catalogue.json"),
                    CatalogueFeedRoundTripTest.catalogue("20000")).toString(), "--data", data.toString());
            try (Province province = Province.start(data)) {
                proxy.setTarget(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                desk.receive();
                List<String> sent = syncAndList(desk, proxy);
                assertEquals(1, count(sent, "/updates?"), "the receipt named a head past the desk's cursor: " + sent);
                assertTrue(new ReferenceData(desk.store).catalogue().fromFeed(), "the published catalogue arrived");

                desk.receive();
                sent = syncAndList(desk, proxy);
                assertEquals(1, count(sent, "/batches"), sent.toString());
                assertEquals(0, count(sent, "/updates?"), "nothing new since the last pull: " + sent);
                assertEquals(0, count(sent, "/limits"), "the stored limits are not a day old: " + sent);

                sent = syncAndList(desk, proxy);
                assertEquals(0, count(sent, "/batches"), sent.toString());
                assertEquals(1, count(sent, "/updates?"), "asked with nothing to upload, the desk asks the feed: " + sent);
            }
        } finally {
            desk.close();
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    /** Syncs once (as "Đồng bộ ngay" does) and returns the request lines the desk sent meanwhile. */
    private static List<String> syncAndList(TestDesk desk, FaultProxy proxy) {
        int before = proxy.requestLines().size();
        SyncStatus s = desk.sync();
        assertTrue(s.problem().isEmpty(), s.toString());
        List<String> all = proxy.requestLines();
        return all.subList(before, all.size());
    }

    private static long count(List<String> requestLines, String pathPart) {
        return requestLines.stream().filter(l -> l.contains(pathPart)).count();
    }
}
