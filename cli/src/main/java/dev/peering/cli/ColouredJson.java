package dev.peering.cli;

/**
 * {@code -o jsonc}: the same text as {@code -o json} with ANSI colours, keys apart from string values,
 * numbers and literals, so the layout a user reads is the one a script gets.
 */
final class ColouredJson {

    static final String KEY = "\u001b[94m";
    static final String STRING = "\u001b[32m";
    static final String NUMBER = "\u001b[33m";
    static final String LITERAL = "\u001b[35m";
    static final String RESET = "\u001b[0m";

    private ColouredJson() {}

    /** Colours JSON text (as Jackson writes it); anything else passes through unchanged. */
    static String colour(String json) {
        StringBuilder out = new StringBuilder(json.length() * 2);
        int i = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = endOfString(json, i);
                String token = json.substring(i, end);
                out.append(isKey(json, end) ? KEY : STRING).append(token).append(RESET);
                i = end;
            } else if (c == '-' || Character.isDigit(c)) {
                int end = i + 1;
                while (end < json.length() && "0123456789.eE+-".indexOf(json.charAt(end)) >= 0) {
                    end++;
                }
                out.append(NUMBER).append(json, i, end).append(RESET);
                i = end;
            } else if (Character.isLetter(c)) {
                int end = i + 1;
                while (end < json.length() && Character.isLetter(json.charAt(end))) {
                    end++;
                }
                out.append(LITERAL).append(json, i, end).append(RESET);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index after the closing quote of the string that opens at {@code start}. */
    private static int endOfString(String json, int start) {
        int i = start + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return json.length();
    }

    private static boolean isKey(String json, int afterString) {
        int i = afterString;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        return i < json.length() && json.charAt(i) == ':';
    }

    /** The text without its colours. */
    static String plain(String coloured) {
        return coloured.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
