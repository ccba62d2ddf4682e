package org.sss.conformance.fuzz;

/** Where the fuzzer's packets go: before any handshake, or inside an established channel. */
public enum Stage {
    /** HELLO, COOKIE, INITIATE and other datagrams a responder sees before a channel exists. */
    PRE("pre"),
    /** Validly encrypted MESSAGEs whose plaintext frames are generated and mutated. */
    POST("post");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The name used on the command line and in reproducers. */
    public String label() {
        return label;
    }

    /** The stage named {@code label} ({@code pre} or {@code post}). */
    public static Stage of(String label) {
        for (Stage s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("a stage is pre or post, not '" + label + "'");
    }
}
