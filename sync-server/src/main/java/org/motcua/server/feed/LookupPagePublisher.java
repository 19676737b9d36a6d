package org.motcua.server.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.motcua.protocol.json.StrictJson;

/**
 * The {@code lookupPage} item (a project addition to §5.6, see PROTOCOL-NOTES.md): where citizens look a dossier up,
 * so that desks put {@code <url>?code=<code>&token=<token>} in the receipt's QR code. Key {@code "province"}, for
 * every device; data {@code {"url": "https://…/tra-cuu"}}, or {@code {}} once the province has no public address any
 * more (desks go back to the plain {@code code|token} text). Published by the server's start when its setting differs
 * from the current item, so every instance must run with the same setting.
 */
public final class LookupPagePublisher {

    public static final String ITEM_TYPE = "lookupPage";
    public static final String KEY = "province";
    /** The lookup page's path under the public base address. */
    public static final String PATH = "/tra-cuu";

    private LookupPagePublisher() {
    }

    /**
     * The lookup page's URL under {@code publicBaseUrl} (an http or https address with a host, maybe a path, no query
     * or fragment); throws {@link IllegalArgumentException} naming what is wrong.
     */
    public static String lookupUrl(String publicBaseUrl) {
        URI uri;
        try {
            uri = new URI(publicBaseUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--public-url is not a URL: " + e.getMessage());
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || publicBaseUrl.length() > 200) {
            throw new IllegalArgumentException("--public-url must be an http(s) address with a host, without a query, e.g. "
                    + "https://motcua.tinh.gov.vn");
        }
        String s = uri.toString();
        return (s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + PATH;
    }

    /** Publishes the setting when it differs from the current item; returns whether it published. */
    public static boolean publish(Connection c, Optional<String> lookupUrl, Instant now) throws SQLException {
        ObjectNode data = StrictJson.nodes().objectNode();
        lookupUrl.ifPresent(u -> data.put("url", u));
        Map<String, ObjectNode> current = Feed.current(c, ITEM_TYPE, FeedScope.province());
        ObjectNode was = current.get(KEY);
        if (was == null ? lookupUrl.isEmpty() : was.equals(data)) {
            return false;
        }
        Feed.publish(c, ITEM_TYPE, KEY, FeedScope.province(), data, now);
        return true;
    }
}
