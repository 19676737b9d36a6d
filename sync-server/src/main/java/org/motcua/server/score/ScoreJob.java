package org.motcua.server.score;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * Computes every commune's estimate for the current month, quarter and year and stores it as a run: each night after
 * {@link #NIGHTLY_AT} (Vietnam time), and when a province officer asks. Several instances on one database compute a
 * night once: the night's run key is unique, so only the instance whose insert succeeds computes it; a run left
 * unfinished for {@link #TAKE_OVER_AFTER} (its instance died) is taken over by the next instance that looks, and the
 * first instance's late results are then refused because the run is no longer its own.
 */
public final class ScoreJob implements AutoCloseable {

    public static final LocalTime NIGHTLY_AT = LocalTime.of(1, 30);
    static final Duration TAKE_OVER_AFTER = Duration.ofHours(2);
    /** Runs are kept this long, so a leader can compare with last month's nights. */
    static final Duration KEEP_RUNS = Duration.ofDays(40);

    private final ServerDatabase db;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private ScheduledExecutorService timer;
    /** Runs asked for on the page, one at a time, so that a long run never holds an HTTP request past its wait. */
    private final java.util.concurrent.ExecutorService demands = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "motcua-score-demand");
        t.setDaemon(true);
        return t;
    });

    public ScoreJob(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Looks every ten minutes whether tonight's run is due and not taken; the first look is a minute after start. */
    public synchronized void startNightly() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "motcua-score");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                runNightlyIfDue().ifPresent(run -> System.out.println("score: nightly run " + run.runId() + " stored"));
            } catch (Rejection | RuntimeException e) {
                System.err.println("score: nightly run failed: " + e.getClass().getName());
            }
        }, 1, 10, TimeUnit.MINUTES);
    }

    /** Tonight's run when it is past {@link #NIGHTLY_AT} and no instance has taken it; empty otherwise. */
    public Optional<ScoreSnapshots.Run> runNightlyIfDue() throws Rejection {
        ZonedDateTime now = clock.instant().atZone(Period.VIETNAM);
        if (now.toLocalTime().isBefore(NIGHTLY_AT)) {
            return Optional.empty();
        }
        Optional<Long> run = claim("nightly-" + now.toLocalDate(), null);
        return run.isEmpty() ? Optional.empty() : Optional.of(compute(run.get()));
    }

    /** A run now, asked for by {@code username}, computed before this returns. */
    public ScoreSnapshots.Run runNow(String username) throws Rejection {
        return compute(claim("demand-" + UUID.randomUUID(), username).orElseThrow());
    }

    /**
     * The page's "compute again": a run is claimed now and computed on this instance's own thread; the answer waits for
     * it at most {@code wait}. Empty when it is still running then (the page says so; the run finishes on its own).
     */
    public Optional<ScoreSnapshots.Run> request(String username, Duration wait) throws Rejection {
        long runId = claim("demand-" + UUID.randomUUID(), username).orElseThrow();
        java.util.concurrent.Future<ScoreSnapshots.Run> run = demands.submit(() -> compute(runId));
        try {
            return Optional.of(run.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** When the run some instance is computing now started (a run older than {@link #TAKE_OVER_AFTER} is dead). */
    public Optional<Instant> inProgressSince() throws Rejection {
        Instant now = clock.instant();
        return Tx.read(db, c -> Sql.one(c, "SELECT started_at FROM score_runs WHERE finished_at IS NULL "
                + "AND started_at >= ? ORDER BY started_at FETCH FIRST 1 ROWS ONLY", rs -> Sql.instant(rs, "started_at"), now.minus(TAKE_OVER_AFTER)));
    }

    private Optional<Long> claim(String key, String requestedBy) throws Rejection {
        Instant now = clock.instant();
        try {
            return Optional.of(Tx.durable(db, c -> {
                Sql.update(c, "INSERT INTO score_runs (run_key, instance_id, requested_by, as_of, started_at) VALUES (?, ?, ?, ?, ?)",
                        key, instanceId, requestedBy == null ? Sql.NULL_TEXT : requestedBy, now, now);
                return runId(c, key);
            }));
        } catch (Tx.DatabaseFailure e) {
            if (!duplicateKey(e)) {
                throw e;
            }
        }
        return Tx.durable(db, c -> {
            int taken = Sql.update(c, "UPDATE score_runs SET instance_id = ?, as_of = ?, started_at = ? WHERE run_key = ? "
                    + "AND finished_at IS NULL AND started_at < ?", instanceId, now, now, key, now.minus(TAKE_OVER_AFTER));
            return taken == 1 ? Optional.of(runId(c, key)) : Optional.<Long>empty();
        });
    }

    private static long runId(Connection c, String key) throws SQLException {
        return Sql.one(c, "SELECT run_id FROM score_runs WHERE run_key = ?", rs -> rs.getLong(1), key).orElseThrow();
    }

    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Computes run {@code runId}; a failed run is given up at once (its row deleted while still this instance's), so that
     * it neither blocks "compute again" nor waits two hours to be taken over.
     */
    private ScoreSnapshots.Run compute(long runId) throws Rejection {
        try {
            return computeClaimed(runId);
        } catch (Rejection | RuntimeException e) {
            try {
                Tx.durable(db, c -> Sql.update(c, "DELETE FROM score_runs WHERE run_id = ? AND instance_id = ? AND finished_at IS NULL",
                        runId, instanceId));
            } catch (Rejection | RuntimeException ignored) {
                // the database is gone too: the run is taken over after TAKE_OVER_AFTER
            }
            throw e;
        }
    }

    /** Reads every commune's dossiers, scores the three periods, then stores them if the run is still this instance's. */
    private ScoreSnapshots.Run computeClaimed(long runId) throws Rejection {
        Instant asOf = Tx.read(db, c -> Sql.one(c, "SELECT as_of FROM score_runs WHERE run_id = ?", rs -> Sql.instant(rs, "as_of"),
                runId).orElseThrow());
        long started = System.nanoTime();
        List<CommuneScore> scores = Tx.read(db, c -> scoresAsOf(c, asOf));
        long scored = System.nanoTime();
        Instant finished = clock.instant();
        Tx.durable(db, c -> {
            int mine = Sql.update(c, "UPDATE score_runs SET finished_at = ? WHERE run_id = ? AND instance_id = ? AND finished_at IS NULL",
                    finished, runId, instanceId);
            if (mine != 1) {
                throw new IllegalStateException("score run " + runId + " was taken over by another instance");
            }
            ScoreSnapshots.write(c, runId, scores);
            Sql.update(c, "DELETE FROM score_runs WHERE finished_at < ?", finished.minus(KEEP_RUNS));
            return null;
        });
        System.out.println("score: run " + runId + ": " + scores.size() / Period.Kind.values().length + " communes read and scored in "
                + (scored - started) / 1_000_000 + " ms, stored in " + (System.nanoTime() - scored) / 1_000_000 + " ms");
        return Tx.read(db, c -> Sql.one(c, "SELECT run_id, as_of, finished_at, requested_by FROM score_runs WHERE run_id = ?",
                rs -> new ScoreSnapshots.Run(rs.getLong(1), Sql.instant(rs, "as_of"), Sql.instant(rs, "finished_at"),
                rs.getString(4)), runId).orElseThrow());
    }

    /** Every commune's month, quarter and year as of {@code asOf}, from one read of its year. */
    static List<CommuneScore> scoresAsOf(Connection c, Instant asOf) throws SQLException {
        ScoreCalculator calculator = new ScoreCalculator(ScoreQuery.workingTime(c));
        Period year = Period.containing(Period.Kind.YEAR, asOf);
        List<CommuneScore> out = new ArrayList<>();
        for (ScoreQuery.Unit unit : ScoreQuery.units(c)) {
            ScoreQuery.CommuneData data = ScoreQuery.load(c, unit.code(), year.start(), year.judgedAt(asOf));
            for (Period.Kind kind : Period.Kind.values()) {
                out.add(calculator.score(unit.code(), Period.containing(kind, asOf), asOf, data.dossiers(), data.codes()));
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        demands.shutdownNow();
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
