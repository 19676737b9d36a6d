package org.motcua.server.web;

import java.util.ArrayList;
import java.util.List;
import org.motcua.server.accounts.OfficerSessions.SignedIn;
import org.motcua.server.accounts.Role;

/**
 * What every template gets besides its own data: the words, who is signed in (or nobody), the session's CSRF token for
 * its forms, and the navigation that officer's role allows.
 */
public final class Page {

    /** One link of the navigation bar. */
    public record NavItem(String href, String label, boolean current) {
    }

    private final Messages messages;
    private final SignedIn viewer;
    private final String path;
    private final String titleKey;

    Page(Messages messages, SignedIn viewer, String path, String titleKey) {
        this.messages = messages;
        this.viewer = viewer;
        this.path = path;
        this.titleKey = titleKey;
    }

    public String t(String key, Object... args) {
        return messages.get(key, args);
    }

    public String title() {
        return messages.get(titleKey);
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public String userName() {
        return viewer == null ? "" : viewer.account().displayName();
    }

    public String roleLabel() {
        if (viewer == null) {
            return "";
        }
        String role = messages.get("role." + viewer.account().role().code());
        return viewer.account().unitCode() == null ? role : role + " · " + viewer.account().unitCode();
    }

    /** Where the brand links: a citizen on the public lookup stays there (the home page needs a login). */
    public String homeHref() {
        return viewer == null && path.startsWith(WebRoutes.LOOKUP) ? WebRoutes.LOOKUP : "/";
    }

    public String csrf() {
        return viewer == null ? "" : viewer.csrfToken();
    }

    public List<NavItem> nav() {
        List<NavItem> items = new ArrayList<>();
        if (viewer == null) {
            return items;
        }
        item(items, "/", "nav.home");
        item(items, DashboardPages.HOME, "nav.dashboard");
        Role role = viewer.account().role();
        if (role == Role.PROVINCE_ADMIN) {
            item(items, WebRoutes.COMMUNES, "nav.communes");
            item(items, WebRoutes.DEVICES, "nav.devices");
            items.add(new NavItem(WebRoutes.CATALOGUE, messages.get("nav.publish"),
                    WebRoutes.PUBLISH_PAGES.stream().anyMatch(path::startsWith)));
            item(items, WebRoutes.CODES, "nav.codes");
            item(items, WebRoutes.ACCOUNTS, "nav.accounts");
            item(items, WebRoutes.AUDIT, "nav.audit");
        }
        if (role.communeScoped()) {
            item(items, WebRoutes.communeDevices(viewer.account().unitCode()), "nav.commune-devices");
        }
        item(items, ScorePages.home(viewer), "score.nav");
        return items;
    }

    private void item(List<NavItem> items, String href, String key) {
        boolean current = href.equals("/") ? path.equals("/") : path.startsWith(href);
        items.add(new NavItem(href, messages.get(key), current));
    }
}
