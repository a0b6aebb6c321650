package dev.gomodel.providers.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line that says what an unexpected body was, for an exception's message: an HTML page (a
 * proxy's or load balancer's error page, a login page) by its title, anything else by its start
 * with line breaks and runs of spaces folded. The raw body stays in the exception's
 * {@code bodySnippet()}. Stateless and thread-safe.
 */
final class BodySummary {

    private static final int MAX_CHARS = 200;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern H1 = Pattern.compile("<h1[^>]*>(.*?)</h1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private BodySummary() {
    }

    /** Whether the body is an HTML page, by its content type or its first bytes. */
    static boolean isHtml(String contentType, String text) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
            return true;
        }
        String start = text.stripLeading();
        start = start.substring(0, Math.min(start.length(), 32)).toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /**
     * What the body is, in one line: {@code an HTML page titled "502 Bad Gateway"}, or its folded
     * start, or {@code null} for an empty body.
     */
    static String of(String contentType, byte[] body) {
        return of(contentType, new String(body, StandardCharsets.UTF_8));
    }

    static String of(String contentType, String text) {
        if (text.isBlank()) {
            return null;
        }
        if (isHtml(contentType, text)) {
            String title = first(TITLE, text);
            if (title == null) {
                title = first(H1, text);
            }
            return title == null ? "an HTML page without a title" : "an HTML page titled \"" + title + "\"";
        }
        return cut(fold(text));
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        String found = fold(unescape(TAG.matcher(matcher.group(1)).replaceAll(" ")));
        return found.isEmpty() ? null : cut(found);
    }

    private static String fold(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String cut(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...";
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
