package io.cablestream.parser;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cables parsed per second on one thread: every corpus cable once per operation batch (the shared corpus, or the
 * in-repo sample when it is absent). Run: {@code ./mvnw -B -q -pl cable-parser -am -Pbench verify -DskipTests};
 * the "ops/s" score is cables/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class CableParserBenchmark {

    /** Cables per benchmark invocation; the score is divided by it, so it reads as cables/s. */
    static final int BATCH = 1000;

    private final CableParser parser = new CableParser();
    private byte[][] cables;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        Path shared = Corpus.sharedLocation();
        Corpus corpus = Corpus.load(Corpus.exists(shared) ? shared : sample());
        List<byte[]> list = new ArrayList<>();
        for (Corpus.Entry e : corpus.entries()) {
            list.add(corpus.bytes(e));
        }
        cables = list.toArray(new byte[0][]);
        System.out.println("benchmark corpus: " + corpus.dir() + " (" + cables.length + " cables)");
    }

    /** The sample relative to the module, also when JMH's fork runs from the repository root. */
    private static Path sample() {
        Path here = Corpus.SAMPLE;
        return here.toFile().isDirectory() ? here : Path.of("cable-parser").resolve(Corpus.SAMPLE);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void parse(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(parser.parse(cables[next]));
            next = next + 1 == cables.length ? 0 : next + 1;
        }
    }
}
