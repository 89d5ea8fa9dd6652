package io.cablestream.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cablestream.events.Topics;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.SampleCables;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A .tar.gz far larger than the heap could hold for long is posted to the batch endpoint while it is generated
 * (a piped generator, never on disk or in memory as a whole), under the test JVM's -Xmx768m, which holds the
 * service, the in-process broker and this test. The live heap is sampled (a full GC, then the used heap) every
 * second: it must grow by far less than the body. Default 512 MB uncompressed; the full-size proof is
 * {@code -Dstreaming.test.mb=1024} (see the README).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class StreamingArchiveTest {

    private static final Logger LOG = Logger.getLogger(StreamingArchiveTest.class);
    private static final int CABLE_BYTES = 32 * 1024;
    private static final int FILLER_BYTES = 4 << 20;
    /*
     * Since cables.raw is uncompressed, the in-flight produce requests in this JVM (the service's and the in-process
     * broker's) are bigger: +45 to +162 MB were measured for 256 MB bodies, +108 MB for 1 GB. Less than half the
     * default body: holding it, whole or gzipped (~180 MB), would not pass.
     */
    private static final long MAX_GROWTH = 224L << 20;

    @TestHTTPResource("/api/cables/batch")
    URL batch;

    @Test
    void largeTarGzIsStreamedThroughASmallHeap() throws Exception {
        long megabytes = Long.getLong("streaming.test.mb", 512);
        int cables = (int) (megabytes * 1024 * 1024 / CABLE_BYTES);
        long bodyBytes = (long) cables * CABLE_BYTES;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long recordsBefore = endOffsetsSum();
        memory.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakLive = new AtomicLong(baseline);
        long directBaseline = direct();
        AtomicLong peakDirect = new AtomicLong(directBaseline);
        AtomicLong generated = new AtomicLong();
        List<String> samples = new CopyOnWriteArrayList<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                memory.gc();
                long used = memory.getHeapMemoryUsage().getUsed();
                long direct = direct();
                samples.add((used >> 20) + "+" + (direct >> 20) + "@" + (generated.get() * 100 / cables) + "%");
                peakLive.accumulateAndGet(used, Math::max);
                peakDirect.accumulateAndGet(direct, Math::max);
            }
        }, "live-heap-sampler");
        sampler.setDaemon(true);

        AtomicLong compressed = new AtomicLong();
        long started = System.nanoTime();
        sampler.start();
        int status;
        JsonNode report;
        try {
            // HttpURLConnection in chunked mode writes on this thread, straight into the socket: the generator
            // can run ahead of the service by the socket buffers only, whatever the service does with the body
            HttpURLConnection post = (HttpURLConnection) batch.openConnection();
            post.setRequestMethod("POST");
            post.setRequestProperty("Content-Type", "application/gzip");
            post.setRequestProperty("Authorization", TestTokens.bearer(TestTokens.everything()));
            post.setDoOutput(true);
            post.setChunkedStreamingMode(1 << 16);
            post.setReadTimeout((int) Duration.ofMinutes(10).toMillis());
            generate(new FilterOutputStream(post.getOutputStream()) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                    compressed.addAndGet(length);
                }
            }, cables, generated);
            status = post.getResponseCode();
            try (InputStream answer = status == 200 ? post.getInputStream() : post.getErrorStream()) {
                report = new ObjectMapper().readTree(answer);
            }
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        long growth = peakLive.get() - baseline;
        long directGrowth = peakDirect.get() - directBaseline;
        LOG.infof("streamed %,d cables, %,d MB uncompressed (%,d MB gzipped) in %.1f s (%.1f MB/s, %,.0f cables/s); "
                        + "live heap %,d MB before, peak %,d MB (+%,d MB), -Xmx %,d MB; direct buffers +%,d MB",
                cables, bodyBytes >> 20, compressed.get() >> 20, seconds, bodyBytes / 1e6 / seconds, cables / seconds,
                baseline >> 20, peakLive.get() >> 20, growth >> 20, memory.getHeapMemoryUsage().getMax() >> 20,
                directGrowth >> 20);
        LOG.infof("samples (live heap MB + direct MB @ share of the archive generated): %s", samples);
        assertThat(status).as(report.toString().substring(0, Math.min(500, report.toString().length())))
                .isEqualTo(200);
        assertThat(generated.get()).isEqualTo(cables);
        assertThat(report.get("accepted").asInt()).isEqualTo(cables);
        assertThat(report.get("duplicate").asInt()).isZero();
        assertThat(report.get("rejected").asInt()).isZero();
        assertThat(report.get("items").size()).isEqualTo(cables);
        assertThat(endOffsetsSum() - recordsBefore).as("records added to cables.raw").isEqualTo(cables);
        // what may be live besides the service at rest: the window of unacknowledged cables (1024 x 32 KB), the
        // producer's 32 MB buffer, the in-process broker's requests and the report's items (see MAX_GROWTH). A body
        // held in memory, whole or decompressed, would add its own size at least.
        assertThat(growth).as("live heap growth while %,d MB streamed", bodyBytes >> 20)
                .isLessThan(MAX_GROWTH).isLessThan(bodyBytes);
        assertThat(directGrowth).as("direct buffers").isLessThan(64L << 20);
    }

    /** A tar.gz of {@code cables} unique cables of CABLE_BYTES each, written as fast as the reader takes it. */
    private static void generate(OutputStream sink, int cables, AtomicLong generated) throws IOException {
        byte[] text = text();
        Random random = new Random(7);
        String run = UUID.randomUUID().toString();
        try (OutputStream pipe = sink;
             GZIPOutputStream gzip = new GZIPOutputStream(pipe, 1 << 16) {
                 {
                     def.setLevel(Deflater.BEST_SPEED);
                 }
             };
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            for (int i = 0; i < cables; i++) {
                byte[] head = ("UNCLAS STATE " + String.format("%06d", i) + "\nSUBJECT: STREAMING " + run + " " + i
                        + "\n\n").getBytes(StandardCharsets.US_ASCII);
                TarArchiveEntry entry = new TarArchiveEntry("stream/" + i + ".txt");
                entry.setSize(CABLE_BYTES);
                tar.putArchiveEntry(entry);
                tar.write(head);
                tar.write(text, random.nextInt(FILLER_BYTES - CABLE_BYTES), CABLE_BYTES - head.length - 1);
                tar.write('\n');
                tar.closeArchiveEntry();
                generated.incrementAndGet();
            }
        }
    }

    /**
     * 4 MB of cable-like text: lines of words drawn at random from a real cable, so that gzip packs it about as
     * well as real cables (~3:1), not 100:1 as a repeated text; each cable is a slice at a random offset.
     */
    private static byte[] text() {
        String[] words = new String(SampleCables.seedCable(), StandardCharsets.UTF_8).split("\\s+");
        Random random = new Random(4);
        StringBuilder text = new StringBuilder(FILLER_BYTES + 100);
        while (text.length() < FILLER_BYTES) {
            for (int column = 0; column < 66; ) {
                String word = words[random.nextInt(words.length)];
                text.append(word).append(' ');
                column += word.length() + 1;
            }
            text.append('\n');
        }
        return Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), FILLER_BYTES);
    }

    /** Direct buffers in use: the JDK's and Netty's own (which the JDK's pool does not see). */
    private static long direct() {
        long jdk = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> "direct".equals(pool.getName())).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        return jdk + Math.max(0, io.netty.util.internal.PlatformDependent.usedDirectMemory());
    }

    private static long endOffsetsSum() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return consumer.endOffsets(consumer.partitionsFor(Topics.RAW).stream()
                    .map(info -> new TopicPartition(Topics.RAW, info.partition())).toList())
                    .values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
