package org.motcua.server.registry;

import org.motcua.server.testing.Backend;

class PostgresCommuneTest extends CommuneCases {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
