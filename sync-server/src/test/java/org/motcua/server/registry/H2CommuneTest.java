package org.motcua.server.registry;

import org.motcua.server.testing.Backend;

class H2CommuneTest extends CommuneCases {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
