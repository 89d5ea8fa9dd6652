package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Recipient;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** TO and INFO addressees ({@code RUEHC/SECSTATE WASHDC PRIORITY 6323}) and the posts XMT excludes. */
final class RecipientExtractor {


    private RecipientExtractor() {
    }

    /** The addressees of one block: {@code TO}, {@code INFO} or {@code XMT}. */
    record Result(List<Recipient> to, List<Recipient> info, List<Recipient> excluded) {
    }

    /** At most this many addressees a block and exclusions a collective: more is not a cable. */
    private static final int MAX = 500;

    static Result extract(CableText text) {
        List<Recipient> to = new ArrayList<>();
        List<Recipient> info = new ArrayList<>();
        List<Recipient> excluded = new ArrayList<>();
        List<Recipient> current = null;
        // the posts XMT leaves out of the last collective, attached to it when the block ends
        List<String> exclusions = new ArrayList<>();
        boolean excluding = false;
        int end = Math.min(text.size(), text.bodyStart);
        for (int i = 0; i < end; i++) {
            String line = text.lines[i];
            String content;
            LineKind kind = text.kinds[i];
            if (kind == LineKind.TO || kind == LineKind.INFO || (kind != LineKind.XMT && kind != LineKind.RECIPIENT
                    && kind != LineKind.PAGE_BREAK && kind != LineKind.BLANK)) {
                attach(current, exclusions);
                excluding = false;
            }
            switch (kind) {
                case TO -> {
                    current = to;
                    content = line.substring(2);
                }
                case INFO -> {
                    current = info;
                    content = line.substring(4);
                }
                case XMT, RECIPIENT -> content = current == null ? null : line;
                case PAGE_BREAK, BLANK -> content = null;
                default -> {
                    current = null;
                    content = null;
                }
            }
            if (content == null) {
                continue;
            }
            // the regex only where its first word is: few recipient lines hold "PAGE "
            String name = (content.contains("PAGE ") ? PAGE_FURNITURE.matcher(content).replaceAll("") : content).trim();
            if (isXmt(name)) {
                // XMT names the posts of the collective above that do not receive the cable
                excluding = true;
                name = name.substring(3).replaceFirst("^/", "").trim();
            }
            if (name.isEmpty() || name.length() > 200) {
                continue;
            }
            if (excluding) {
                if (excluded.size() < MAX) {
                    Recipient post = parse(name);
                    excluded.add(post);
                    if (!current.isEmpty()) {
                        exclusions.add(post.name());
                    }
                }
            } else if (current.size() < MAX) {
                current.add(parse(name));
            }
        }
        attach(current, exclusions);
        return new Result(to, info, excluded);
    }

    /** The collected exclusions onto the last addressee of {@code list}, which XMT followed. */
    private static void attach(List<Recipient> list, List<String> exclusions) {
        if (list != null && !list.isEmpty() && !exclusions.isEmpty()) {
            Recipient last = list.get(list.size() - 1);
            List<String> posts = new ArrayList<>(last.excluded());
            posts.addAll(exclusions);
            list.set(list.size() - 1, new Recipient(last.routing(), last.name(), last.precedence(), last.serial(),
                    posts));
        }
        exclusions.clear();
    }

    /** {@code PAGE 02        STATE   015113  182333Z}: the page header of a continued message. */
    private static final Pattern PAGE_FURNITURE = Pattern.compile(
            "PAGE \\d{1,3}+\\s++[A-Z]++(?: [A-Z]++){0,3}+\\s++\\d{1,8}+\\s++(?:\\d{2} OF \\d{2}\\s++)?\\d{6}Z");

    private static boolean isXmt(String s) {
        return s.startsWith("XMT ") || s.startsWith("XMT/") || s.equals("XMT");
    }


    /** {@code ROUTING/NAME PRECEDENCE SERIAL}, each part but the name optional; read without a regex. */
    static Recipient parse(String line) {
        String routing = null;
        int start = 0;
        int slash = line.indexOf('/');
        if (slash >= 4 && slash <= 7 && allUpper(line, 0, slash)) {
            routing = line.substring(0, slash);
            start = slash + 1;
        }
        int end = line.length();
        String serial = null;
        int digits = end;
        while (digits > start && Character.isDigit(line.charAt(digits - 1))) {
            digits--;
        }
        if (digits < end && end - digits <= 6 && digits > start && line.charAt(digits - 1) == ' ') {
            serial = line.substring(digits, end);
            end = digits - 1;
        }
        String precedence = null;
        for (String p : PRECEDENCES) {
            if (end - start > p.length() && line.startsWith(p, end - p.length())
                    && line.charAt(end - p.length() - 1) == ' ') {
                precedence = p;
                end = end - p.length() - 1;
                break;
            }
        }
        String name = line.substring(start, end).trim();
        if (name.isEmpty()) {
            return new Recipient(null, line, null, null);
        }
        return new Recipient(routing, name, precedence, serial);
    }

    private static final String[] PRECEDENCES = {"NIACT IMMEDIATE", "IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH"};

    private static boolean allUpper(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }
}
