/** Netty UDP I/O: one socket per host, native epoll where it loads, NIO otherwise. */
package org.sss.core.transport;
