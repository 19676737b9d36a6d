package org.motcua.server.testing;

/** The two databases every conformance case runs on. */
public enum Backend {
    H2, POSTGRESQL
}
