package org.motcua.server.feed;

import org.motcua.server.testing.Backend;

class H2PublicationTest extends PublicationCases {
    @Override
    protected Backend backend() {
        return Backend.H2;
    }
}
