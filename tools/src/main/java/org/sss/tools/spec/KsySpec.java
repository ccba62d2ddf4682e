package org.sss.tools.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the generators read from {@code sss.ksy}: every type (the root type first, under the name
 * {@code meta.id}) and every enum, in the order written.
 *
 * @param id    {@code meta.id}
 * @param types by name
 * @param enums by name
 */
public record KsySpec(String id, Map<String, KsyType> types, Map<String, KsyEnum> enums) {

    /** Copies the maps, keeping their order. */
    public KsySpec {
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        enums = Collections.unmodifiableMap(new LinkedHashMap<>(enums));
    }

    /** The type with this name. */
    public Optional<KsyType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The enum with this name. */
    public Optional<KsyEnum> enumNamed(String name) {
        return Optional.ofNullable(enums.get(name));
    }
}
