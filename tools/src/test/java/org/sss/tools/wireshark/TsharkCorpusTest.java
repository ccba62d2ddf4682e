package org.sss.tools.wireshark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sss.tools.spec.RepoLayout;
import org.sss.tools.spec.TestRepo;

/**
 * Issue 6: the Wireshark dissector and {@code sss dissect} agree on every capture of the corpus in
 * {@code pcaps/}, datagram by datagram (see {@link DissectorAgreement}).
 */
class TsharkCorpusTest {

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> tsharkAgreesWithSssDissectOnEveryCorpusCapture() throws IOException {
        RepoLayout repo = TestRepo.layout();
        Tshark tshark = Tshark.require(WiresharkDissector.file(repo), scratch);
        Path corpus = repo.root().resolve("pcaps");
        List<Path> pcaps;
        try (Stream<Path> files = Files.isDirectory(corpus) ? Files.list(corpus) : Stream.empty()) {
            pcaps = files.filter(p -> p.getFileName().toString().endsWith(".pcap")).sorted().toList();
        }
        System.out.println("[TsharkCorpusTest] " + pcaps.size() + " captures in pcaps/");
        return pcaps.stream().map(pcap -> DynamicTest.dynamicTest(pcap.getFileName().toString(),
                () -> DissectorAgreement.check(tshark, pcap)));
    }
}
