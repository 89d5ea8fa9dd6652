package io.cablestream.parser;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The same cables, damaged as real feeds damage them: every field stays within 1 point of the clean score. */
class NoisyCorpusAccuracyTest {

    @Test
    void noisySampleScoresWithinOnePointOfClean() {
        compare(Corpus.load(Corpus.SAMPLE), "in-repo sample");
    }

    @Test
    void noisySharedCorpusScoresWithinOnePointOfClean() {
        Path shared = Corpus.sharedLocation();
        assumeTrue(Corpus.exists(shared), "no shared corpus at " + shared);
        // every other cable: half the corpus (2,542 cables) keeps the suite under a minute on a busy machine
        Corpus all = Corpus.load(shared);
        List<Corpus.Entry> half = new java.util.ArrayList<>();
        for (int i = 0; i < all.entries().size(); i += 2) {
            half.add(all.entries().get(i));
        }
        compare(new Corpus(all.dir(), half), "shared corpus, every other cable");
    }

    @Test
    void eachDamageAloneIsRepairedOnTheSeedLikeCable() {
        byte[] clean = CableParserSeedTest.resource("09BAMAKO815.txt");
        var expected = new CableParser().parse(clean);
        for (NoiseGenerator.Damage d : NoiseGenerator.Damage.values()) {
            var noisy = new CableParser().parse(NoiseGenerator.apply(clean, List.of(d), new Random(1)));
            assertThat(noisy.cableId()).as(d.name()).isEqualTo(expected.cableId());
            assertThat(noisy.dtg()).as(d.name()).isEqualTo(expected.dtg());
            assertThat(noisy.classification()).as(d.name()).isEqualTo(expected.classification());
            assertThat(noisy.tags()).as(d.name()).isEqualTo(expected.tags());
            assertThat(noisy.subject()).as(d.name()).isEqualTo(expected.subject());
        }
    }

    /** The body fields have no release values: the noisy parse must give the clean parse's value for 99 % of cables. */
    @Test
    void noisyBodyFieldsAgreeWithTheCleanParse() {
        Path shared = Corpus.sharedLocation();
        Corpus corpus = Corpus.load(Corpus.exists(shared) ? shared : Corpus.SAMPLE);
        CableParser parser = new CableParser();
        java.util.Map<String, int[]> agree = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> firstMiss = new java.util.HashMap<>();
        for (int i = 0; i < corpus.entries().size(); i += 2) {
            byte[] bytes = corpus.bytes(corpus.entries().get(i));
            java.util.Map<String, Object> clean = BodyFields.of(parser.parse(bytes));
            java.util.Map<String, Object> noisy = BodyFields.of(parser.parse(NoiseGenerator.apply(bytes)));
            for (String field : clean.keySet()) {
                int[] c = agree.computeIfAbsent(field, k -> new int[2]);
                c[1]++;
                if (java.util.Objects.equals(clean.get(field), noisy.get(field))) {
                    c[0]++;
                } else {
                    firstMiss.putIfAbsent(field, corpus.entries().get(i).file() + ": clean " + clean.get(field)
                            + " noisy " + noisy.get(field));
                }
            }
        }
        agree.forEach((field, c) -> System.out.printf("%-15s noisy = clean %6.2f%% (%d of %d)%n", field,
                100.0 * c[0] / c[1], c[0], c[1]));
        agree.forEach((field, c) -> assertThat(100.0 * c[0] / c[1]).as(field + ", e.g. " + firstMiss.get(field))
                .isGreaterThanOrEqualTo(99.0));
    }

    private static void compare(Corpus corpus, String title) {
        Accuracy clean = Accuracy.measure(corpus, UnaryOperator.identity());
        Accuracy noisy = Accuracy.measure(corpus, NoiseGenerator::apply);
        System.out.println(noisy.report("NOISY " + title + " (" + corpus.entries().size() + " cables)", 15));
        for (String field : Accuracy.FIELDS) {
            System.out.printf("%-15s clean %6.2f%%  noisy %6.2f%%%n", field, clean.percent(field), noisy.percent(field));
            assertThat(noisy.percent(field)).as(field + " noisy vs clean")
                    .isGreaterThanOrEqualTo(clean.percent(field) - 1.0);
        }
    }
}
