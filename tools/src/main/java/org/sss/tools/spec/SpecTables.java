package org.sss.tools.spec;

/**
 * Fills the generated regions of SPEC.md from sss.ksy: {@code LAYOUT type_name} regions get the
 * type's layout table, {@code ENUM enum_name} regions the enum's values.
 */
public final class SpecTables {

    private final LayoutTableWriter layouts;
    private final EnumTableWriter enums;

    /** @param spec the ksy the tables come from */
    public SpecTables(KsySpec spec) {
        this.layouts = new LayoutTableWriter(spec);
        this.enums = new EnumTableWriter(spec);
    }

    /**
     * Regenerates every region of {@code markdown}.
     *
     * @param documentName the name used in error messages
     * @throws SpecInputException for a marker of another kind, a name the ksy does not define, or
     *                            unbalanced markers
     */
    public GeneratedRegions.Rewrite apply(String markdown, String documentName) {
        return GeneratedRegions.rewrite(markdown, documentName, marker -> switch (marker.kind()) {
            case "LAYOUT" -> layouts.write(marker.name());
            case "ENUM" -> enums.write(marker.name());
            default -> throw new SpecInputException("unknown kind of generated region: " + marker.kind()
                    + " (expected LAYOUT or ENUM)");
        });
    }
}
