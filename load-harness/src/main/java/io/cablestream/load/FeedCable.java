package io.cablestream.load;

import io.cablestream.parser.CableParser;
import io.cablestream.testkit.CableFeed;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * One cable of the fault matrix's feed: its name (also its tar entry and spool file name), its text in ingest's
 * normal form (LF line ends, no blanks before them or at the end), so that the SHA-256 the harness computes is the
 * one ingest keys it by and the store must hold; and the cable id the parser gives it.
 */
record FeedCable(String name, byte[] text, String sha256, String cableId) {

    private static final String PREFIX = "chaos-";

    /** The index in a name this class made, or -1. */
    static int index(String name) {
        if (!name.startsWith(PREFIX)) {
            return -1;
        }
        try {
            return Integer.parseInt(name.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * {@code count} corpus cables (renumbered copies beyond the corpus) that the parser identifies, each id once: two
     * texts of one id are one row by design, which would read as a lost cable in a count by text.
     */
    static List<FeedCable> feed(Path repoRoot, int count) {
        CableParser parser = new CableParser();
        List<FeedCable> feed = new ArrayList<>(count);
        Set<String> ids = new HashSet<>();
        // about half the corpus texts carry no id of their own (no DTG, or a partial extract without a year: the
        // release's metadata names them, which this feed does not send): twice the cables needed, and some more
        for (byte[] raw : CableFeed.cables(repoRoot, 2 * count + 200)) {
            byte[] text = normalForm(CableParser.text(raw)).getBytes(StandardCharsets.UTF_8);
            String id = parser.parse(text).cableId();
            if (id != null && ids.add(id)) {
                feed.add(new FeedCable(PREFIX + feed.size(), text, sha256(text), id));
                if (feed.size() == count) {
                    break;
                }
            }
        }
        return feed;
    }

    /** Ingest's normal form (ingest-service CableNormaliser); the feed checks it against the SHA-256 ingest answers. */
    static String normalForm(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \\t]+\n", "\n")
                .replaceAll("[ \\t\\n\\x0B\\f\\r]+$", "");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
