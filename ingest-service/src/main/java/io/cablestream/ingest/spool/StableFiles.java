package io.cablestream.ingest.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of inbox/ a writer has finished (regular files and symbolic links, which are refused; folders,
 * fifos and devices are left alone): not named {@code *.part} or hidden, and with the same size and
 * modification time on two scans in a row. A writer that renames {@code x.part} to {@code x} when done is
 * taken at once on the next scan but one; one that writes in place is taken once it has paused a whole interval.
 */
final class StableFiles {

    private record Seen(long size, long modified) {
    }

    private Map<Path, Seen> previous = new HashMap<>();

    List<Path> scan(Path inbox) {
        Map<Path, Seen> current = new HashMap<>();
        List<Path> stable = new ArrayList<>();
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".part") || name.startsWith(".")) {
                    continue;
                }
                // the link itself, not what it points to: a link is refused (SpoolWatcher), never followed
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile() && !attributes.isSymbolicLink()) {
                    continue;
                }
                Seen seen = new Seen(attributes.size(), attributes.lastModifiedTime().toMillis());
                current.put(file, seen);
                if (seen.equals(previous.get(file))) {
                    stable.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        previous = current;
        return stable;
    }
}
