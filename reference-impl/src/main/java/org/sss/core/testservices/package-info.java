/** The test services of SPEC.md Appendix A (echo, discard, source, datagram-echo) on the public stream API. */
package org.sss.core.testservices;
