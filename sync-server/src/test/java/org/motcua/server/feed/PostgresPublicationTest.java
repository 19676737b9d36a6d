package org.motcua.server.feed;

import org.motcua.server.testing.Backend;

class PostgresPublicationTest extends PublicationCases {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
