package org.motcua.server.lookup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.TestServer;

class PostgresLookupTest extends LookupCases {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }

    /** Two instances behind one balancer share an address's count: the limit is not multiplied by the instances. */
    @Test
    void twoInstancesShareTheAddressLimit() throws Exception {
        try (TestServer other = server.sibling()) {
            LookupThrottle here = server.services.lookupThrottle;
            LookupThrottle there = new LookupThrottle(other.services.db, clock, 3, java.time.Duration.ofMinutes(10));
            assertTrue(here.allow("192.0.2.77"));
            assertTrue(there.allow("192.0.2.77"));
            assertTrue(here.allow("192.0.2.77"));
            assertFalse(there.allow("192.0.2.77"), "the fourth attempt is refused, whichever instance takes it");
            assertFalse(here.allow("192.0.2.77"));
        }
    }
}
