package io.cablestream.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Gives the local broker the services' principals and exactly the ACLs of deploy/kafka-acls.txt: a SCRAM-SHA-512
 * credential per user from {@code <credentials>/<user>.password} (deploy/kafka.sh makes them, mode 600), the
 * file's bindings added and every other binding removed, so a line deleted from the file is revoked at the next
 * start. The admin user is the broker's own, bootstrapped when its storage is formatted.
 */
public final class LocalKafkaAccess {

    static final int SCRAM_ITERATIONS = 8192;

    private LocalKafkaAccess() {
    }

    public static void apply(Admin admin, KafkaAcls acls, Path credentials, PrintStream out) throws Exception {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        for (String user : acls.users()) {
            users.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password(credentials, user)));
        }
        admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);

        Collection<AclBinding> existing = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
        Set<AclBinding> wanted = new HashSet<>(acls.bindings());
        List<AclBindingFilter> revoked = existing.stream().filter(binding -> !wanted.contains(binding))
                .map(AclBinding::toFilter).toList();
        if (!revoked.isEmpty()) {
            admin.deleteAcls(revoked).all().get(30, TimeUnit.SECONDS);
            out.printf("revoked %d ACLs that deploy/kafka-acls.txt no longer grants%n", revoked.size());
        }
        List<AclBinding> missing = acls.bindings().stream().filter(binding -> !existing.contains(binding)).toList();
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
            out.printf("granted %d ACLs to %s%n", missing.size(), String.join(", ", acls.users()));
        }
    }

    private static String password(Path credentials, String user) throws IOException {
        Path file = credentials.resolve(user + ".password");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no password for Kafka user " + user + " in " + file);
        }
        return Files.readString(file).strip();
    }
}
