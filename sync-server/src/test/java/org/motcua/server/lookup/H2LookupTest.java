package org.motcua.server.lookup;

import org.motcua.server.testing.Backend;

class H2LookupTest extends LookupCases {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
