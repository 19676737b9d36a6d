package org.motcua.server.conformance;

import org.motcua.server.testing.Backend;

class H2BatchCasesTest extends BatchCases {
    @Override
    protected Backend backend() {
        return Backend.H2;
    }
}
