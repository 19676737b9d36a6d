package org.motcua.server.feed;

import org.motcua.server.testing.Backend;

class PostgresRosterTest extends RosterCases {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
