package org.motcua.server.feed;

import org.motcua.server.testing.Backend;

class PostgresDecisionTest extends DecisionCases {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
