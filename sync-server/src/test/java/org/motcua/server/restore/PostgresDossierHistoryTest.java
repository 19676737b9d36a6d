package org.motcua.server.restore;

import org.motcua.server.testing.Backend;

class PostgresDossierHistoryTest extends DossierHistoryCases {
    @Override
    protected Backend backend() {
        return Backend.POSTGRESQL;
    }
}
