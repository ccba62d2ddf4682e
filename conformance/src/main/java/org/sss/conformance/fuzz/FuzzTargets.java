package org.sss.conformance.fuzz;

import java.util.Objects;
import java.util.function.Supplier;
import org.sss.conformance.target.Target;

/** The kinds of {@link FuzzTarget}: one the fuzzer did not start, and one it starts from a supplier. */
public final class FuzzTargets {
    private FuzzTargets() {
    }

    /** A target that runs on its own ({@code --target HOST:PORT}): never restarted, never stopped. */
    public static FuzzTarget fixed(Target target) {
        Objects.requireNonNull(target, "target");
        return new FuzzTarget() {
            @Override
            public Target current() {
                return target;
            }

            @Override
            public boolean canRestart() {
                return false;
            }

            @Override
            public void restart() {
                throw new UnsupportedOperationException("the fuzzer did not start " + target.description());
            }

            @Override
            public String description() {
                return target.description();
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Targets started by {@code starter} (an embedded implementation, for example): one now, a fresh one on
     * every restart. A replaced target is closed on a background thread, since a hung one may take long.
     */
    public static FuzzTarget started(Supplier<Target> starter) {
        return new Started(starter);
    }

    private static final class Started implements FuzzTarget {
        private final Supplier<Target> starter;
        private Target current;

        Started(Supplier<Target> starter) {
            this.starter = Objects.requireNonNull(starter, "starter");
            this.current = starter.get();
        }

        @Override
        public synchronized Target current() {
            return current;
        }

        @Override
        public boolean canRestart() {
            return true;
        }

        @Override
        public synchronized void restart() {
            closeInBackground(current);
            current = starter.get();
        }

        @Override
        public synchronized String description() {
            return current.description();
        }

        @Override
        public synchronized void close() {
            closeInBackground(current);
        }

        private static void closeInBackground(Target target) {
            Thread t = new Thread(target::close, "fuzz-target-close");
            t.setDaemon(true);
            t.start();
        }
    }
}
