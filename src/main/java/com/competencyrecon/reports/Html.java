package com.competencyrecon.reports;

/**
 * Escaping for the report pages. Every text that came from a feed or the catalogue goes through {@link #esc};
 * names are also isolated in {@code <bdi>} so that a right-to-left mark or override inside one cannot reorder
 * the text around it.
 */
final class Html {

    static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;max-width:72rem}"
            + "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}"
            + "h3{font-size:1rem;margin-bottom:.25rem}"
            + "table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.25rem .75rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}"
            + "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
            + ".bar{display:inline-block;height:.8rem;vertical-align:middle}"
            + ".gold{background:#c9a227}.silver{background:#9aa4ad}.started{background:#d9e2ec}"
            + ".gain,.met{color:#1a7f37}.loss,.missing{color:#b42318}.muted{color:#666}";

    private Html() {
    }

    /** The page's head and the opening of its body; {@code title} is escaped here. */
    static void open(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n");
    }

    static void close(StringBuilder html) {
        html.append("</body>\n</html>\n");
    }

    /** Text safe in element content and in quoted attribute values. */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A name or id from a feed: escaped and isolated from the surrounding text's direction. */
    static String bdi(Object value) {
        return "<bdi>" + esc(value) + "</bdi>";
    }
}
