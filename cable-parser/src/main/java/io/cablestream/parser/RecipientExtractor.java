package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Recipient;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TO and INFO addressees ({@code RUEHC/SECSTATE WASHDC PRIORITY 6323}) and the posts XMT excludes. */
final class RecipientExtractor {

    private static final Pattern RECIPIENT = Pattern.compile(
            "^(?:([A-Z]{4,7})/)?([^/]+?)(?:\\s+(FLASH|NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE))?(?:\\s+(\\d{1,6}))?$");

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
        Matcher m = RECIPIENT.matcher(line);
        if (m.matches()) {
            into.add(new Recipient(m.group(1), m.group(2).trim(), m.group(3), m.group(4)));
        } else {
            into.add(new Recipient(null, line, null, null));
        }
    }
}
