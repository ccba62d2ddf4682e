package org.sss.tools.bench.compare;

import java.time.Duration;
import org.sss.tools.bench.compare.ceiling.CryptoCeiling;
import org.sss.tools.bench.compare.ceiling.UdpCeiling;

/** The real ceilings: {@link CryptoCeiling} and {@link UdpCeiling}. */
public final class StandardCeilings implements Ceilings {
    @Override
    public double cryptoMegabytesPerSecondPerCore(Duration duration, long seed) {
        return CryptoCeiling.measure(duration, seed).sealOpenMegabytesPerSecond();
    }

    @Override
    public UdpRate udp(Loopback loopback, Duration duration, long seed) throws Exception {
        UdpCeiling.Result result = UdpCeiling.measure(loopback, duration, seed);
        return new UdpRate(result.packetsPerSecond(), result.megabytesPerSecond());
    }
}
