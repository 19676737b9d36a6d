package org.motcua.server.updates;

import org.motcua.server.testing.Backend;

class PostgresProductUpdateTest extends ProductUpdateCases {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
