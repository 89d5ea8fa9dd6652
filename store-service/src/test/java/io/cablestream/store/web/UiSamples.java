package io.cablestream.store.web;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCable.Reference;
import io.cablestream.events.ParsedCable.Tag;
import io.cablestream.events.ParsedCable.TagKind;
import io.cablestream.parser.CableParser;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.SampleCables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 24 real sample cables as the UI tests read them: parsed by the real parser, each with a tag of its own
 * ({@link #TAG}) and references among them, as the sample cables cite none of one another: CONFIDENTIAL cites
 * UNCLASSIFIED (which cites TWO_STEPS) and SECRET, and is cited by CITING_CONFIDENTIAL and SECRET. Storing them
 * again stores nothing new.
 */
final class UiSamples {

    /** CONFIDENTIAL; cites UNCLASSIFIED and SECRET, cited by CITING_CONFIDENTIAL and SECRET. */
    static final String CONFIDENTIAL = "09NEWDELHI877";
    static final String CITING_CONFIDENTIAL = "08MANAMA234";
    /** UNCLASSIFIED; cites another CONFIDENTIAL one: the graph's second step. */
    static final String UNCLASSIFIED = "09CAIRO1208";
    static final String TWO_STEPS = "06MADRID2809";
    static final String SECRET = "09ASUNCION259";
    /** A tag only these cables carry, so that the search's counts are theirs alone whatever else is stored. */
    static final String TAG = "ZZBROWSERTEST";
    /** The sample cables a CONFIDENTIAL reader without controls may read (no SECRET, no NOFORN, no FOUO). */
    static final List<String> READABLE = List.of("09NEWDELHI877", "08MANAMA234", "09SANAA1632", "06MADRID2809",
            "06SANJOSE1162", "09CAIRO1208", "08MADRID724", "06SANJOSE777");
    /** The other 16: SECRET, NOFORN or FOUO. */
    static final List<String> ABOVE = SampleCables.all().stream().map(SampleCables.SampleCable::canonicalId)
            .filter(id -> !READABLE.contains(id)).toList();

    private UiSamples() {
    }

    /** How many samples {@link #store()} publishes. */
    static long count() {
        return SampleCables.all().size();
    }

    /** Publishes them to cables.parsed and waits until all are stored and searchable. */
    static void store() {
        List<ParsedCable> cables = new ArrayList<>();
        for (SampleCables.SampleCable sample : SampleCables.all()) {
            ParsedCable parsed = new CableParser().parse(sample.text(), null, sample.file());
            List<Tag> tags = new ArrayList<>(parsed.tags());
            tags.add(new Tag(TAG, TagKind.SUBJECT));
            if (sample.canonicalId().equals(CONFIDENTIAL)) {
                // one code read as two kinds, as the release has them (FR, a country and an organisation)
                tags.add(new Tag(TAG, TagKind.PROGRAM));
            }
            List<Reference> references = new ArrayList<>(switch (sample.canonicalId()) {
                case CONFIDENTIAL -> List.of(reference("A.", UNCLASSIFIED), reference("B.", SECRET));
                case UNCLASSIFIED -> List.of(reference("A.", TWO_STEPS));
                case CITING_CONFIDENTIAL, SECRET -> List.of(reference("A.", CONFIDENTIAL));
                default -> List.<Reference>of();
            });
            references.addAll(parsed.references());
            cables.add(parsed.toBuilder().tags(tags).references(references).build());
        }
        assertThat(cables).hasSize(24);
        assertThat(ABOVE).contains(SECRET).hasSize(16);
        assertThat(cables).filteredOn(c -> c.cableId().equals(SECRET)).singleElement()
                .satisfies(c -> assertThat(c.classification()).isEqualTo("SECRET"));
        ParsedCableEvents.publish(cables.toArray(ParsedCable[]::new));
        await().atMost(Duration.ofSeconds(90)).until(() -> StoreDatabase.count(
                "SELECT count(DISTINCT cable_id) FROM cable_tag WHERE code = ?", TAG) == 24);
        await().atMost(Duration.ofSeconds(90)).until(() -> StoreDatabase.count(
                "SELECT count(DISTINCT s.cable_id) FROM cable_search s JOIN cable_tag t ON t.cable_id = s.cable_id WHERE t.code = ?",
                TAG) == 24);
    }

    /** A REF as a cable writes it: the id without its year, e.g. "CAIRO1208". */
    private static Reference reference(String label, String cableId) {
        return new Reference(label, cableId, cableId.substring(2));
    }
}
