package org.motcua.server.feed;

import org.motcua.server.testing.Backend;

class H2NumberLeaseTest extends NumberLeaseCases {
    @Override
    protected Backend backend() {
        return Backend.H2;
    }
}
