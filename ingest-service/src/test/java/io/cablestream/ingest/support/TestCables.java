package io.cablestream.ingest.support;

import io.cablestream.ingest.service.CableNormaliser;
import io.cablestream.testkit.SampleCables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real sample cables made unique for one test (a marker line appended), because every test of the JVM shares
 * one broker and the service rightly answers {@code duplicate} for a text it has seen.
 */
public final class TestCables {

    /** A cable as a test sends it, and the key it must have on cables.raw. */
    public record TestCable(String name, String text) {

        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        public String sha256() {
            return TestCables.sha256(text);
        }
    }

    private TestCables() {
    }

    public static List<TestCable> unique(int count) {
        String run = UUID.randomUUID().toString();
        List<SampleCables.SampleCable> samples = SampleCables.all();
        List<TestCable> cables = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SampleCables.SampleCable sample = samples.get(i % samples.size());
            String text = new String(sample.text(), StandardCharsets.UTF_8) + "\n[test " + run + " " + i + "]\n";
            cables.add(new TestCable(sample.file(), text));
        }
        return cables;
    }

    public static String sha256(String text) {
        return CableNormaliser.sha256(CableNormaliser.normalise(CableNormaliser.utf8(text)));
    }

    public static String normalised(String text) {
        return new String(CableNormaliser.normalise(CableNormaliser.utf8(text)), StandardCharsets.UTF_8);
    }
}
