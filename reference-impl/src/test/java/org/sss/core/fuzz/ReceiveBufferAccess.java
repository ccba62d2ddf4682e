package org.sss.core.fuzz;

import io.netty.buffer.ByteBuf;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Drives the stream layer's package-private {@code ReceiveBuffer} (one direction's reassembly,
 * SPEC.md sections 8.4 and 8.6) from this package. The class is package-private by design and these
 * tests live in their own package, so it is reached reflectively; an exception it throws is
 * rethrown as is, so that the fuzzer sees the real failure.
 */
final class ReceiveBufferAccess {
    private static final Class<?> TYPE;
    private static final Constructor<?> NEW;
    private static final Method ON_DATA;
    private static final Method READ;
    private static final Method READ_RECORD;
    private static final Method READ_PART;
    private static final Method HIGHEST_OFFSET;
    private static final Method CONTIGUOUS_OFFSET;
    private static final Method READ_OFFSET;
    private static final Method FINAL_SIZE;
    private static final Method COMPLETE;
    private static final Method AT_END;
    private static final Method RECORD_DATA;
    private static final Method RECORD_COMPLETE;

    static {
        try {
            TYPE = Class.forName("org.sss.core.stream.ReceiveBuffer");
            NEW = TYPE.getDeclaredConstructor();
            ON_DATA = TYPE.getDeclaredMethod("onData", long.class, ByteBuf.class, boolean.class, boolean.class);
            READ = TYPE.getDeclaredMethod("read", int.class);
            READ_RECORD = TYPE.getDeclaredMethod("readRecord");
            READ_PART = TYPE.getDeclaredMethod("readPart", int.class);
            HIGHEST_OFFSET = TYPE.getDeclaredMethod("highestOffset");
            CONTIGUOUS_OFFSET = TYPE.getDeclaredMethod("contiguousOffset");
            READ_OFFSET = TYPE.getDeclaredMethod("readOffset");
            FINAL_SIZE = TYPE.getDeclaredMethod("finalSize");
            COMPLETE = TYPE.getDeclaredMethod("complete");
            AT_END = TYPE.getDeclaredMethod("atEnd");
            Class<?> record = Class.forName("org.sss.core.stream.ReceiveBuffer$Record");
            RECORD_DATA = record.getDeclaredMethod("data");
            RECORD_COMPLETE = record.getDeclaredMethod("complete");
            for (var accessible : new java.lang.reflect.AccessibleObject[] {NEW, ON_DATA, READ, READ_RECORD,
                READ_PART, HIGHEST_OFFSET, CONTIGUOUS_OFFSET, READ_OFFSET, FINAL_SIZE, COMPLETE, AT_END, RECORD_DATA,
                RECORD_COMPLETE}) {
                accessible.setAccessible(true);
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A record or part read: its bytes and whether it ends at a record boundary. */
    record Part(byte[] data, boolean complete) {
    }

    private final Object buffer;

    ReceiveBufferAccess() {
        buffer = call(NEW, null);
    }

    /** True when the frame was accepted, false for FINAL_SIZE_ERROR. */
    boolean onData(long offset, ByteBuf data, boolean fin, boolean recordEnd) {
        return ((Enum<?>) call(ON_DATA, buffer, offset, data, fin, recordEnd)).name().equals("OK");
    }

    byte[] read(int maxBytes) {
        return (byte[]) call(READ, buffer, maxBytes);
    }

    Part readRecord() {
        return part(call(READ_RECORD, buffer));
    }

    Part readPart(int maxBytes) {
        return part(call(READ_PART, buffer, maxBytes));
    }

    long highestOffset() {
        return (long) call(HIGHEST_OFFSET, buffer);
    }

    long contiguousOffset() {
        return (long) call(CONTIGUOUS_OFFSET, buffer);
    }

    long readOffset() {
        return (long) call(READ_OFFSET, buffer);
    }

    long finalSize() {
        return (long) call(FINAL_SIZE, buffer);
    }

    boolean complete() {
        return (boolean) call(COMPLETE, buffer);
    }

    boolean atEnd() {
        return (boolean) call(AT_END, buffer);
    }

    private static Part part(Object record) {
        return record == null ? null
                : new Part((byte[]) call(RECORD_DATA, record), (boolean) call(RECORD_COMPLETE, record));
    }

    private static Object call(Object member, Object target, Object... args) {
        try {
            return member instanceof Constructor<?> c ? c.newInstance(args) : ((Method) member).invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException | InstantiationException e) {
            throw new AssertionError(e);
        }
    }
}
