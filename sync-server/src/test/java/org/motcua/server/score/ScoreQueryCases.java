package org.motcua.server.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.motcua.server.lookup.CitizenRatings;
import org.motcua.server.lookup.LookupRequest;
import org.motcua.server.persistence.Tx;
import org.motcua.server.score.CommuneScore.Cost;
import org.motcua.server.score.CommuneScore.Group;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.ScoreDesk;
import org.motcua.server.testing.TestServer;

/**
 * The score read from the projection as real devices filled it over HTTP, on the backend the subclass names: June 2025
 * judged on Friday 20 June at 10:00 (Vietnam). The commune's June: A on time with a scan, a result file and an unhappy
 * citizen; B on time after a supplement pause, on paper; C asked twice for a supplement; D refused late; E open and
 * overdue; F open and due on 24 June; G ended on time by the desk's own judgement; number 4 of 2 June never synced. H
 * ended in May: not June's, but the quarter's and the year's. A, C and H carry a result file; B and G do not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScoreQueryCases {

    static final Instant NOW = ScoreCalculatorTest.at("2025-06-20T10:00");

    TestServer server;
    final MutableClock clock = new MutableClock(NOW);
    ScoreDesk desk;
    ScoreDesk quiet;
    ScoreDesk.Dossier a;
    ScoreDesk.Dossier b;
    ScoreDesk.Dossier c;
    ScoreDesk.Dossier d;
    ScoreDesk.Dossier e;
    ScoreDesk.Dossier f;
    ScoreDesk.Dossier g;

    abstract Backend backend();

    @BeforeAll
    void syncTheCommunesJune() throws Exception {
        server = TestServer.start(backend(), Files.createTempDirectory("motcua-score-"), cfg -> cfg.clock = clock);
        desk = new ScoreDesk(server);
        quiet = new ScoreDesk(server);
        a = desk.receive("2025-06-02T08:00", "2025-06-04T17:30", true, 0).step("HAND_OVER_FOR_PROCESSING", 4, "2025-06-02T09:00")
                .doneWithResult("2025-06-03T10:00").step("RETURN_RESULT", 10, "2025-06-03T15:00").send();
        b = desk.receive("2025-06-02T08:00", "2025-06-04T17:30", false, 0).step("REQUEST_SUPPLEMENT", 5, "2025-06-03T08:00")
                .step("SUPPLEMENT_RECEIVED", 4, "2025-06-05T08:00").step("MARK_DONE", 9, "2025-06-06T10:00").send();
        c = desk.receive("2025-06-02T08:00", "2025-06-13T17:30", true, 0).step("REQUEST_SUPPLEMENT", 5, "2025-06-03T08:00")
                .step("SUPPLEMENT_RECEIVED", 4, "2025-06-04T08:00").step("REQUEST_SUPPLEMENT", 5, "2025-06-05T08:00")
                .step("SUPPLEMENT_RECEIVED", 4, "2025-06-06T08:00").doneWithResult("2025-06-09T10:00").send();
        d = desk.receive("2025-06-02T09:00", "2025-06-03T17:30", true, 1).step("REFUSE", 3, "2025-06-05T09:00").send();
        e = desk.receive("2025-06-09T08:00", "2025-06-11T17:30", true, 0).step("HAND_OVER_FOR_PROCESSING", 4, "2025-06-09T09:00")
                .send();
        f = desk.receive("2025-06-18T08:00", "2025-06-24T17:30", true, 0).send();
        g = desk.receive("2025-06-12T08:00", "2025-06-13T17:30", true, 0)
                .judgedEnd("MARK_DONE", 9, "2025-06-16T09:00", "2025-06-16T17:30").send();
        desk.receive("2025-05-20T08:00", "2025-05-22T17:30", true, 0).doneWithResult("2025-05-21T10:00").send();
        assertEquals(CitizenRatings.Outcome.STORED, server.services.citizenRatings.rate(LookupRequest.parse(a.code, a.token)
                .orElseThrow(), CitizenRatings.Rating.NOT_SATISFIED, "Chờ lâu"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Set<String> codes(Group g) {
        return g.costs().stream().map(x -> x.dossierCode() + " " + x.reason()).collect(Collectors.toSet());
    }

    CommuneScore stored(ScoreSnapshots.Run run, Period.Kind kind, String unit) throws Exception {
        return Tx.read(server.services.db, cn -> ScoreSnapshots.commune(cn, run.runId(), kind, unit)).orElseThrow();
    }

    @Test
    void juneAsTheProjectionHoldsIt() throws Exception {
        ScoreSnapshots.Run run = server.services.scores.runNow("lanhdao");
        assertEquals("lanhdao", run.requestedBy());
        assertEquals(NOW, run.asOf());
        CommuneScore june = stored(run, Period.Kind.MONTH, desk.device.unitCode);
        assertEquals(Period.containing(Period.Kind.MONTH, NOW), june.period());
        assertEquals(NOW, june.judgedAt());

        Group onTime = june.group("on-time");
        assertEquals(7, onTime.total());
        assertEquals(4, onTime.counted());
        assertEquals(20.0 * 4 / 7, onTime.points(), 1e-9);
        assertEquals(Set.of(c.code + " SECOND_SUPPLEMENT", d.code + " ENDED_LATE", e.code + " OPEN_LATE"), codes(onTime));
        Cost refused = onTime.costs().stream().filter(x -> x.dossierCode().equals(d.code)).findFirst().orElseThrow();
        assertEquals(ScoreCalculatorTest.at("2025-06-03T17:30"), refused.dueAt());
        assertEquals(ScoreCalculatorTest.at("2025-06-05T09:00"), refused.endedAt());

        Group documents = june.group("digitised-documents");
        assertEquals(List.of(7L, 6L), List.of(documents.total(), documents.counted()));
        assertEquals(Set.of(b.code + " NO_DIGITISED_DOCUMENTS"), codes(documents));
        Group results = june.group("digitised-results");
        assertEquals(List.of(4L, 2L), List.of(results.total(), results.counted()), "A, B, C and G done in June; D refused");
        assertEquals(Set.of(b.code + " NO_DIGITISED_RESULT", g.code + " NO_DIGITISED_RESULT"), codes(results));
        assertEquals(4.0, results.points(), 1e-9);

        Group synced = june.group("synced");
        assertEquals(List.of(8L, 7L), List.of(synced.total(), synced.counted()));
        assertEquals(Set.of(desk.codeOf("250602", 4) + " NUMBER_NOT_SYNCED"), codes(synced));

        Group satisfaction = june.group("satisfaction");
        assertEquals(4, satisfaction.costCount(), "three late and one unhappy citizen");
        assertTrue(codes(satisfaction).contains(a.code + " NOT_SATISFIED"));
        assertEquals(18.0 * (3.0 / 7) / 0.9, satisfaction.points(), 1e-9);

        assertEquals(1, june.dueSoonCount());
        assertEquals(f.code, june.dueSoon().get(0).dossierCode());
        assertEquals(ScoreCalculatorTest.at("2025-06-24T17:30"), june.dueSoon().get(0).dueAt());

        assertEquals(8, stored(run, Period.Kind.QUARTER, desk.device.unitCode).group("on-time").total(), "May's H is the quarter's");
        assertEquals(5, stored(run, Period.Kind.YEAR, desk.device.unitCode).group("on-time").counted());
        // A commune with nothing synced loses nothing it could be scored on.
        CommuneScore none = stored(run, Period.Kind.MONTH, quiet.device.unitCode);
        assertEquals(60.0, none.estimatedPoints(), 1e-9);
        assertEquals(List.of(), none.groups().stream().flatMap(x -> x.costs().stream()).toList());
        List<CommuneScore> province = Tx.read(server.services.db, cn -> ScoreSnapshots.province(cn, run.runId(), Period.Kind.MONTH));
        assertTrue(province.stream().map(CommuneScore::unitCode).toList().containsAll(List.of(desk.device.unitCode,
                quiet.device.unitCode)));
    }

    @Test
    void oneNightIsComputedOnceAndAnAbandonedNightIsTakenOver() throws Exception {
        MutableClock night = new MutableClock(ScoreCalculatorTest.at("2025-06-21T01:00"));
        ScoreJob first = new ScoreJob(server.services.db, night);
        ScoreJob second = new ScoreJob(other().services.db, night);
        assertTrue(first.runNightlyIfDue().isEmpty(), "before 01:30 nothing runs");
        night.advance(java.time.Duration.ofMinutes(45));
        ScoreSnapshots.Run run = first.runNightlyIfDue().orElseThrow();
        assertEquals(null, run.requestedBy());
        assertTrue(second.runNightlyIfDue().isEmpty(), "the night is taken");
        assertTrue(first.runNightlyIfDue().isEmpty(), "and computed once");
        assertEquals(run.runId(), Tx.read(server.services.db, ScoreSnapshots::latest).orElseThrow().runId());

        // An instance died while computing the next night: its run stays unfinished, then is taken over after two hours.
        Tx.durable(server.services.db, cn -> org.motcua.server.persistence.Sql.update(cn, "INSERT INTO score_runs (run_key, "
                + "instance_id, as_of, started_at) VALUES (?, ?, ?, ?)", "nightly-2025-06-22", "dead-instance",
                ScoreCalculatorTest.at("2025-06-22T01:30"), ScoreCalculatorTest.at("2025-06-22T01:30")));
        night.advance(java.time.Duration.ofHours(25));   // 22 June 02:45
        assertTrue(second.runNightlyIfDue().isEmpty(), "still within the dead instance's two hours");
        night.advance(java.time.Duration.ofHours(1));    // 03:45
        ScoreSnapshots.Run taken = second.runNightlyIfDue().orElseThrow();
        assertEquals(ScoreCalculatorTest.at("2025-06-22T03:45"), taken.asOf());
        assertEquals(7, stored(taken, Period.Kind.MONTH, desk.device.unitCode).group("on-time").total());
    }

    @Test
    void theProvincesPublishedCalendarIsTheWorkingTime() throws Exception {
        new org.motcua.server.feed.CalendarPublisher(server.services.db, clock, org.motcua.server.audit.Actor.cli()).publish(("""
                {"year": 2025, "holidays": ["2025-09-01", "2025-09-02"],
                 "swappedDays": [{"date": "2025-08-30", "kind": "workday"}]}""").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        WorkingTime calendar = Tx.read(server.services.db, ScoreQuery::workingTime);
        assertEquals(java.time.Duration.ofHours(8), calendar.between(ScoreCalculatorTest.at("2025-08-29T17:30"),
                ScoreCalculatorTest.at("2025-09-03T07:30")), "the Saturday worked, not the holidays");
    }

    /** Another instance on this database (PostgreSQL), or this one (an H2 file has one owner). */
    TestServer other() {
        return server;
    }
}
