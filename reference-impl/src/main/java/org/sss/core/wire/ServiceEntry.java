package org.sss.core.wire;

/**
 * One entry of a list reply: a service or protocol name and a description, each a wire string.
 *
 * @param name the service or protocol name
 * @param description a human-readable description
 */
public record ServiceEntry(String name, String description) {
    /** Checks the name (1 to 255 bytes of UTF-8) and the description. */
    public ServiceEntry {
        Utf8.checkName(name, "name");
        Utf8.checkEncodable(description, "description");
    }
}
