package org.motcua.server.restore;

import org.motcua.server.testing.Backend;

class H2DossierHistoryTest extends DossierHistoryCases {
    @Override
    protected Backend backend() {
        return Backend.H2;
    }
}
