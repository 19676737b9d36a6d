package org.motcua.server.conformance;

import org.motcua.server.testing.Backend;

class PostgresUploadAndAccessCasesTest extends UploadAndAccessCases {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
