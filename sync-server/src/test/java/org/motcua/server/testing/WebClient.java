package org.motcua.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser for the pages' HTTP tests: keeps cookies by name (it ignores their path, which the tests
 * do not depend on), never follows redirects, posts forms URL-encoded, and keeps every Set-Cookie header it saw.
 */
public final class WebClient {

    /** A page's answer. */
    public record Page(int status, String location, String body, List<String> setCookies, HttpResponse<String> raw) {

        /** The value of the hidden {@code _csrf} field of the first form. */
        public String csrf() {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no _csrf field in: " + body);
            }
            return m.group(1);
        }

        public String setCookie(String name) {
            return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    public final Map<String, String> cookies = new LinkedHashMap<>();
    /** Sent with every request (e.g. what a reverse proxy adds). */
    public final Map<String, String> headers = new LinkedHashMap<>();

    public WebClient(String base) {
        this.base = base;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Page getWithHeader(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET());
    }

    /** Posts {@code fields} (name, value, name, value…) as a form. */
    public Page post(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts a {@code multipart/form-data} form as a browser sends a file input: the fields, then the file. */
    public Page postFile(String path, String fileField, String fileName, byte[] content, String... fields) {
        String boundary = "----motcua" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n" + fields[i + 1]
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Opens the login page and logs in; returns the answer to the POST. */
    public Page login(String username, String password) {
        Page form = get("/login");
        return post("/login", "_csrf", form.csrf(), "username", username, "password", password, "next", "/");
    }

    private Page send(HttpRequest.Builder b) {
        headers.forEach(b::header);
        if (!cookies.isEmpty()) {
            StringBuilder c = new StringBuilder();
            cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", c.toString());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<String> set = new ArrayList<>(r.headers().allValues("set-cookie"));
            for (String s : set) {
                String pair = s.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                boolean expired = s.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(r.statusCode(), r.headers().firstValue("location").orElse(null), r.body(), set, r);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
