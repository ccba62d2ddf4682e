/**
 * The command-line side of {@code sss fuzz}: the embedded reference target with optional protocol bugs,
 * budget parsing and the progress bar. The fuzzer itself is {@link org.sss.conformance.fuzz}.
 */
package org.sss.tools.fuzz;
