package io.cablestream.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness's own parsing and arithmetic; nothing here starts a process. */
class HarnessHelpersTest {

    @Test
    void percentilesUseTheNearestRank() {
        long[] latencies = new long[100];
        for (int i = 0; i < 100; i++) {
            latencies[i] = 100 - i; // unsorted on purpose
        }
        Map<String, Object> p = Percentiles.of(latencies);
        assertThat(p).containsEntry("p50_ms", 50L).containsEntry("p99_ms", 99L).containsEntry("max_ms", 100L)
                .containsEntry("count", 100);
        assertThat(Percentiles.of(new long[0])).containsOnlyKeys("count");
    }

    @Test
    void procStatIsReadAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 17 4242 4242 0 -1 4194304 100 0 0 0 250 75 12 3 20 0 40 0 1 0 0";
        String[] fields = ProcStats.afterCommand(stat);
        assertThat(ProcStats.parentPid(fields)).isEqualTo(17);
        ProcStats.CpuTicks cpu = ProcStats.parseCpu(fields);
        assertThat(cpu.own()).isEqualTo(325);
        assertThat(cpu.withReaped()).isEqualTo(340);
    }

    @Test
    void statusValuesAreReadInKilobytes() {
        List<String> status = List.of("Name:\tjava", "VmHWM:\t  524288 kB", "VmRSS:\t  262144 kB");
        assertThat(ProcStats.kbField(status, "VmHWM")).isEqualTo(524_288);
        assertThat(ProcStats.kbField(status, "VmRSS")).isEqualTo(262_144);
        assertThat(ProcStats.kbField(status, "VmSwap")).isEqualTo(-1);
    }

    @Test
    void ownProcessIsMeasured() {
        MeteredProcess self = new MeteredProcess("self", ProcessHandle.current().pid(), false);
        assertThat(self.cpuSeconds()).isPositive();
        long rss = self.rssKb();
        assertThat(rss).isPositive();
        assertThat(self.hwmKb()).isGreaterThanOrEqualTo(rss);
    }

    @Test
    void consumerPerformanceLineGivesTheFetchRates() {
        KafkaPerfTools.Rate rate = KafkaPerfTools.parseConsumerLine(
                "2026-11-28 04:45:01:123, 2026-11-28 04:45:03:456, 33.4, 14.3, 5000, 2143.2, 210, 2123, 15.73, 2355.2");
        assertThat(rate.recordsPerSecond()).isEqualTo(2355.2);
        assertThat(rate.megabytesPerSecond()).isEqualTo(15.73);
        assertThat(KafkaPerfTools.parseConsumerLine("WARN something, else")).isNull();
    }

    @Test
    void envOverridesGoToTheirServiceOrToAll() {
        List<String> settings = List.of("parse-service:CABLES_PARSE_CONCURRENCY=8", "all:CABLES_JSON_LOGS=false",
                "store-service:CABLES_STORE_MAX_POLL_RECORDS=5000");
        assertThat(RunInfo.overrides(settings, "parse-service"))
                .containsExactly(Map.entry("CABLES_PARSE_CONCURRENCY", "8"), Map.entry("CABLES_JSON_LOGS", "false"));
        assertThat(RunInfo.overrides(settings, "ingest-service")).containsOnlyKeys("CABLES_JSON_LOGS");
        assertThatThrownBy(() -> RunInfo.overrides(List.of("CABLES_PARSE_CONCURRENCY=8"), "parse-service"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
