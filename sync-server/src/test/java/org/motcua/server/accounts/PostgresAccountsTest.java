package org.motcua.server.accounts;

import org.motcua.server.testing.Backend;

class PostgresAccountsTest extends AccountCases {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
