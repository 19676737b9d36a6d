package org.motcua.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one-range reading of {@code Range} the product files are served with (RFC 9110 §14). */
class ByteRangeTest {

    @Test
    void singleRangesAreServedAndAnythingElseMeansTheWholeFile() throws Exception {
        assertEquals(Optional.of(new ByteRange(100, 999)), ByteRange.of("bytes=100-", 1000));
        assertEquals(Optional.of(new ByteRange(100, 199)), ByteRange.of("bytes=100-199", 1000));
        assertEquals(Optional.of(new ByteRange(100, 999)), ByteRange.of("bytes=100-5000", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.of("Bytes=0-" + "9".repeat(40), 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.of("bytes=-100", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.of("bytes=-5000", 1000));
        for (String ignored : new String[] {null, "", "bytes=", "bytes=-", "items=0-1", "bytes=0-1,5-", "bytes=5-2", "bytes=a-",
                "bytes=0x10-", "bytes=\u0661-"}) {
            assertEquals(Optional.empty(), ByteRange.of(ignored, 1000), ignored);
        }
        for (String unsatisfiable : new String[] {"bytes=1000-", "bytes=1000-2000", "bytes=" + "9".repeat(30) + "-", "bytes=-0"}) {
            assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.of(unsatisfiable, 1000), unsatisfiable);
        }
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.of("bytes=0-", 0));
    }
}
