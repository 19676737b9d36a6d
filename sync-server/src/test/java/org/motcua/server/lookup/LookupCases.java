package org.motcua.server.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.motcua.server.feed.Feed;
import org.motcua.server.feed.FeedScope;
import org.motcua.server.feed.LookupPagePublisher;
import org.motcua.server.lookup.CitizenRatings.Outcome;
import org.motcua.server.lookup.CitizenRatings.Rating;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.LookupDossiers;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;

/**
 * The lookup, the ratings, the address limit and the lookup page's feed item without HTTP, on the backend the subclass
 * names, with dossiers synced by a real device.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LookupCases {

    TestServer server;
    final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T03:00:00Z"));
    LookupDossiers desk;

    abstract Backend backend();

    @BeforeAll
    void start() throws IOException {
        Path dir = Files.createTempDirectory("motcua-lookup-");
        server = TestServer.start(backend(), dir, c -> {
            c.clock = clock;
            c.lookupsPerWindow = 3;
            c.lookupWindow = Duration.ofMinutes(10);
        });
        desk = new LookupDossiers(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Optional<Progress> find(String code, String token) throws Exception {
        return server.services.progressLookup.find(LookupRequest.parse(code, token).orElseThrow());
    }

    @Test
    void theRightCodeAndTokenShowStatusDueDateAndSteps() throws Exception {
        LookupDossiers.Made d = desk.dossier("7K3M9QXZ", false);
        Progress p = find(d.code(), d.token()).orElseThrow();
        assertEquals(4, p.status());
        assertEquals(d.code(), p.dossierCode());
        assertEquals("1.001234", p.procedureCode());
        assertEquals(Instant.parse("2025-06-05T10:00:00Z"), p.dueAt());
        assertEquals(List.of("RECEIVE", "HAND_OVER_FOR_PROCESSING"), p.steps().stream().map(Progress.Step::action).toList());
        assertFalse(p.overdue());
        assertFalse(p.canBeRated());
        // Typed from paper on a phone: lower case and stray spaces are forgiven.
        assertTrue(find(" " + d.code().toLowerCase() + " ", " 7k3m9qxz").isPresent());
    }

    @Test
    void aWrongTokenAndAnUnknownCodeAreAnsweredAlike() throws Exception {
        LookupDossiers.Made d = desk.dossier("AB12CD34", false);
        assertEquals(Optional.empty(), find(d.code(), "AB12CD35"));
        assertEquals(Optional.empty(), find(d.code().substring(0, d.code().length() - 4) + "9999", "AB12CD34"));
    }

    @Test
    void malformedInputIsNoRequest() {
        assertTrue(LookupRequest.parse(null, "AB12CD34").isEmpty());
        assertTrue(LookupRequest.parse("000.17.22.H56-250531-0001", null).isEmpty());
        assertTrue(LookupRequest.parse("000.17.22.H56-250531-0001'--", "AB12CD34").isEmpty());
        assertTrue(LookupRequest.parse("000.17.22.H56-250531-0001", "AB12CD3").isEmpty());
        assertTrue(LookupRequest.parse("000.17.22.H56-250531-0001", "ÀB12CD34").isEmpty());
        assertTrue(LookupRequest.parse("0".repeat(10_000), "AB12CD34").isEmpty());
    }

    @Test
    void aDossierPastItsDueTimeIsOverdue() throws Exception {
        LookupDossiers.Made d = desk.dossier("OVERDUE1", false);
        clock.advance(Duration.ofDays(10));
        try {
            assertTrue(find(d.code(), d.token()).orElseThrow().overdue());
        } finally {
            clock.advance(Duration.ofDays(-10));
        }
    }

    @Test
    void aRatingIsTakenOnceAndOnlyAfterTheResultWasReturned() throws Exception {
        CitizenRatings ratings = server.services.citizenRatings;
        LookupDossiers.Made open = desk.dossier("OPEN0001", false);
        LookupDossiers.Made done = desk.dossier("DONE0001", true);
        LookupRequest openRequest = LookupRequest.parse(open.code(), open.token()).orElseThrow();
        LookupRequest doneRequest = LookupRequest.parse(done.code(), done.token()).orElseThrow();
        assertEquals(Outcome.NOT_RETURNED, ratings.rate(openRequest, Rating.SATISFIED, ""));
        assertEquals(Outcome.NOT_FOUND, ratings.rate(LookupRequest.parse(done.code(), "DONE0002").orElseThrow(), Rating.SATISFIED, ""));
        assertTrue(find(done.code(), done.token()).orElseThrow().canBeRated());
        assertThrows(IllegalArgumentException.class, () -> ratings.rate(doneRequest, Rating.ACCEPTABLE, "x".repeat(501)));
        assertEquals(Outcome.STORED, ratings.rate(doneRequest, Rating.NOT_SATISFIED, "Chờ lâu quá"));
        assertEquals(Outcome.ALREADY_RATED, ratings.rate(doneRequest, Rating.SATISFIED, ""));
        Progress after = find(done.code(), done.token()).orElseThrow();
        assertTrue(after.rated());
        assertFalse(after.canBeRated());
        List<CitizenRatings.UnitRatings> perUnit = ratings.perUnit(clock.instant().minus(Duration.ofDays(1)), clock.instant().plusSeconds(1));
        CitizenRatings.UnitRatings unit = perUnit.stream().filter(u -> u.unitCode().equals(desk.device.unitCode)).findFirst().orElseThrow();
        assertEquals(new CitizenRatings.UnitRatings(desk.device.unitCode, 0, 0, 1), unit);
        assertEquals(List.of(), ratings.perUnit(clock.instant().plusSeconds(1), clock.instant().plusSeconds(2)));
    }

    @Test
    void theAddressLimitHoldsUntilItsWindowEnds() throws Exception {
        LookupThrottle throttle = server.services.lookupThrottle;
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.allow("203.0.113.9"));
        }
        assertFalse(throttle.allow("203.0.113.9"));
        assertFalse(throttle.allow("203.0.113.9"));
        assertTrue(throttle.allow("203.0.113.10"), "another address has its own count");
        clock.advance(Duration.ofMinutes(10));
        assertTrue(throttle.allow("203.0.113.9"), "a new window");
        throttle.purge();
    }

    @Test
    void theLookupPageIsAnnouncedOnlyWhenItChanges() throws Exception {
        assertEquals("https://motcua.tinh.gov.vn/tra-cuu", LookupPagePublisher.lookupUrl("https://motcua.tinh.gov.vn/"));
        assertEquals("https://tinh.gov.vn/motcua/tra-cuu", LookupPagePublisher.lookupUrl("https://tinh.gov.vn/motcua"));
        assertThrows(IllegalArgumentException.class, () -> LookupPagePublisher.lookupUrl("ftp://tinh.gov.vn"));
        assertThrows(IllegalArgumentException.class, () -> LookupPagePublisher.lookupUrl("https://tinh.gov.vn/?a=b"));
        assertThrows(IllegalArgumentException.class, () -> LookupPagePublisher.lookupUrl("tinh.gov.vn"));
        var db = server.services.db;
        Optional<String> url = Optional.of("https://motcua.tinh.gov.vn/tra-cuu");
        assertFalse(publish(Optional.empty()), "nothing to withdraw");
        assertTrue(publish(url));
        assertFalse(publish(url));
        assertEquals("https://motcua.tinh.gov.vn/tra-cuu", Tx.read(db, c -> Feed.current(c, LookupPagePublisher.ITEM_TYPE,
                FeedScope.province())).get("province").path("url").asText());
        assertTrue(publish(Optional.empty()));
        assertTrue(Tx.read(db, c -> Feed.current(c, LookupPagePublisher.ITEM_TYPE, FeedScope.province())).get("province").isEmpty());
    }

    private boolean publish(Optional<String> url) throws Exception {
        Boolean published = Tx.durable(server.services.db, c -> LookupPagePublisher.publish(c, url, clock.instant()));
        return published;
    }
}
