package org.motcua.server.dashboard;

import org.motcua.server.testing.Backend;

class PostgresDashboardTest extends DashboardCases {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
