package dev.ignis.examples.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * The JSON of the HTTP answers: rows as {@code Engine#toMap} gives them, with java.time values as ISO-8601 strings
 * ({@code Instant#toString()}: {@code 2024-01-31T12:00:00.123456Z}) — no jackson-datatype-jsr310 needed.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("ignis-example-time")
                    .addSerializer(TemporalAccessor.class, ToStringSerializer.instance)
                    .addSerializer(Date.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Date value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                            gen.writeString(value.toInstant().toString());
                        }
                    }))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
