/**
 * Generators that keep {@code spec/} consistent with {@code sss.ksy}: the layout and enum tables
 * of SPEC.md, the requirement list, and the Graphviz diagrams.
 */
package org.sss.tools.spec;
