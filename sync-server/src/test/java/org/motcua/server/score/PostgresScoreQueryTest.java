package org.motcua.server.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;

class PostgresScoreQueryTest extends ScoreQueryCases {

    private TestServer sibling;

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }

    @Override
    TestServer other() {
        if (sibling == null) {
            sibling = server.sibling();
        }
        return sibling;
    }

    @AfterAll
    void stopSibling() {
        if (sibling != null) {
            sibling.close();
        }
    }

    /** Two instances reach the same night at the same moment: exactly one computes it. */
    @Test
    void twoInstancesRacingForOneNightComputeItOnce() throws Exception {
        MutableClock night = new MutableClock(ScoreCalculatorTest.at("2025-06-25T01:31"));
        List<ScoreJob> jobs = List.of(new ScoreJob(server.services.db, night), new ScoreJob(other().services.db, night),
                new ScoreJob(server.services.db, night), new ScoreJob(other().services.db, night));
        ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
        try {
            List<Future<Optional<ScoreSnapshots.Run>>> runs = new ArrayList<>();
            for (ScoreJob job : jobs) {
                runs.add(pool.submit((Callable<Optional<ScoreSnapshots.Run>>) job::runNightlyIfDue));
            }
            int computed = 0;
            for (Future<Optional<ScoreSnapshots.Run>> r : runs) {
                computed += r.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, computed);
        } finally {
            pool.shutdownNow();
        }
    }
}
