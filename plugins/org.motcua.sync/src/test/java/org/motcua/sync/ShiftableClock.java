package org.motcua.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset a test may change at any moment: a desk whose operator set the date wrong by days,
 * and later right again. The sync engine reads it through {@link SyncConfig#clock()}.
 */
final class ShiftableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    void shift(Duration offset) {
        this.offset = offset;
    }

    Duration offset() {
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the desks' clocks are UTC");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
