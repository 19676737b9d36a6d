package org.motcua.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.motcua.server.ServerServices;

/**
 * The province's web pages beside {@code /api/v1}: every route names who may call it ({@link Allowed}), one
 * before-handler ({@link WebAccess}) checks that, and each handler is a thin call into the same operation classes the
 * CLI uses. Pages are server-rendered jte templates in Vietnamese; the style sheet comes from the jar.
 */
public final class WebRoutes {

    static final String LOGIN = "/login";
    static final String LOGOUT = "/logout";
    static final String DEVICES = "/admin/devices";
    static final String CODES = "/admin/enrolment-codes";
    static final String AUDIT = "/admin/audit";
    static final String ACCOUNTS = "/admin/accounts";
    static final String COMMUNES = "/admin/communes";
    static final String CATALOGUE = "/admin/catalogue";
    static final String CALENDAR = "/admin/calendar";
    static final String LEASES = "/admin/number-leases";
    static final String USB_IMPORT = "/admin/usb-import";
    /** The pages of what the province publishes and the USB import, one entry of the navigation bar. */
    static final java.util.List<String> PUBLISH_PAGES = java.util.List.of(CATALOGUE, CALENDAR, LEASES, USB_IMPORT);
    /** The citizen's progress lookup, public; the receipt's QR code opens it with {@code ?code=…&token=…}. */
    static final String LOOKUP = "/tra-cuu";
    static final String LOOKUP_RATING = "/tra-cuu/danh-gia";

    private WebRoutes() {
    }

    static String communeDevices(String unit) {
        return "/communes/" + unit + "/devices";
    }

    public static void register(JavalinConfig config, ServerServices services) {
        WebAccess access = new WebAccess(services.officerSessions);
        LoginPages login = new LoginPages(services.officerLogin, services.officerSessions, services.config.clock);
        DevicePages devices = new DevicePages(services);
        EnrolmentCodePages codes = new EnrolmentCodePages(services);
        AuditPage audit = new AuditPage(services.db);
        AccountPages accounts = new AccountPages(services);
        CommunePages communes = new CommunePages(services);
        CataloguePages catalogue = new CataloguePages(services);
        CalendarPages calendar = new CalendarPages(services);
        LeasePages leases = new LeasePages(services);
        UsbImportPages usb = new UsbImportPages(services);
        LookupPages lookup = new LookupPages(services.progressLookup, services.citizenRatings, services.lookupThrottle);
        var routes = config.routes;
        routes.beforeMatched(access::check);
        routes.get("/assets/{name}", Assets::serve);
        routes.get(LOGIN, login::form);
        routes.post(LOGIN, login::submit);
        routes.post(LOGOUT, login::logout, Allowed.ANY_OFFICER);
        routes.get("/", WebRoutes::home, Allowed.ANY_OFFICER);
        routes.get(DEVICES, devices::list, Allowed.PROVINCE_ADMIN);
        routes.get(DEVICES + "/{deviceId}/revoke", devices::confirmRevoke, Allowed.PROVINCE_ADMIN);
        routes.post(DEVICES + "/{deviceId}/revoke", devices::revoke, Allowed.PROVINCE_ADMIN);
        routes.get(CODES, codes::page, Allowed.PROVINCE_ADMIN);
        routes.post(CODES, codes::create, Allowed.PROVINCE_ADMIN);
        routes.get(AUDIT, audit::show, Allowed.PROVINCE_ADMIN);
        routes.get(COMMUNES, communes::list, Allowed.PROVINCE_ADMIN);
        routes.post(COMMUNES, communes::importFile, Allowed.PROVINCE_ADMIN);
        routes.get(CATALOGUE, catalogue::list, Allowed.PROVINCE_ADMIN);
        routes.post(CATALOGUE, catalogue::publish, Allowed.PROVINCE_ADMIN);
        routes.get(CALENDAR, calendar::list, Allowed.PROVINCE_ADMIN);
        routes.post(CALENDAR, calendar::publish, Allowed.PROVINCE_ADMIN);
        routes.get(LEASES, leases::list, Allowed.PROVINCE_ADMIN);
        routes.post(LEASES, leases::grant, Allowed.PROVINCE_ADMIN);
        routes.get(USB_IMPORT, usb::page, Allowed.PROVINCE_ADMIN);
        routes.post(USB_IMPORT, usb::upload, Allowed.PROVINCE_ADMIN);
        routes.get(USB_IMPORT + "/replies/{name}", usb::reply, Allowed.PROVINCE_ADMIN);
        routes.get(ACCOUNTS, accounts::list, Allowed.PROVINCE_ADMIN);
        routes.post(ACCOUNTS, accounts::create, Allowed.PROVINCE_ADMIN);
        routes.get(ACCOUNTS + "/{username}/password", accounts::passwordForm, Allowed.PROVINCE_ADMIN);
        routes.post(ACCOUNTS + "/{username}/password", accounts::setPassword, Allowed.PROVINCE_ADMIN);
        routes.get(ACCOUNTS + "/{username}/disable", accounts::confirmDisable, Allowed.PROVINCE_ADMIN);
        routes.post(ACCOUNTS + "/{username}/disable", accounts::disable, Allowed.PROVINCE_ADMIN);
        routes.get(LOOKUP, lookup::show);
        routes.post(LOOKUP_RATING, lookup::rate);
        routes.get("/communes/{unit}/devices", devices::ofUnit, Allowed.ANY_OFFICER_OF_UNIT);
        DashboardPages.register(config, services);
        routes.exception(WebRefusal.class, WebErrors::refused);
        ScorePages.register(config, services);
    }

    private static void home(Context ctx) {
        Pages.render(ctx, 200, "home.jte", Pages.page(ctx, "home.title"));
    }
}
