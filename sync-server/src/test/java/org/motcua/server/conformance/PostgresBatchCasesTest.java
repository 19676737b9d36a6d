package org.motcua.server.conformance;

import org.motcua.server.testing.Backend;

class PostgresBatchCasesTest extends BatchCases {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
