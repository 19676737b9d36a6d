package org.motcua.server.conformance;

import org.motcua.server.testing.Backend;

class PostgresChainCasesTest extends ChainCases {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
