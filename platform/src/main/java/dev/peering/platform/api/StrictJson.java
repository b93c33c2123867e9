package dev.peering.platform.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request body means what it says: a number is not a string, a whole number is not 1.5, and a
 * string is not a number; each mismatch is a 400 that names the field. A string may not hold the NUL
 * character, which PostgreSQL cannot store in text: refused here, it never reaches the database as a 500.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The longest string a request body may hold anywhere; fields have tighter bounds of their own. */
    @ConfigProperty(name = "peering.api.max-string-length", defaultValue = "4096")
    int maxStringLength;

    /** How deeply a request body may nest objects and arrays. */
    @ConfigProperty(name = "peering.api.max-nesting-depth", defaultValue = "32")
    int maxNestingDepth;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(maxStringLength)
                        .maxNestingDepth(maxNestingDepth)
                        .maxNumberLength(40)
                        .build());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("no-nul-strings")
                .addDeserializer(String.class, new NoNulStrings())
                .addKeyDeserializer(String.class, new NoNulKeys()));
    }

    static final String NUL_MESSAGE = "a string may not hold the NUL character (\\u0000)";

    /** Map keys (tags) get the same check. */
    static final class NoNulKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (key.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(context.getParser(), NUL_MESSAGE, key, String.class);
            }
            return key;
        }
    }

    /** Jackson's own string reading, then the NUL check. */
    static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String value = super.deserialize(p, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(p, NUL_MESSAGE, value, String.class);
            }
            return value;
        }
    }
}
