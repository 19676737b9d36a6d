package org.motcua.server.conformance;

import org.motcua.server.testing.Backend;

class PostgresUsbCasesTest extends UsbCases {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
