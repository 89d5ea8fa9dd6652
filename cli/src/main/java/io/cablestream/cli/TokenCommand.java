package io.cablestream.cli;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.LocalKeys;
import io.cablestream.auth.LocalTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code cables token}: a bearer token for the local pipeline, signed with its key pair (made if missing). */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a bearer token for the local pipeline (signed with the key pair under .local/jwt).")
public class TokenCommand implements Callable<Integer> {

    @Option(names = "--roles", split = ",", description = "ingest, reader, operator (comma-separated; required but with --init)")
    List<String> roles = List.of();

    @Option(names = "--clearance", defaultValue = "UNCLASSIFIED",
            description = "UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET (default: ${DEFAULT-VALUE})")
    String clearance;

    @Option(names = "--caveats", split = ",", description = "controls granted: NOFORN, NODIS, EXDIS, LIMDIS, STADIS,"
            + " ORCON, NOCONTRACT, PROPIN, FOUO, or ALL")
    List<String> caveats = List.of();

    @Option(names = "--subject", description = "who the token is for (default: the user name)")
    String subject = System.getProperty("user.name", "local");

    @Option(names = "--ttl", defaultValue = "1h", description = "lifetime: 30m, 1h, 2d or ISO-8601 (default: ${DEFAULT-VALUE})")
    String ttl;

    @Option(names = "--init", description = "only make the key pair if missing and print the public key's file")
    boolean init;

    @Override
    public Integer call() {
        LocalKeys keys = LocalKeys.ensure(LocalAccess.keyDirectory());
        if (init) {
            System.out.println(keys.publicKeyFile().toAbsolutePath());
            return 0;
        }
        if (roles.isEmpty()) {
            System.err.println("--roles is required: ingest, reader, operator (comma-separated)");
            return 2;
        }
        try {
            Set<String> controls = caveats.stream().anyMatch("ALL"::equalsIgnoreCase) ? Clearance.CONTROLS
                    : Set.copyOf(caveats);
            System.out.println(LocalTokens.issue(keys, subject, Set.copyOf(roles), Clearance.of(clearance, controls),
                    duration(ttl)));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    /** {@code 30m}, {@code 1h}, {@code 2d}, or ISO-8601 ({@code PT90M}). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("no unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--ttl: not a duration: " + text + " (e.g. 30m, 1h, 2d, PT90M)");
        }
    }
}
