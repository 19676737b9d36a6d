package org.motcua.server.export;

import org.motcua.server.testing.Backend;

class H2ExportTest extends ExportCases {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
