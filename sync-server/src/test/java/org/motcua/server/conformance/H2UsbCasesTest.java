package org.motcua.server.conformance;

import org.motcua.server.testing.Backend;

class H2UsbCasesTest extends UsbCases {
    @Override
    protected Backend backend() {
        return Backend.H2;
    }
}
