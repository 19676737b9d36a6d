package org.motcua.server.dashboard;

import org.motcua.server.testing.Backend;

class H2DashboardTest extends DashboardCases {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
