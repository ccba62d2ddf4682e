package org.sss.tools.bench.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the run ran on.
 *
 * @param cores available processors
 * @param java the runtime's vendor and version
 * @param vm the virtual machine's name and version
 * @param os operating system name, version and architecture
 * @param maxHeapBytes the heap limit
 * @param contenders each contender's {@link Contender#describe()}, by id
 */
public record Machine(int cores, String java, String vm, String os, long maxHeapBytes, Map<String, String> contenders) {
    /** Copies the map, keeping its order. */
    public Machine {
        contenders = Collections.unmodifiableMap(new LinkedHashMap<>(contenders));
    }

    /** This JVM's machine, with {@code contenders}' descriptions. */
    public static Machine current(Map<String, String> contenders) {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory(), contenders);
    }
}
