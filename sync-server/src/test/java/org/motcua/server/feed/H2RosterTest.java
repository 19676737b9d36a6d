package org.motcua.server.feed;

import org.motcua.server.testing.Backend;

class H2RosterTest extends RosterCases {
    @Override
    protected Backend backend() {
        return Backend.H2;
    }
}
