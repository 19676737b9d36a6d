package org.motcua.server.score;

import org.motcua.server.testing.Backend;

class H2ScoreQueryTest extends ScoreQueryCases {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
