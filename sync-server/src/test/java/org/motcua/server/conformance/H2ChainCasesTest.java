package org.motcua.server.conformance;

import org.motcua.server.testing.Backend;

class H2ChainCasesTest extends ChainCases {
    @Override
    protected Backend backend() {
        return Backend.H2;
    }
}
