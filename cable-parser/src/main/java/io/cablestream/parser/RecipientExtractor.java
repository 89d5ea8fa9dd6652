package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Recipient;

import java.util.ArrayList;
import java.util.List;

/** TO and INFO addressees ({@code RUEHC/SECSTATE WASHDC PRIORITY 6323}) and the posts XMT excludes. */
final class RecipientExtractor {


    private RecipientExtractor() {
    }

    /** The addressees of one block: {@code TO}, {@code INFO} or {@code XMT}. */
    record Result(List<Recipient> to, List<Recipient> info, List<Recipient> excluded) {
    }

    static Result extract(CableText text) {
        List<Recipient> to = new ArrayList<>();
        List<Recipient> info = new ArrayList<>();
        List<Recipient> excluded = new ArrayList<>();
        List<Recipient> current = null;
        int end = Math.min(text.size(), text.bodyStart);
        for (int i = 0; i < end; i++) {
            String line = text.lines[i];
            switch (text.kinds[i]) {
                case TO -> {
                    current = to;
                    add(line.substring(2), current);
                }
                case INFO -> {
                    current = info;
                    add(line.substring(4), current);
                }
                case XMT -> {
                    current = excluded;
                    add(line.substring(3), current);
                }
                case RECIPIENT -> {
                    if (current != null) {
                        add(line, current);
                    }
                }
                case PAGE_BREAK, BLANK -> {
                }
                default -> current = null;
            }
        }
        return new Result(to, info, excluded);
    }

    private static void add(String s, List<Recipient> into) {
        String line = s.trim();
        if (line.isEmpty() || line.length() > 200 || into.size() >= 500) {
            return;
        }
        into.add(parse(line));
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
