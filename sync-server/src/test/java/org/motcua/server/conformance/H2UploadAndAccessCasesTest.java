package org.motcua.server.conformance;

import org.motcua.server.testing.Backend;

class H2UploadAndAccessCasesTest extends UploadAndAccessCases {
    @Override
    protected Backend backend() {
        return Backend.H2;
    }
}
