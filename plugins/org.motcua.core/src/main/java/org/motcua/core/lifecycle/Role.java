package org.motcua.core.lifecycle;

import java.util.Locale;
import org.motcua.core.validation.Localizable;
import org.motcua.core.validation.Texts;

/** What a user does at the commune; decides which {@link DossierAction}s they may take. */
public enum Role implements Localizable {

    /** Cán bộ tiếp nhận: the one-stop desk officer who receives dossiers and returns results. */
    RECEIVING_OFFICER,
    /** Cán bộ xử lý: the specialist who handles a dossier. */
    PROCESSING_OFFICER,
    /** Lãnh đạo: approves, and alone may stop processing. */
    LEADER,
    /** Tổ công nghệ số cộng đồng: helps citizens file, often in a village, offline; never decides. */
    COMMUNITY_ASSISTANT,
    /** Quản trị: manages users and settings; takes no dossier action. */
    ADMIN;

    @Override
    public String displayName(Locale locale) {
        return Texts.format("org.motcua.core.lifecycle.labels", "role." + name(), locale);
    }
}
