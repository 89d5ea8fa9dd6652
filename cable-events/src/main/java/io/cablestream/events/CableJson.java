package io.cablestream.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON mapping of {@link ParsedCable}, shared by the services, the CLI and consumers. */
public final class CableJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private CableJson() {
    }

    /** Configures a mapper (e.g. Quarkus' own) to read and write the contract's dates as ISO-8601 text. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(ParsedCable cable) {
        try {
            return MAPPER.writeValueAsString(cable);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ParsedCable is not serialisable", e);
        }
    }

    public static byte[] toJsonBytes(ParsedCable cable) {
        try {
            return MAPPER.writeValueAsBytes(cable);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ParsedCable is not serialisable", e);
        }
    }

    public static ParsedCable fromJson(byte[] json) {
        try {
            return MAPPER.readValue(json, ParsedCable.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a ParsedCable: " + e.getMessage(), e);
        }
    }

    public static ParsedCable fromJson(String json) {
        try {
            return MAPPER.readValue(json, ParsedCable.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a ParsedCable: " + e.getMessage(), e);
        }
    }
}
