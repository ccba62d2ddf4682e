package org.sss.tools.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time goes in a JFR recording: the top frames of its execution samples (Java code
 * running) and native-method samples (a thread inside a JNI call or a system call, such as
 * quiche or {@code sendmmsg}), counted per method and per part of the stack ({@link Part}).
 * JDK 17's {@code jfr} tool prints the events but not such a summary.
 */
public final class HotMethods {
    private static final String EXECUTION = "jdk.ExecutionSample";
    private static final String NATIVE = "jdk.NativeMethodSample";
    /**
     * Native methods in which a thread waits for work rather than doing any, by prefix (Netty's JNI
     * names carry a suffix, {@code epollWait0}): not counted.
     */
    private static final List<String> IDLE = List.of("io.netty.channel.epoll.Native.epollWait",
            "io.netty.channel.epoll.Native.epollBusyWait", "sun.nio.ch.EPoll.wait", "java.lang.Object.wait",
            "jdk.internal.misc.Unsafe.park", "java.lang.Thread.sleep", "sun.nio.ch.Net.poll",
            "sun.nio.ch.Net.accept", "java.lang.ref.Reference.waitForReferencePendingList");

    /** Parts of the stack a top frame is counted under, the first matching prefix wins. */
    enum Part {
        BOUNCY_CASTLE("Bouncy Castle crypto", "org.bouncycastle."),
        SSS_CRYPTO("SSS crypto (secretbox glue)", "org.sss.core.crypto."),
        SSS("SSS protocol (channel, streams, host)", "org.sss.core."),
        QUIC("netty-quic (JNI into quiche/BoringSSL)", "io.netty.handler.codec.quic.", "io.netty.incubator.codec.quic."),
        NETTY_NATIVE("Netty epoll and system calls", "io.netty.channel.epoll.", "io.netty.channel.unix."),
        NETTY_TLS("Netty TLS", "io.netty.handler.ssl."),
        NETTY("Netty other (buffers, event loop)", "io.netty."),
        JDK_TLS("JDK TLS and its ciphers", "sun.security.ssl.", "com.sun.crypto.provider.", "sun.security."),
        JDK_NIO("JDK NIO and system calls", "sun.nio.", "java.nio."),
        BENCH("benchmark harness", "org.sss.tools."),
        JDK("JDK other", "java.", "jdk.", "sun.", "com.sun."),
        OTHER("other");

        private final String label;
        private final String[] prefixes;

        Part(String label, String... prefixes) {
            this.label = label;
            this.prefixes = prefixes;
        }

        static Part of(String className) {
            for (Part part : values()) {
                for (String prefix : part.prefixes) {
                    if (className.startsWith(prefix)) {
                        return part;
                    }
                }
            }
            return OTHER;
        }

        /** What the report calls this part. */
        String label() {
            return label;
        }
    }

    /**
     * One line of the summary.
     *
     * @param name a method ({@code class.method}) or a part's label
     * @param samples samples whose top frame it is
     * @param share of all samples counted, 0 to 1
     */
    public record Entry(String name, long samples, double share) {
    }

    /**
     * A recording's summary.
     *
     * @param executionSamples Java execution samples read
     * @param nativeSamples native-method samples read, waits for work ({@link #IDLE}) excluded
     * @param idleSamples native-method samples of threads waiting for work, not counted below
     * @param parts every part with samples, most first
     * @param methods the {@code top} methods, most first
     */
    public record Summary(long executionSamples, long nativeSamples, long idleSamples, List<Entry> parts, List<Entry> methods) {
        /** The summary as text, one entry per line. */
        public String format() {
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "%,d execution samples, %,d native-method samples "
                    + "(%,d more of threads waiting for work, not counted)%n", executionSamples, nativeSamples, idleSamples));
            text.append("by part of the stack (top frame):\n");
            parts.forEach(e -> text.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100 * e.share(), e.name())));
            text.append("by method (top frame):\n");
            methods.forEach(e -> text.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100 * e.share(), e.name())));
            return text.toString();
        }
    }

    private HotMethods() {
    }

    /**
     * Reads a recording.
     *
     * @param recording a {@code .jfr} file
     * @param threadPrefix only samples of threads whose name starts with it ("" for all)
     * @param top how many methods to list
     */
    public static Summary read(Path recording, String threadPrefix, int top) throws IOException {
        Map<String, Long> methods = new HashMap<>();
        Map<Part, Long> parts = new HashMap<>();
        long execution = 0;
        long nativeSamples = 0;
        long idle = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                boolean isExecution = EXECUTION.equals(type);
                if (!isExecution && !NATIVE.equals(type)) {
                    continue;
                }
                if (!threadPrefix.isEmpty()) {
                    var thread = event.getThread("sampledThread");
                    if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith(threadPrefix)) {
                        continue;
                    }
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                RecordedFrame frame = stack.getFrames().get(0);
                String className = frame.getMethod().getType().getName();
                String method = className + "." + frame.getMethod().getName();
                if (!isExecution && IDLE.stream().anyMatch(method::startsWith)) {
                    idle++;
                    continue;
                }
                methods.merge(method + (isExecution ? "" : " (native)"), 1L, Long::sum);
                parts.merge(Part.of(className), 1L, Long::sum);
                if (isExecution) {
                    execution++;
                } else {
                    nativeSamples++;
                }
            }
        }
        long total = Math.max(1, execution + nativeSamples);
        List<Entry> partEntries = new ArrayList<>();
        parts.forEach((part, n) -> partEntries.add(new Entry(part.label(), n, (double) n / total)));
        List<Entry> methodEntries = new ArrayList<>();
        methods.forEach((name, n) -> methodEntries.add(new Entry(name, n, (double) n / total)));
        Comparator<Entry> most = Comparator.comparingLong(Entry::samples).reversed().thenComparing(Entry::name);
        partEntries.sort(most);
        methodEntries.sort(most);
        return new Summary(execution, nativeSamples, idle, List.copyOf(partEntries),
                List.copyOf(methodEntries.subList(0, Math.min(top, methodEntries.size()))));
    }
}
