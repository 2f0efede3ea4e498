package io.tailguard.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the first key of a YAML tree that the config record it binds to does not have, walking nested
 * records, maps of records and lists of records. Jackson reports an unknown key only once it has built the
 * record around it, so a misspelt required key would be reported as missing instead of misspelt.
 */
final class KnownKeys {
    /** A key no record component matches: its dotted path and the keys allowed beside it. */
    record Unknown(String path, List<String> allowed) {
    }

    private KnownKeys() {
    }

    static Optional<Unknown> check(JsonNode tree, Type type) {
        return check(tree, type, "");
    }

    private static Optional<Unknown> check(JsonNode node, Type type, String path) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Class<?> raw = raw(type);
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.isRecord() && node.isObject()) {
            List<String> names = Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getName).sorted().toList();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Optional<RecordComponent> component = Arrays.stream(raw.getRecordComponents())
                        .filter(c -> c.getName().equals(field.getKey())).findFirst();
                if (component.isEmpty()) {
                    return Optional.of(new Unknown(here, names));
                }
                Optional<Unknown> inner = check(field.getValue(), component.get().getGenericType(), here);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw) && node.isObject() && arguments.length == 2) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    Optional<Unknown> inner = check(entry.getValue(), arguments[1],
                            path.isEmpty() ? entry.getKey() : path + "." + entry.getKey());
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            } else if (Collection.class.isAssignableFrom(raw) && node.isArray() && arguments.length == 1) {
                List<JsonNode> elements = new ArrayList<>();
                node.elements().forEachRemaining(elements::add);
                for (int i = 0; i < elements.size(); i++) {
                    Optional<Unknown> inner = check(elements.get(i), arguments[0], path + "[" + i + "]");
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            } else if (Optional.class.equals(raw) && arguments.length == 1) {
                return check(node, arguments[0], path);
            }
        }
        return Optional.empty();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
