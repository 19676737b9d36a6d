package org.motcua.server.lookup;

import org.motcua.server.testing.Backend;

class PostgresLookupTest extends LookupCases {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
