package io.cablestream.local;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * deploy/kafka-acls.txt, the services' Kafka principals and what each may do, as the broker's ACL bindings: one
 * line {@code <principal> topic|group <name> <Operation>,...} per resource, every binding an ALLOW of a literal
 * name from any host. Compose's and Kubernetes' kafka-init read the same file with kafka-acls.sh.
 */
public record KafkaAcls(List<AclBinding> bindings) {

    public static KafkaAcls read(Path file) throws IOException {
        List<AclBinding> bindings = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            if (fields.length != 4) {
                throw new IllegalArgumentException(file + ":" + number + ": expected <principal> <resource> <name> <operations>, got: " + text);
            }
            ResourcePattern resource = new ResourcePattern(resourceType(fields[1], file, number), fields[2], PatternType.LITERAL);
            for (String operation : fields[3].split(",")) {
                AclOperation parsed = AclOperation.fromString(operation);
                if (parsed == AclOperation.UNKNOWN || parsed == AclOperation.ANY) {
                    throw new IllegalArgumentException(file + ":" + number + ": no Kafka operation " + operation);
                }
                bindings.add(new AclBinding(resource,
                        new AccessControlEntry(principal(fields[0]), "*", parsed, AclPermissionType.ALLOW)));
            }
        }
        return new KafkaAcls(List.copyOf(bindings));
    }

    /** The user names the file grants something to, in their first order. */
    public Set<String> users() {
        Set<String> users = new LinkedHashSet<>();
        bindings.forEach(binding -> users.add(binding.entry().principal().substring("User:".length())));
        return Collections.unmodifiableSet(users);
    }

    public static String principal(String user) {
        return "User:" + user;
    }

    private static ResourceType resourceType(String name, Path file, int number) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            default -> throw new IllegalArgumentException(file + ":" + number + ": resource is topic or group, not " + name);
        };
    }
}
