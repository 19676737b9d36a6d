package org.motcua.server.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.ContentDigest;
import org.motcua.protocol.enrol.Macs;
import org.motcua.server.SyncServer;

/**
 * The requests the fuzzer sends to one route: the route's valid request built from the fixture's real values, then a
 * handful of independent mutations chosen by jqwik (method, path, query, credentials, body, signature, headers, framing),
 * most of them "keep" so each case changes a few things at a time and gets past the checks the others would trip.
 */
final class RequestArbitraries {

    /** One mutation: a label for the report ({@code null} when it keeps the request) and what it does to the draft. */
    record Step(String label, Consumer<Draft> apply) {

        static final Step KEEP = new Step(null, d -> {
        });

        static Step of(String label, Consumer<Draft> apply) {
            return new Step(label, apply);
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<String> QUERY_NAMES = List.of("nonce", "epoch", "feedId", "after", "limit", "code", "token", "next",
            "out", "page", "q", "unit", "from", "to", "sort");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
            "CONNECT", "FUZZ", "get", "PROPFIND");

    private final FuzzFixture f;
    private final byte[] sessionBody;
    private final byte[] sessionSignature;

    RequestArbitraries(FuzzFixture f) {
        this.f = f;
        byte[][] session = f.device.sessionRequest(f.clock.instant());
        this.sessionBody = session[0];
        this.sessionSignature = session[1];
    }

    Arbitrary<RawRequest> of(SyncServer.Route route) {
        RouteKind kind = RouteKind.of(route);
        return Combinators.combine(method(route), path(route), query(), credentials(kind), body(kind), signature(kind), headers(kind),
                Arbitraries.frequency(Tuple.of(85, RawRequest.Framing.LENGTH), Tuple.of(6, RawRequest.Framing.CHUNKED),
                        Tuple.of(6, RawRequest.Framing.TRUNCATED), Tuple.of(3, RawRequest.Framing.NONE)))
                .as((m, p, q, c, b, s, h, framing) -> build(route, kind, List.of(m, p, q, c, b), s, h, framing));
    }

    // --- the valid request and its assembly ----------------------------------------------------------------------

    private RawRequest build(SyncServer.Route route, RouteKind kind, List<Step> early, Step signature, Step headers,
            RawRequest.Framing framing) {
        Draft d = base(route, kind);
        List<String> labels = new ArrayList<>();
        for (Step s : early) {
            run(s, d, labels);
        }
        if (kind.form() && d.rawBody == null) {
            d.inner = Draft.urlEncode(d.fields);
        } else if (d.rawBody != null) {
            d.inner = d.rawBody;
        }
        if (kind.signedBody()) {
            byte[] sig = d.bodyChanged && !d.resign ? d.baseSignature : f.device.sign(d.inner);
            d.signature = B64u.encode(sig);
        } else if (kind == RouteKind.ENROLMENT) {
            d.signature = d.bodyChanged && !d.resign ? f.enrolmentMac
                    : B64u.encode(Macs.hmacSha256(f.enrolmentCode.macKey(), d.inner));
        }
        run(signature, d, labels);
        d.assembleHeaders(kind);
        run(headers, d, labels);
        byte[] wire = d.gzip ? Mutations.gzip(d.inner) : d.inner;
        String target = d.path + (d.query.isEmpty() ? "" : "?" + d.query);
        return new RawRequest(d.method, target, d.headerList, wire, framing,
                route.method() + " " + route.path() + (labels.isEmpty() ? " [valid]" : " " + labels));
    }

    private static void run(Step s, Draft d, List<String> labels) {
        s.apply().accept(d);
        if (s.label() != null) {
            labels.add(s.label());
        }
    }

    private Draft base(SyncServer.Route route, RouteKind kind) {
        Draft d = new Draft();
        d.method = route.method();
        Matcher m = PARAM.matcher(route.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(f.pathValue(route.path(), m.group(1))));
        }
        m.appendTail(path);
        d.path = path.toString();
        d.params = new ArrayList<>();
        Matcher names = PARAM.matcher(route.path());
        while (names.find()) {
            d.params.add(f.pathValue(route.path(), names.group(1)));
        }
        switch (kind) {
            case ENROLMENT -> d.inner = f.enrolmentBody;
            case SIGNED -> {
                d.inner = sessionBody;
                d.baseSignature = sessionSignature;
            }
            case BATCH -> {
                d.inner = f.batchCanonical;
                d.baseSignature = f.device.sign(f.batchCanonical);
                d.gzip = true;
                d.idempotencyKey = "\"" + f.batchId + "\"";
            }
            case BEARER_JSON -> d.inner = ("{\"hashes\":[\"" + f.blobSha + "\",\"" + "ab".repeat(32) + "\"]}").getBytes(StandardCharsets.UTF_8);
            case BLOB_PATCH -> d.inner = f.blob;
            case BEARER_READ -> d.query = route.path().endsWith("/state") ? "nonce=" + FuzzFixture.nonce()
                    : route.path().endsWith("/updates") ? "nonce=" + FuzzFixture.nonce() + "&after=0&limit=20" : "";
            case LOGIN_FORM -> {
                d.cookies.put("motcua_login", f.loginFormToken);
                d.fields.put("_csrf", f.loginFormToken);
                d.fields.put("username", FuzzFixture.LOGIN_TARGET);
                d.fields.put("password", "sai-mật-khẩu");
                d.fields.put("next", "/admin/devices");
            }
            case LOOKUP_FORM -> {
                d.cookies.put("motcua_lookup", f.lookupFormToken);
                d.fields.put("_csrf", f.lookupFormToken);
                d.fields.put("code", f.lookupCode);
                d.fields.put("token", f.lookupToken);
                d.fields.put("rating", "SATISFIED");
                d.fields.put("comment", "Cán bộ nhiệt tình");
            }
            case WEB_FORM -> {
                FuzzFixture.Officer o = route.path().equals("/logout") ? f.spareSessions.get(f.nextSpare()) : f.admin;
                d.cookies.put("motcua_session", o.cookie());
                d.fields.put("_csrf", o.csrf());
                d.fields.put("username", "fuzz-new");
                d.fields.put("displayName", "Đỗ Thị Mới");
                d.fields.put("role", "COMMUNE_OFFICER");
                d.fields.put("unit", f.device.unitCode);
                d.fields.put("unitName", "Xã Hòa Bình");
                d.fields.put("password", FuzzFixture.PASSWORD);
                d.fields.put("password2", FuzzFixture.PASSWORD);
                d.fields.put("hours", "24");
                d.fields.put("purpose", "NEW");
                d.fields.put("deviceId", f.victimDeviceId);
            }
            case WEB_PAGE -> {
                FuzzFixture.Officer o = route.path().contains("{unit}") ? f.communeOfficer : f.admin;
                if (route.signedIn()) {
                    d.cookies.put("motcua_session", o.cookie());
                }
                if (route.path().equals("/tra-cuu")) {
                    d.query = "code=" + f.lookupCode + "&token=" + f.lookupToken;
                } else if (route.path().equals("/login")) {
                    d.query = "next=%2Fadmin%2Fdevices";
                }
            }
            case PUBLIC_API -> {
            }
        }
        if (kind.bearer()) {
            d.authorization = "Bearer " + f.token;
        }
        return d;
    }

    // --- mutations -----------------------------------------------------------------------------------------------

    private static Arbitrary<Step> method(SyncServer.Route route) {
        return Arbitraries.frequencyOf(Tuple.of(88, Arbitraries.just(Step.KEEP)),
                Tuple.of(12, Arbitraries.of(METHODS).filter(m -> !m.equals(route.method()))
                        .map(m -> Step.of("method " + m, d -> d.method = m))));
    }

    private static Arbitrary<Step> path(SyncServer.Route route) {
        Arbitrary<Step> tricks = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(Arbitraries.integers().between(0, 8), Mutations.segment()).as((i, seg) -> Step.of("param",
                        d -> d.replaceParam(i, seg)))),
                Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.of("..", "%2e%2e", ".", "", "%2f",
                        "%2E%2e%2F%2e%2E", "..;", "%c0%ae%c0%ae", ";a=b", "%00")).as((i, seg) -> Step.of("segment " + seg, d -> d.insertSegment(i, seg)))),
                Tuple.of(2, Arbitraries.of(
                        Step.of("trailing slash", d -> d.path = d.path + "/"),
                        Step.of("double slash", d -> d.path = "/" + d.path),
                        Step.of("upper case", d -> d.path = d.path.toUpperCase(java.util.Locale.ROOT)),
                        Step.of("encoded slashes", d -> d.path = "/" + d.path.substring(1).replace("/", "%2F")),
                        Step.of("absolute form", d -> d.path = "http://127.0.0.1" + d.path),
                        Step.of("asterisk", d -> d.path = "*"),
                        Step.of("matrix", d -> d.path = d.path + ";jsessionid=1"),
                        Step.of("fragment", d -> d.path = d.path + "#x"),
                        Step.of("backslashes", d -> d.path = d.path.replace("/", "\\")),
                        Step.of("escape to root", d -> d.path = d.path + "/../../../../etc/passwd"),
                        Step.of("overlong utf-8 dots", d -> d.path = d.path + "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd"),
                        Step.of("raw utf-8", d -> d.path = d.path + "/tr\u00e1\u00bb\u00b1"),
                        Step.of("no leading slash", d -> d.path = d.path.substring(1)))),
                Tuple.of(1, Arbitraries.integers().between(8_000, 70_000).map(n -> Step.of("long path " + n, d -> d.path = d.path + "/" + "a".repeat(n)))));
        return Arbitraries.frequencyOf(Tuple.of(78, Arbitraries.just(Step.KEEP)), Tuple.of(22, tricks));
    }

    private static Arbitrary<Step> query() {
        Arbitrary<Step> changes = Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(Arbitraries.of(QUERY_NAMES), Mutations.nasty()).as((n, v) -> Step.of("query " + n,
                        d -> d.setQuery(n, Mutations.pathSafe(v).replace("&", "%26"))))),
                Tuple.of(1, Arbitraries.of(
                        Step.of("no query", d -> d.query = ""),
                        Step.of("bad percent", d -> d.query = d.query + (d.query.isEmpty() ? "" : "&") + "nonce=%zz&code=%ff%fe&token=%"),
                        Step.of("duplicated query", d -> d.query = d.query + "&" + d.query),
                        Step.of("bare names", d -> d.query = d.query + "&nonce&&=&code=&=x"))),
                Tuple.of(1, Arbitraries.integers().between(10_000, 70_000).map(n -> Step.of("long query " + n,
                        d -> d.query = d.query + "&q=" + "b".repeat(n)))));
        return Arbitraries.frequencyOf(Tuple.of(72, Arbitraries.just(Step.KEEP)), Tuple.of(28, changes));
    }

    private Arbitrary<Step> credentials(RouteKind kind) {
        List<Step> steps = new ArrayList<>();
        if (kind.bearer()) {
            steps.add(Step.of("no token", d -> d.authorization = null));
            steps.add(Step.of("expired token", d -> d.authorization = "Bearer " + f.expiredToken));
            steps.add(Step.of("other unit's token", d -> d.authorization = "Bearer " + f.otherUnitToken));
            steps.add(Step.of("random token", d -> d.authorization = "Bearer " + FuzzFixture.nonce() + FuzzFixture.nonce()));
            steps.add(Step.of("empty bearer", d -> d.authorization = "Bearer "));
            steps.add(Step.of("basic auth", d -> d.authorization = "Basic YWRtaW46YWRtaW4="));
            steps.add(Step.of("token with junk", d -> d.authorization = "Bearer " + f.token + "x"));
            steps.add(Step.of("lower-case scheme", d -> d.authorization = "bearer " + f.token));
            steps.add(Step.of("huge token", d -> d.authorization = "Bearer " + "A".repeat(20_000)));
            steps.add(Step.of("two tokens", d -> d.authorization = "Bearer " + f.token + ", Bearer " + f.otherUnitToken));
        }
        if (kind == RouteKind.WEB_PAGE || kind == RouteKind.WEB_FORM) {
            steps.add(Step.of("no session", d -> d.cookies.remove("motcua_session")));
            steps.add(Step.of("expired session", d -> d.cookies.put("motcua_session", f.expiredOfficer.cookie())));
            steps.add(Step.of("commune officer", d -> d.cookies.put("motcua_session", f.communeOfficer.cookie())));
            steps.add(Step.of("admin", d -> d.cookies.put("motcua_session", f.admin.cookie())));
            steps.add(Step.of("random session", d -> d.cookies.put("motcua_session", FuzzFixture.nonce())));
            steps.add(Step.of("huge session", d -> d.cookies.put("motcua_session", "c".repeat(20_000))));
            steps.add(Step.of("cookie injection", d -> d.cookies.put("motcua_session", f.admin.cookie() + "; motcua_session=x")));
        }
        if (kind.form()) {
            steps.add(Step.of("no csrf", d -> d.fields.remove("_csrf")));
            steps.add(Step.of("empty csrf", d -> d.fields.put("_csrf", "")));
            steps.add(Step.of("wrong csrf", d -> d.fields.put("_csrf", FuzzFixture.nonce())));
            steps.add(Step.of("other session's csrf", d -> d.fields.put("_csrf", f.communeOfficer.csrf())));
            steps.add(Step.of("login form's csrf", d -> d.fields.put("_csrf", f.loginFormToken)));
            steps.add(Step.of("no form cookie", d -> {
                d.cookies.remove("motcua_login");
                d.cookies.remove("motcua_lookup");
            }));
            steps.add(Step.of("form cookie mismatch", d -> {
                d.cookies.replaceAll((k, v) -> FuzzFixture.nonce());
            }));
        }
        if (steps.isEmpty()) {
            return Arbitraries.just(Step.KEEP);
        }
        return Arbitraries.frequencyOf(Tuple.of(60, Arbitraries.just(Step.KEEP)), Tuple.of(40, Arbitraries.of(steps)));
    }

    private static Arbitrary<Step> body(RouteKind kind) {
        Arbitrary<Step> foreign = Mutations.foreignBody().map(b -> Step.of("foreign body", d -> d.replaceBody(b, false)));
        return switch (kind) {
            case ENROLMENT, SIGNED, BATCH, BEARER_JSON -> Arbitraries.frequencyOf(
                    Tuple.of(25, Arbitraries.just(Step.KEEP)),
                    Tuple.of(25, Combinators.combine(Mutations.damage(), Arbitraries.of(true, false)).as((op, resign) ->
                            Step.of("damaged" + (resign ? " re-signed" : ""), d -> d.replaceBody(op.apply(d.inner), resign)))),
                    Tuple.of(30, Combinators.combine(Mutations.edit().list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, true, false))
                            .as((ops, resign) -> Step.of("edited" + (resign ? " re-signed" : ""), d -> {
                                byte[] b = d.inner;
                                for (var op : ops) {
                                    b = op.apply(b);
                                }
                                d.replaceBody(b, resign);
                            }))),
                    Tuple.of(20, Combinators.combine(Mutations.foreignBody(), Arbitraries.of(true, false))
                            .as((b, resign) -> Step.of("foreign body" + (resign ? " re-signed" : ""), d -> d.replaceBody(b, resign)))));
            case BLOB_PATCH -> Arbitraries.frequencyOf(
                    Tuple.of(30, Arbitraries.just(Step.KEEP)),
                    Tuple.of(40, Arbitraries.bytes().array(byte[].class).ofMaxSize(4096).map(b -> Step.of("other chunk", d -> d.replaceBody(b, false)))),
                    Tuple.of(10, Arbitraries.integers().between(1_048_577, 1_200_000).map(n -> Step.of("chunk of " + n, d -> d.replaceBody(new byte[n], false)))),
                    Tuple.of(20, Mutations.damage().map(op -> Step.of("damaged chunk", d -> d.replaceBody(op.apply(d.inner), false)))));
            case LOGIN_FORM, LOOKUP_FORM, WEB_FORM -> Arbitraries.frequencyOf(
                    Tuple.of(25, Arbitraries.just(Step.KEEP)),
                    Tuple.of(50, Combinators.combine(Arbitraries.of("username", "password", "password2", "next", "code", "token", "rating",
                            "comment", "displayName", "role", "unit", "unitName", "hours", "purpose", "deviceId", "_csrf", "x"),
                            Mutations.nasty(), Arbitraries.of(0, 1, 2)).as((name, value, how) -> Step.of("field " + name, d -> {
                                switch (how) {
                                    case 0 -> d.fields.put(name, value);
                                    case 1 -> d.fields.remove(name);
                                    default -> d.rawBody = Mutations.concat(Draft.urlEncode(d.fields),
                                            ("&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                                }
                            }))),
                    Tuple.of(10, Arbitraries.of("a=%zz&_csrf=%", "username=%ff%fe&password=%c3%28", "=&=&&&", "_csrf", "%%%%",
                            "username=" + "x".repeat(300_000)).map(s -> Step.of("raw form", d -> d.rawBody = Mutations.concat(
                            Draft.urlEncode(d.fields), ("&" + s).getBytes(StandardCharsets.ISO_8859_1))))),
                    Tuple.of(15, foreign));
            case WEB_PAGE, BEARER_READ, PUBLIC_API -> Arbitraries.frequencyOf(Tuple.of(85, Arbitraries.just(Step.KEEP)), Tuple.of(15, foreign));
        };
    }

    private Arbitrary<Step> signature(RouteKind kind) {
        if (!kind.signedBody() && kind != RouteKind.ENROLMENT) {
            return Arbitraries.just(Step.KEEP);
        }
        Arbitrary<Step> mangled = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(
                        Step.of("no signature", d -> d.signature = null),
                        Step.of("empty signature", d -> d.signature = ""),
                        Step.of("signature truncated", d -> d.signature = d.signature.substring(0, d.signature.length() / 2)),
                        Step.of("signature extended", d -> d.signature = d.signature + "AAAA"),
                        Step.of("signature padded", d -> d.signature = d.signature + "=="),
                        Step.of("signature not b64", d -> d.signature = "!!" + d.signature),
                        Step.of("signature of other device", d -> d.signature = B64u.encode(f.otherUnit.sign(d.inner))),
                        Step.of("signature too large", d -> d.signature = "A".repeat(6_000)))),
                Tuple.of(3, Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.chars().alpha().numeric())
                        .as((at, c) -> Step.of("signature flipped", d -> {
                            char[] s = d.signature.toCharArray();
                            if (s.length > 0) {
                                int i = Math.min(s.length - 1, (int) (s.length * at));
                                s[i] = s[i] == c ? (c == 'A' ? 'B' : 'A') : c;
                            }
                            d.signature = new String(s);
                        }))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(3000).map(b -> Step.of("random signature",
                        d -> d.signature = B64u.encode(b)))));
        return Arbitraries.frequencyOf(Tuple.of(55, Arbitraries.just(Step.KEEP)), Tuple.of(45, mangled));
    }

    private static Arbitrary<Step> headers(RouteKind kind) {
        List<Tuple.Tuple2<Integer, Arbitrary<Step>>> choices = new ArrayList<>();
        choices.add(Tuple.of(55, Arbitraries.just(Step.KEEP)));
        choices.add(Tuple.of(8, Arbitraries.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=latin1", "APPLICATION/JSON", "application/problem+json", "", "*/*", "application/json;;;",
                "application/offset+octet-stream", "text/html; charset=\u00ff").map(t -> Step.of("content type " + t, d -> d.set("Content-Type", t)))));
        choices.add(Tuple.of(3, Arbitraries.just(Step.of("no content type", d -> d.remove("Content-Type")))));
        choices.add(Tuple.of(4, Arbitraries.of("gzip", "identity", "br", "deflate", "gzip, gzip", "", "x-gzip", "GZIP")
                .map(e -> Step.of("encoding " + e, d -> d.set("Content-Encoding", e)))));
        choices.add(Tuple.of(3, Arbitraries.integers().between(9_000, 70_000).map(n -> Step.of("huge header " + n,
                d -> d.add("X-Fuzz", "h".repeat(n))))));
        choices.add(Tuple.of(2, Arbitraries.integers().between(100, 400).map(n -> Step.of(n + " headers", d -> {
            for (int i = 0; i < n; i++) {
                d.add("X-Fuzz-" + i, "v" + i);
            }
        }))));
        choices.add(Tuple.of(3, Mutations.nasty().map(v -> Step.of("odd header bytes", d -> d.add("X-Fuzz",
                new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1).replace("\r", "").replace("\n", ""))))));
        choices.add(Tuple.of(3, Mutations.nasty().map(v -> Step.of("forwarded for", d -> d.set("X-Forwarded-For",
                v.replace("\r", "").replace("\n", "").replace("\u0000", ""))))));
        choices.add(Tuple.of(2, Arbitraries.of(
                Step.of("expect continue", d -> d.add("Expect", "100-continue")),
                Step.of("expect other", d -> d.add("Expect", "fuzz")),
                Step.of("accept gzip", d -> d.add("Accept-Encoding", "gzip")),
                Step.of("range", d -> d.add("Range", "bytes=0-1,5-")),
                Step.of("header folding", d -> d.add("X-Fold", "a\r\n b")),
                Step.of("space before colon", d -> d.add("X-Space ", "1")),
                Step.of("double content length", d -> d.add("Content-Length", "0")),
                Step.of("transfer encoding junk", d -> d.add("Transfer-Encoding", "gzip, chunked")),
                Step.of("negative content length", d -> d.add("Content-Length", "-1")),
                Step.of("host missing", d -> d.add("Host", "")),
                Step.of("forwarded proto", d -> d.add("X-Forwarded-Proto", "https")),
                Step.of("upgrade", d -> d.add("Upgrade", "h2c")))));
        if (kind == RouteKind.BEARER_READ) {
            // The product files serve byte ranges: every shape of Range and If-Range, good and bad.
            choices.add(Tuple.of(6, Arbitraries.of("bytes=0-", "bytes=10-", "bytes=10-20", "bytes=-10", "bytes=-0", "bytes=4999-",
                    "bytes=5000-", "bytes=20-10", "bytes=" + "9".repeat(40) + "-", "bytes=0-" + "9".repeat(40), "bytes=-" + "9".repeat(40),
                    "bytes=1-2,4-5", "bytes= 3-4", "BYTES=3-4", "items=0-1", "bytes=\u0661-", "bytes=", "bytes=--1", "bytes=1-2-3")
                    .map(r -> Step.of("range " + r, d -> d.set("Range", r)))));
            choices.add(Tuple.of(2, Arbitraries.of("\"" + "0".repeat(64) + "\"", "W/\"x\"", "", "Tue, 01 Dec 2026 00:00:00 GMT")
                    .map(v -> Step.of("if-range " + v, d -> {
                        d.set("Range", "bytes=5-");
                        d.set("If-Range", v);
                    }))));
        }
        if (kind == RouteKind.BATCH) {
            choices.add(Tuple.of(6, Arbitraries.of("<none>", "", "\"\"", "\"" + java.util.UUID.randomUUID() + "\"", "not-a-uuid",
                    "\"" + "0".repeat(36) + "\"", "\"a\", \"b\"", "\"" + "x".repeat(5000) + "\"")
                    .map(k -> Step.of("idempotency key", d -> {
                        if (k.equals("<none>")) {
                            d.remove(Protocol.IDEMPOTENCY_KEY_HEADER);
                        } else {
                            d.set(Protocol.IDEMPOTENCY_KEY_HEADER, k);
                        }
                    }))));
        }
        if (kind == RouteKind.BLOB_PATCH) {
            Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.of("-1", "", " 0", "0x10", "1.5", "99999999999999999999", "1e3", "+5",
                    "9223372036854775807", "18"), Arbitraries.longs().between(0, 40_000_000).map(Object::toString));
            choices.add(Tuple.of(12, Combinators.combine(Arbitraries.of("Upload-Offset", "Upload-Length"), number)
                    .as((h, v) -> Step.of(h + " " + v, d -> d.set(h, v)))));
            choices.add(Tuple.of(6, Arbitraries.of("<none>", "", "sha-256=:AAAA:", "sha-512=:" + B64u.encode(new byte[64]) + ":",
                    "md5=:AAAAAAAAAAAAAAAAAAAAAA==:", "sha-256=" + "x".repeat(44), ContentDigest.of(new byte[] {1}), "sha-256=:::")
                    .map(v -> Step.of("content digest", d -> {
                        if (v.equals("<none>")) {
                            d.remove("Content-Digest");
                        } else {
                            d.set("Content-Digest", v);
                        }
                    }))));
        }
        return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
    }

    /** The request being built: mutable on purpose, each step changes one thing. */
    static final class Draft {
        String method;
        String path;
        List<String> params;
        String query = "";
        byte[] inner = new byte[0];
        byte[] rawBody;
        byte[] baseSignature;
        boolean bodyChanged;
        boolean resign;
        boolean gzip;
        String signature;
        String authorization;
        String idempotencyKey;
        final Map<String, String> cookies = new LinkedHashMap<>();
        final Map<String, String> fields = new LinkedHashMap<>();
        final List<RawRequest.Header> headerList = new ArrayList<>();

        void replaceParam(int index, String value) {
            if (params.isEmpty()) {
                path = path + "/" + value;
                return;
            }
            String old = params.get(index % params.size());
            int at = path.lastIndexOf(old);
            path = path.substring(0, at) + value + path.substring(at + old.length());
        }

        void insertSegment(int index, String segment) {
            String[] parts = path.substring(1).split("/", -1);
            int i = index % (parts.length + 1);
            List<String> out = new ArrayList<>(List.of(parts));
            out.add(i, segment);
            path = "/" + String.join("/", out);
        }

        void setQuery(String name, String value) {
            query = query + (query.isEmpty() ? "" : "&") + name + "=" + value;
        }

        void replaceBody(byte[] body, boolean resignIt) {
            rawBody = body;
            inner = body;
            bodyChanged = true;
            resign = resignIt;
        }

        void assembleHeaders(RouteKind kind) {
            switch (kind) {
                case ENROLMENT -> {
                    add("Content-Type", "application/json");
                    addIf(Protocol.ENROLMENT_MAC_HEADER, signature);
                }
                case SIGNED -> {
                    add("Content-Type", "application/json");
                    addIf(Protocol.SIGNATURE_HEADER, signature);
                }
                case BATCH -> {
                    add("Content-Type", "application/json");
                    add("Content-Encoding", "gzip");
                    add(Protocol.IDEMPOTENCY_KEY_HEADER, idempotencyKey);
                    addIf(Protocol.SIGNATURE_HEADER, signature);
                }
                case BEARER_JSON -> add("Content-Type", "application/json");
                case BLOB_PATCH -> {
                    add("Content-Type", "application/offset+octet-stream");
                    add("Upload-Offset", "0");
                    add("Upload-Length", Integer.toString(inner.length));
                    add("Content-Digest", ContentDigest.of(inner));
                }
                case LOGIN_FORM, LOOKUP_FORM, WEB_FORM -> add("Content-Type", "application/x-www-form-urlencoded");
                default -> {
                }
            }
            addIf("Authorization", authorization);
            if (!cookies.isEmpty()) {
                StringBuilder c = new StringBuilder();
                cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
                add("Cookie", c.toString());
            }
        }

        void add(String name, String value) {
            headerList.add(new RawRequest.Header(name, value));
        }

        private void addIf(String name, String value) {
            if (value != null) {
                add(name, value);
            }
        }

        void set(String name, String value) {
            remove(name);
            add(name, value);
        }

        void remove(String name) {
            headerList.removeIf(h -> h.name().equalsIgnoreCase(name));
        }

        static byte[] urlEncode(Map<String, String> fields) {
            StringBuilder b = new StringBuilder();
            fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
