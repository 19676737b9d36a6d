package org.motcua.server.web;

import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Set;
import org.motcua.server.accounts.Role;

/**
 * Who may call a web route, declared with the route and checked by {@link WebAccess} before every request. A
 * {@code unitScoped} route has a {@code {unit}} path parameter that a commune role may only set to its own unit.
 */
record Allowed(Set<Role> roles, boolean unitScoped) implements RouteRole {

    static final Allowed PROVINCE_ADMIN = new Allowed(EnumSet.of(Role.PROVINCE_ADMIN), false);
    static final Allowed ANY_OFFICER = new Allowed(EnumSet.allOf(Role.class), false);
    static final Allowed ANY_OFFICER_OF_UNIT = new Allowed(EnumSet.allOf(Role.class), true);
}
