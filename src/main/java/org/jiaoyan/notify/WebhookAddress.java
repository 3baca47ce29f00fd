package org.jiaoyan.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A robot webhook is a password in URL form (DingTalk's access_token, WeCom's key): pages, the send log and the audit
 * log show it masked, https://oapi.dingtalk.com/robot/send?access_token=****3f9a (host and path kept so a person can
 * tell robots apart, every query value and every long path segment hidden but for its last 4 characters).
 */
final class WebhookAddress {

    private static final String STARS = "****";
    /** Path segments at least this long are taken for tokens (Feishu, Slack and others put them in the path). */
    private static final int TOKEN_SEGMENT = 16;
    /** An address inside an audit entry ("dingtalkWebhook: ∅ → https://…; smtpHost: …"): up to a space or ";". */
    private static final java.util.regex.Pattern URL_IN_TEXT = java.util.regex.Pattern.compile("https?://[^\\s;]+");

    private WebhookAddress() {
    }

    static @Nullable String masked(@Nullable String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return STARS;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            return STARS;
        }
        StringBuilder out = new StringBuilder(uri.getScheme()).append("://");
        // user:password@ never shown
        out.append(uri.getHost() == null ? STARS : uri.getHost());
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        if (path != null) {
            List<String> segments = new ArrayList<>();
            for (String s : path.split("/", -1)) {
                segments.add(s.length() >= TOKEN_SEGMENT ? hide(s) : s);
            }
            out.append(String.join("/", segments));
        }
        String query = uri.getRawQuery();
        if (query != null) {
            List<String> params = new ArrayList<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.add(eq < 0 ? hide(pair) : pair.substring(0, eq + 1) + hide(pair.substring(eq + 1)));
            }
            out.append('?').append(String.join("&", params));
        }
        return out.toString();
    }

    /** **** and the last 4 characters of a long value (enough to recognise it, far too little to use it). */
    private static String hide(String value) {
        if (value.startsWith(STARS)) {
            return value; // masked already
        }
        return value.length() >= TOKEN_SEGMENT ? STARS + value.substring(value.length() - 4) : STARS;
    }

    /** Text with every http(s) address in it masked (audit entries written before webhooks were). */
    static String maskAll(String text) {
        return URL_IN_TEXT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(String.valueOf(masked(m.group()))));
    }

    /**
     * A failure reason without the secrets of the address it came from: the address itself becomes its masked form, and
     * every query value, user info and long path segment of it (raw and URL-decoded) becomes ****, wherever a server's
     * answer or an exception repeated it.
     */
    static String scrub(String text, String url) {
        List<String> secrets = new ArrayList<>();
        String result = text.replace(url, String.valueOf(masked(url)));
        try {
            URI uri = new URI(url.strip());
            if (uri.getRawUserInfo() != null) {
                secrets.add(uri.getRawUserInfo());
            }
            if (uri.getRawPath() != null) {
                for (String s : uri.getRawPath().split("/")) {
                    if (s.length() >= TOKEN_SEGMENT) {
                        secrets.add(s);
                    }
                }
            }
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    secrets.add(pair.substring(pair.indexOf('=') + 1));
                }
            }
        } catch (URISyntaxException e) {
            return result.replace(url.strip(), STARS);
        }
        List<String> all = new ArrayList<>();
        for (String s : secrets) {
            all.add(s);
            try {
                all.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException ignored) {
                // not URL-encoded text: the raw form is enough
            }
        }
        all.sort(Comparator.comparingInt(String::length).reversed());
        for (String s : all) {
            // short values (a timestamp's digits, "1") would turn harmless words into stars
            if (s.length() >= 6) {
                result = result.replace(s, STARS);
            }
        }
        return result;
    }
}
