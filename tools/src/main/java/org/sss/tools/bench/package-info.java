/**
 * Benchmarks: JMH classes that each measure a cost beside its ceiling ({@link org.sss.tools.bench.Baseline}),
 * and the side-by-side loopback runner for handshakes per second.
 */
package org.sss.tools.bench;
