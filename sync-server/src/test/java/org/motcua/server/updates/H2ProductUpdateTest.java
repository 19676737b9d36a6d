package org.motcua.server.updates;

import org.motcua.server.testing.Backend;

class H2ProductUpdateTest extends ProductUpdateCases {
    @Override
    protected Backend backend() {
        return Backend.H2;
    }
}
