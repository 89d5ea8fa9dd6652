package io.cablestream.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theStandardMembersComeFirstAndAnAbsentDetailIsLeftOut() throws Exception {
        assertThat(json.writeValueAsString(new Problem("about:blank", "Not Found", 404, null, null)))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}");
    }

    @Test
    void extensionMembersStandBesideTheStandardOnes() throws Exception {
        Problem problem = new Problem("about:blank", "Bad Request", 400, "bad date", Map.of("parameter", "from"));
        assertThat(json.writeValueAsString(problem)).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"bad date\","
                        + "\"parameter\":\"from\"}");
        Problem batch = new Problem("about:blank", "Service Unavailable", 503, "broker", Map.of("items", List.of(1)));
        assertThat(json.readTree(json.writeValueAsString(batch)).get("items").get(0).asInt()).isEqualTo(1);
    }
}
