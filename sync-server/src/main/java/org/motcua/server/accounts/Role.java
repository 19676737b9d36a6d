package org.motcua.server.accounts;

import java.util.Locale;

/** What an officer of the province server may see and do. A commune role carries its unit and sees only that commune. */
public enum Role {
    PROVINCE_ADMIN, PROVINCE_LEADER, COMMUNE_LEADER, COMMUNE_OFFICER;

    /** True for the roles bound to one commune unit. */
    public boolean communeScoped() {
        return this == COMMUNE_LEADER || this == COMMUNE_OFFICER;
    }

    /** The stored and typed name: {@code province-admin}, {@code commune-officer}… */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Role of(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role " + code + "; one of province-admin, province-leader, commune-leader, "
                + "commune-officer");
    }
}
