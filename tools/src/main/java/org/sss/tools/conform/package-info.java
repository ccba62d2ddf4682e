/**
 * {@code sss conform}: runs the conformance scenarios in this JVM on the JUnit Platform (the Cucumber engine)
 * against a target, by default the embedded reference implementation, applies the IUT's expectation profile,
 * and summarises the run by SPEC.md section with the paths of its reports.
 */
package org.sss.tools.conform;
