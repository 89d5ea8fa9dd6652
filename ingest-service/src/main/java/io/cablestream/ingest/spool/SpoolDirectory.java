package io.cablestream.ingest.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The spool's three folders: {@code inbox/} to read, {@code done/} once published, {@code failed/} with a {@code .error}. */
final class SpoolDirectory {

    final Path inbox;
    private final Path done;
    private final Path failed;

    SpoolDirectory(Path root) throws IOException {
        this.inbox = Files.createDirectories(root.resolve("inbox"));
        this.done = Files.createDirectories(root.resolve("done"));
        this.failed = Files.createDirectories(root.resolve("failed"));
    }

    void done(Path file) throws IOException {
        move(file, done);
    }

    /** Moves the file to failed/ and writes next to it {@code <name>.error} saying why. */
    void failed(Path file, String why) throws IOException {
        Path moved = move(file, failed);
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".error"), why, StandardCharsets.UTF_8);
    }

    private static Path move(Path file, Path folder) throws IOException {
        Path target = folder.resolve(file.getFileName());
        if (Files.exists(target)) {
            // the same name dropped again: keep both
            target = folder.resolve(file.getFileName() + "." + System.currentTimeMillis());
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
