package org.motcua.core.dossier;

/** Who files: a citizen, or an organisation or business (through its representative). */
public enum ApplicantKind {
    CITIZEN, ORGANISATION
}
