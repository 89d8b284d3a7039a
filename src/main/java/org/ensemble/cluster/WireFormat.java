package org.ensemble.cluster;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperFactory;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.Partial;

/**
 * How the step protocol's messages go on the wire: Pekko's Jackson CBOR serializer, bound to
 * {@link org.ensemble.step.WireMessage} (Java serialisation is off). Two fields are declared as
 * interfaces whose classes belong to each population kind, a shard's {@link ModelRecipe} and its
 * {@link Partial}; they carry their class name, and only classes under {@code org.ensemble.} are
 * accepted when read. Doubles are CBOR's 8-byte floats, so every value arrives with its own bits.
 */
public final class WireFormat extends JacksonObjectMapperFactory {
    /** The serializer the wire messages are bound to. */
    public static final String SERIALIZER = "jackson-cbor";

    /** Mixed into the two interfaces: write the concrete class beside the value. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "@type")
    interface Typed {
    }

    private static final ObjectMapper CANONICAL = typed(JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build());

    @Override
    public ObjectMapper newObjectMapper(String bindingName, JsonFactory jsonFactory) {
        return typed(super.newObjectMapper(bindingName, jsonFactory));
    }

    static ObjectMapper typed(ObjectMapper m) {
        m.addMixIn(ModelRecipe.class, Typed.class);
        m.addMixIn(Partial.class, Typed.class);
        m.setPolymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().allowIfSubType("org.ensemble.").build());
        return m;
    }

    /**
     * SHA-256 of a recipe's canonical JSON (sorted keys): the coordinator sends it with the recipe and a
     * node compares it with the hash of what it decoded, so a node whose build reads the scenario
     * differently (a field it does not know is dropped) refuses instead of computing something else.
     */
    public static String hash(ModelRecipe recipe) {
        try {
            byte[] json = CANONICAL.writerFor(ModelRecipe.class).writeValueAsBytes(recipe);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the " + recipe.getClass().getSimpleName() + " of this run cannot be"
                    + " sent to cluster nodes: " + e.getOriginalMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
