/**
 * The QUIC contender of {@code sss bench}: Netty's quiche binding (netty-codec-native-quic, quiche
 * with BoringSSL) measured on the same workloads as SSS and TLS 1.3 over TCP.
 */
package org.sss.tools.bench.compare.quic;
