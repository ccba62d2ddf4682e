/**
 * The stream layer (SPEC.md sections 6.7 and 8), sans I/O: per channel, a {@link org.sss.core.stream.ChannelStreams}
 * turns the frames a {@link org.sss.core.channel.Channel} delivers into stream state and fills the channel's
 * packets from the streams' send buffers, by priority, within flow and congestion control; a
 * {@link org.sss.core.stream.StreamCore} is one stream, which may be attached to up to two channels while it
 * migrates. Everything runs on the host's event loop.
 */
package org.sss.core.stream;
