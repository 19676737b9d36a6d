package org.motcua.server.feed;

import org.motcua.server.testing.Backend;

class PostgresNumberLeaseTest extends NumberLeaseCases {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
