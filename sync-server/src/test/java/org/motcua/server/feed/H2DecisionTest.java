package org.motcua.server.feed;

import org.motcua.server.testing.Backend;

class H2DecisionTest extends DecisionCases {
    @Override
    protected Backend backend() {
        return Backend.H2;
    }
}
