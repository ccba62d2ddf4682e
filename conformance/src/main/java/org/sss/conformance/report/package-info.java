/**
 * What a conformance run leaves behind: a Cucumber plugin ({@link org.sss.conformance.report.ConformanceReportPlugin})
 * that grades every scenario, writes {@code results.json} and an evidence bundle for each failure (a pcap of the
 * tester peer's datagrams, a keylog, the exchange with its first divergence marked, the seed and a replay command),
 * and the traceability report that lists every requirement of SPEC.md with the scenarios that check it.
 */
package org.sss.conformance.report;
