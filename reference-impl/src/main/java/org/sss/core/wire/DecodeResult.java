package org.sss.core.wire;

import java.util.Objects;

/**
 * The outcome of decoding wire input: either the decoded value or the reason a receiver drops
 * the input. Decoders return this instead of throwing, so hostile input never raises an
 * exception out of the codec.
 *
 * @param <T> the type of the decoded value
 */
public sealed interface DecodeResult<T> permits DecodeResult.Ok, DecodeResult.Failed {

    /** Returns a successful result holding {@code value}. */
    static <T> DecodeResult<T> ok(T value) {
        return new Ok<>(value);
    }

    /**
     * Returns a failed result.
     *
     * @param reason the receiver's verdict
     * @param format a {@link String#format} pattern for the detail; formatted only here, on the failure path
     * @param args the pattern's arguments
     */
    static <T> DecodeResult<T> failed(DropReason reason, String format, Object... args) {
        return new Failed<>(reason, args.length == 0 ? format : String.format(format, args));
    }

    /** Whether decoding succeeded. */
    boolean isOk();

    /**
     * The decoded value.
     *
     * @throws IllegalStateException if decoding failed
     */
    T value();

    /**
     * The drop reason.
     *
     * @throws IllegalStateException if decoding succeeded
     */
    DropReason dropReason();

    /**
     * A human-readable explanation of the failure.
     *
     * @throws IllegalStateException if decoding succeeded
     */
    String detail();

    /**
     * Re-types a failure so that it can be returned from a decoder of another type.
     *
     * @throws IllegalStateException if decoding succeeded
     */
    <U> DecodeResult<U> asFailure();

    /**
     * A successful decode.
     *
     * @param value the decoded value
     */
    record Ok<T>(T value) implements DecodeResult<T> {
        /** Checks that the value is present. */
        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isOk() {
            return true;
        }

        @Override
        public DropReason dropReason() {
            throw new IllegalStateException("decoding succeeded");
        }

        @Override
        public String detail() {
            throw new IllegalStateException("decoding succeeded");
        }

        @Override
        public <U> DecodeResult<U> asFailure() {
            throw new IllegalStateException("decoding succeeded");
        }
    }

    /**
     * A failed decode.
     *
     * @param dropReason the receiver's verdict
     * @param detail what exactly was wrong, for logs and test reports
     */
    record Failed<T>(DropReason dropReason, String detail) implements DecodeResult<T> {
        /** Checks that both parts are present. */
        public Failed {
            Objects.requireNonNull(dropReason, "dropReason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isOk() {
            return false;
        }

        @Override
        public T value() {
            throw new IllegalStateException("decoding failed: " + dropReason + ": " + detail);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <U> DecodeResult<U> asFailure() {
            return (DecodeResult<U>) this;
        }

        @Override
        public String toString() {
            return dropReason + ": " + detail;
        }
    }
}
