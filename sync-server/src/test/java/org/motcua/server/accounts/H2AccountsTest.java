package org.motcua.server.accounts;

import org.motcua.server.testing.Backend;

class H2AccountsTest extends AccountCases {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
