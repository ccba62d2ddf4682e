package org.sss.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sss.core.host.PipeStreams.End;
import org.sss.core.host.PipeStreams.Pair;
import org.sss.core.testing.TestSeed;
import org.sss.core.testservices.TestServices;
import org.sss.core.wire.ConnectReply;
import org.sss.core.wire.ConnectRequest;
import org.sss.core.wire.ErrorCode;
import org.sss.core.wire.ListProtocolsReply;
import org.sss.core.wire.ListProtocolsRequest;
import org.sss.core.wire.ListServicesReply;
import org.sss.core.wire.ListServicesRequest;
import org.sss.core.wire.ServiceEntry;
import org.sss.core.wire.ServiceMessage;
import org.sss.core.wire.ServiceMessageKind;
import org.sss.core.wire.ServiceStatus;

/** SPEC.md section 9 on both sides: {@link ServiceDirectory} (acceptor) and {@link ServiceClient} (opener). */
class ServiceDirectoryTest {
    private static final long PATIENCE = 15;
    private static final ServiceHandler IDLE = stream -> { };

    private final PipeStreams pipe = new PipeStreams();
    private final ServiceDirectory directory = new ServiceDirectory();

    @AfterEach
    void closePipe() {
        pipe.close();
    }

    // ------------------------------------------------------------------ helpers

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(PATIENCE, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("Expected: success / Actual: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("Expected: completion within " + PATIENCE + " s / Actual: still pending");
        }
    }

    static Throwable failure(CompletableFuture<?> future) {
        try {
            Object value = future.get(PATIENCE, TimeUnit.SECONDS);
            throw new AssertionError("Expected: a failure / Actual: completed with " + value);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("Expected: a failure within " + PATIENCE + " s / Actual: still pending");
        }
    }

    private static byte[] encode(ServiceMessage message) {
        return ServiceDirectory.encode(message);
    }

    private static ServiceMessage decode(ReceivedRecord record) {
        assertThat(record).as("reply record").isNotNull();
        assertThat(record.complete()).as("reply is a whole record").isTrue();
        assertThat(record.data().length).as("SVC-GEN-3: at most 1024 bytes").isLessThanOrEqualTo(1024);
        return ServiceDirectory.decode(record.data()).value();
    }

    /** Opens a stream to the directory and sends {@code first} as its first record. */
    private Pair request(byte[] first) {
        Pair pair = pipe.open();
        directory.onPeerStream(pair.acceptor());
        pair.opener().writeRecord(first);
        return pair;
    }

    private ServiceMessage replyTo(ServiceMessage message) {
        return decode(await(request(encode(message)).opener().readRecord()));
    }

    private static void assertEndOfStream(End end) {
        assertThat(await(end.readRecord())).as("FIN right after the reply").isNull();
    }

    private static void assertResetWith(End opener, ErrorCode code) {
        Throwable failure = failure(opener.readRecord());
        assertThat(failure).isInstanceOf(StreamResetException.class);
        assertThat(((StreamResetException) failure).errorCode()).isEqualTo(code.code());
        assertThat(((StreamResetException) failure).byPeer()).isTrue();
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static java.util.stream.Stream<Arguments> malformedFirstRecords() {
        byte[] valid = ServiceDirectory.encode(new ConnectRequest("echo", "sss-test/1"));
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        byte[] tooLong = new byte[1025];
        tooLong[0] = 1; // kind request
        tooLong[1] = 2; // operation list services
        byte[] longName = new byte[2 + 2 + 256 + 2 + 1];
        longName[0] = 1; // request
        longName[1] = 1; // connect
        longName[2] = 1; // service length 256 (0x0100)
        Arrays.fill(longName, 4, 260, (byte) 'x');
        longName[261] = 1; // protocol length 1
        longName[262] = 'p';
        return java.util.stream.Stream.of(
                Arguments.of("over 1024 bytes", tooLong),
                Arguments.of("unknown kind 3", new byte[] {3, 1, 0, 1, 'e', 0, 1, 'p'}),
                Arguments.of("kind 0", new byte[] {0, 2}),
                Arguments.of("unknown operation 4", new byte[] {1, 4}),
                Arguments.of("operation 0", new byte[] {1, 0}),
                Arguments.of("wrong kind: a connect reply", ServiceDirectory.encode(new ConnectReply(0, ""))),
                Arguments.of("wrong kind: a list-services reply", ServiceDirectory.encode(ListServicesReply.ok(List.of()))),
                Arguments.of("bytes after the body", trailing),
                Arguments.of("list-services request with a body", new byte[] {1, 2, 0}),
                Arguments.of("service not UTF-8", new byte[] {1, 1, 0, 2, (byte) 0xC3, 0x28, 0, 1, 'p'}),
                Arguments.of("protocol an overlong encoding", new byte[] {1, 1, 0, 1, 's', 0, 2, (byte) 0xC0, (byte) 0xAF}),
                Arguments.of("service a surrogate", new byte[] {1, 1, 0, 3, (byte) 0xED, (byte) 0xA0, (byte) 0x80, 0, 1, 'p'}),
                Arguments.of("empty service name", new byte[] {1, 1, 0, 0, 0, 1, 'p'}),
                Arguments.of("service name of 256 bytes", longName),
                Arguments.of("empty list-protocols service", new byte[] {1, 3, 0, 0}),
                Arguments.of("string longer than the record", new byte[] {1, 1, 0, 5, 'e'}),
                Arguments.of("kind only", new byte[] {1}));
    }

    static java.util.stream.Stream<Arguments> malformedReplies() {
        return java.util.stream.Stream.of(
                Arguments.of("a list-services reply to a connect", ServiceDirectory.encode(ListServicesReply.ok(List.of())), true),
                Arguments.of("a request where the reply belongs", ServiceDirectory.encode(new ConnectRequest("a", "b")), true),
                Arguments.of("bytes after the body", new byte[] {2, 1, 0, 0, 0, 0, 0, 0, 9}, true),
                Arguments.of("message not UTF-8", new byte[] {2, 1, 0, 0, 0, 0, 0, 1, (byte) 0xFF}, true),
                Arguments.of("over 1024 bytes", Arrays.copyOf(new byte[] {2, 1}, 1025), true),
                Arguments.of("status cut short", new byte[] {2, 1, 0, 0}, true),
                Arguments.of("FIN cutting the reply short", new byte[] {2, 1, 0, 0, 0, 0, 0, 0}, false));
    }

    // ------------------------------------------------------------------ registration

    @Nested
    class Registration {
        @Test
        @DisplayName("SVC-GEN-4: names must be 1 to 255 bytes of UTF-8; register names the faulty parameter")
        void refusesNamesOutsideOneTo255Utf8Bytes() {
            assertThatThrownBy(() -> directory.register("", "p", "", IDLE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service");
            assertThatThrownBy(() -> directory.register("s", "", "", IDLE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("protocol");
            assertThatThrownBy(() -> directory.register(repeat("x", 256), "p", "", IDLE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service");
            // 86 euro signs are 258 bytes though only 86 chars
            assertThatThrownBy(() -> directory.register(repeat("\u20ac", 86), "p", "", IDLE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
            assertThatThrownBy(() -> directory.register("bad\ud800", "p", "", IDLE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
            assertThatThrownBy(() -> directory.register("s", "p", null, IDLE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("description");
            assertThatThrownBy(() -> directory.register("s", "p", "", null))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("handler");
            // 85 euro signs are exactly 255 bytes
            Server longest = directory.register(repeat("\u20ac", 85), repeat("p", 255), "", IDLE);
            assertThat(longest.service()).isEqualTo(repeat("\u20ac", 85));
            assertThat(longest.protocol()).isEqualTo(repeat("p", 255));
        }

        @Test
        @DisplayName("Register refuses a (service, protocol) offered already; close() withdraws it")
        void refusesDuplicatesAndCloseWithdraws() {
            Server first = directory.register("echo", "v1", "", IDLE);
            assertThatThrownBy(() -> directory.register("echo", "v1", "", IDLE))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("echo").hasMessageContaining("v1");
            directory.register("echo", "v2", "", IDLE);
            first.close();
            first.close();
            assertThat(((ConnectReply) replyTo(new ConnectRequest("echo", "v1"))).status())
                    .isEqualTo(ServiceStatus.PROTOCOL_NOT_FOUND.code());
            Server again = directory.register("echo", "v1", "", IDLE);
            assertThat(((ConnectReply) replyTo(new ConnectRequest("echo", "v1"))).status())
                    .isEqualTo(ServiceStatus.OK.code());
            again.close();
        }

        @Test
        @DisplayName("A service is listed with the description of its earliest registered protocol still offered")
        void serviceDescriptionIsTheFirstProtocolsDescription() {
            Server v1 = directory.register("chat", "v1", "chat, first protocol", IDLE);
            directory.register("chat", "v2", "chat, second protocol", IDLE);
            assertThat(directory.listServices().entries())
                    .containsExactly(new ServiceEntry("chat", "chat, first protocol"));
            v1.close();
            assertThat(directory.listServices().entries())
                    .containsExactly(new ServiceEntry("chat", "chat, second protocol"));
        }

        @Test
        @DisplayName("Registration is thread-safe: concurrent registers all land, duplicates lose exactly once")
        void concurrentRegistration() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                List<Throwable> duplicates = new CopyOnWriteArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String name = "svc" + (i % 100);
                    futures.add(pool.submit(() -> {
                        try {
                            directory.register(name, "p", "", IDLE);
                        } catch (IllegalStateException e) {
                            duplicates.add(e);
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(PATIENCE, TimeUnit.SECONDS);
                }
                assertThat(duplicates).hasSize(100);
                ListServicesReply reply = directory.listServices();
                assertThat(reply.entries()).hasSize(100);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // ------------------------------------------------------------------ connect (acceptor side)

    @Nested
    class Connect {
        @Test
        @DisplayName("SVC-CONN-3: OK only for an offered (service, protocol); the service gets the data after the request")
        void okDeliversTheStreamAndItsDataToTheService() {
            CompletableFuture<ReceivedRecord> firstData = new CompletableFuture<>();
            directory.register("echo", "sss-test/1", "", stream -> {
                stream.readRecord().whenComplete((record, failure) -> firstData.complete(record));
                stream.writeRecord(utf8("from the service"));
            });
            Pair pair = request(encode(new ConnectRequest("echo", "sss-test/1")));
            // SVC-CONN-2: the opener's data right behind the request, before any reply
            pair.opener().writeRecord(utf8("after the request"));
            ConnectReply reply = (ConnectReply) decode(await(pair.opener().readRecord()));
            assertThat(reply.status()).isEqualTo(ServiceStatus.OK.code());
            assertThat(await(firstData).data()).isEqualTo(utf8("after the request"));
            assertThat(await(pair.opener().readRecord()).data()).isEqualTo(utf8("from the service"));
        }

        @Test
        @DisplayName("SVC-STATUS-2: PROTOCOL_NOT_FOUND when the service exists without that protocol, SERVICE_NOT_FOUND otherwise")
        void protocolNotFoundVersusServiceNotFound() {
            directory.register("echo", "sss-test/1", "", IDLE);
            assertThat(((ConnectReply) replyTo(new ConnectRequest("echo", "sss-test/2"))).status())
                    .isEqualTo(ServiceStatus.PROTOCOL_NOT_FOUND.code());
            assertThat(((ConnectReply) replyTo(new ConnectRequest("nothing", "sss-test/1"))).status())
                    .isEqualTo(ServiceStatus.SERVICE_NOT_FOUND.code());
        }

        @Test
        @DisplayName("SVC-GEN-4: names are compared byte for byte (no case folding, no Unicode normalisation)")
        void namesCompareByteForByte() {
            directory.register("caf\u00e9", "P", "", IDLE);
            assertThat(((ConnectReply) replyTo(new ConnectRequest("cafe\u0301", "P"))).status())
                    .isEqualTo(ServiceStatus.SERVICE_NOT_FOUND.code());
            assertThat(((ConnectReply) replyTo(new ConnectRequest("CAF\u00c9", "P"))).status())
                    .isEqualTo(ServiceStatus.SERVICE_NOT_FOUND.code());
            assertThat(((ConnectReply) replyTo(new ConnectRequest("caf\u00e9", "p"))).status())
                    .isEqualTo(ServiceStatus.PROTOCOL_NOT_FOUND.code());
            assertThat(((ConnectReply) replyTo(new ConnectRequest("caf\u00e9", "P"))).status())
                    .isEqualTo(ServiceStatus.OK.code());
        }

        @Test
        @DisplayName("SVC-CONN-4: after a reply other than OK, FIN follows the reply and the opener's data is discarded")
        void refusalFinishesAndDiscards() {
            List<Stream> served = new CopyOnWriteArrayList<>();
            directory.register("echo", "sss-test/1", "", served::add);
            Pair pair = request(encode(new ConnectRequest("echo", "other")));
            byte[] megabyte = new byte[1 << 20];
            for (int i = 0; i < 4; i++) {
                pair.opener().write(megabyte);
            }
            pair.opener().finish();
            assertThat(((ConnectReply) decode(await(pair.opener().readRecord()))).status())
                    .isEqualTo(ServiceStatus.PROTOCOL_NOT_FOUND.code());
            assertEndOfStream(pair.opener());
            pipe.settle();
            assertThat(pair.acceptor().bytesReceived()).isGreaterThan(4L << 20);
            assertThat(pair.acceptor().unreadBytes()).as("everything read and dropped").isZero();
            assertThat(pair.acceptor().resetCodeSent()).isEmpty();
            assertThat(served).isEmpty();
        }

        @Test
        @DisplayName("SVC-GEN-2: the first record on a peer-opened stream is the reply, with the request's operation")
        void firstRecordIsTheReplyWithTheRequestsOperation() {
            directory.register("echo", "sss-test/1", "", stream -> stream.writeRecord(utf8("data")));
            for (ServiceMessage request : List.of(new ConnectRequest("echo", "sss-test/1"), new ListServicesRequest(),
                    new ListProtocolsRequest("echo"))) {
                ServiceMessage reply = replyTo(request);
                assertThat(reply.kind()).isEqualTo(ServiceMessageKind.REPLY);
                assertThat(reply.operation()).isEqualTo(request.operation());
            }
        }

        @Test
        @DisplayName("A handler that throws gets its stream reset with INTERNAL_ERROR; the directory keeps serving")
        void throwingHandlerResetsItsStreamOnly() {
            directory.register("bad", "p", "", stream -> {
                throw new IllegalStateException("boom");
            });
            directory.register("good", "p", "", IDLE);
            Pair bad = request(encode(new ConnectRequest("bad", "p")));
            // the RESET may overtake the unread OK reply (a reset discards unread data)
            pipe.settle();
            assertThat(bad.acceptor().resetCodeSent()).contains(ErrorCode.INTERNAL_ERROR.code());
            assertResetWith(bad.opener(), ErrorCode.INTERNAL_ERROR);
            assertThat(((ConnectReply) replyTo(new ConnectRequest("good", "p"))).status())
                    .isEqualTo(ServiceStatus.OK.code());
        }
    }

    // ------------------------------------------------------------------ malformed requests

    @Nested
    class Malformed {
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.sss.core.host.ServiceDirectoryTest#malformedFirstRecords")
        @DisplayName("SVC-GEN-5, SVC-GEN-6: a malformed first record resets the stream with PROTOCOL_VIOLATION")
        void malformedRequestResetsTheStream(String what, byte[] record) {
            List<Stream> served = new CopyOnWriteArrayList<>();
            directory.register("echo", "sss-test/1", "", served::add);
            Pair pair = request(record);
            assertResetWith(pair.opener(), ErrorCode.PROTOCOL_VIOLATION);
            assertThat(pair.acceptor().resetCodeSent()).contains(ErrorCode.PROTOCOL_VIOLATION.code());
            assertThat(served).isEmpty();
            // SVC-GEN-6: a fault of one stream, not of the channel: the next stream is served
            assertThat(((ConnectReply) replyTo(new ConnectRequest("echo", "sss-test/1"))).status())
                    .isEqualTo(ServiceStatus.OK.code());
        }

        @Test
        @DisplayName("SVC-GEN-5: a request cut short by FIN (bytes without a record boundary) is malformed")
        void partialRecordBeforeFin() {
            directory.register("echo", "sss-test/1", "", IDLE);
            Pair pair = pipe.open();
            directory.onPeerStream(pair.acceptor());
            pair.opener().write(encode(new ConnectRequest("echo", "sss-test/1")));
            pair.opener().finish();
            assertResetWith(pair.opener(), ErrorCode.PROTOCOL_VIOLATION);
        }

        @Test
        @DisplayName("SVC-GEN-5: a stream ended by FIN before any request is malformed")
        void finBeforeAnyRecord() {
            Pair pair = pipe.open();
            directory.onPeerStream(pair.acceptor());
            pair.opener().finish();
            assertResetWith(pair.opener(), ErrorCode.PROTOCOL_VIOLATION);
        }

        @Test
        @DisplayName("SVC-GEN-6: a stream the peer resets before its request costs nothing and resets nothing")
        void peerResetBeforeRequest() {
            Pair pair = pipe.open();
            directory.onPeerStream(pair.acceptor());
            pair.opener().reset(ErrorCode.CANCELLED.code(), "");
            pipe.settle();
            assertThat(pair.acceptor().resetCodeSent()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ listing (acceptor side)

    @Nested
    class Listing {
        @Test
        @DisplayName("SVC-LIST-2: a list request is answered with one reply record followed by FIN")
        void listRepliesThenFin() {
            directory.register("echo", "sss-test/1", "echoes", IDLE);
            for (ServiceMessage request : List.of(new ListServicesRequest(), new ListProtocolsRequest("echo"))) {
                Pair pair = request(encode(request));
                pair.opener().finish();
                ServiceMessage reply = decode(await(pair.opener().readRecord()));
                assertThat(reply.operation()).isEqualTo(request.operation());
                assertEndOfStream(pair.opener());
                assertThat(await(pair.opener().closed())).isNull();
            }
        }

        @Test
        @DisplayName("SVC-LIST-3: listing the protocols of a service not offered answers SERVICE_NOT_FOUND")
        void listProtocolsOfUnknownService() {
            directory.register("echo", "sss-test/1", "", IDLE);
            ListProtocolsReply reply = (ListProtocolsReply) replyTo(new ListProtocolsRequest("nope"));
            assertThat(reply.status()).isEqualTo(ServiceStatus.SERVICE_NOT_FOUND.code());
            ListProtocolsReply known = (ListProtocolsReply) replyTo(new ListProtocolsRequest("echo"));
            assertThat(known.service()).isEqualTo("echo");
            assertThat(known.entries()).containsExactly(new ServiceEntry("sss-test/1", ""));
        }

        @Test
        @DisplayName("SVC-LIST-4: entries in ascending byte order of their UTF-8 names, not Java's UTF-16 order")
        void entriesInUtf8ByteOrder() {
            long seed = TestSeed.forTest("entriesInUtf8ByteOrder");
            SplittableRandom random = new SplittableRandom(seed);
            List<String> names = new ArrayList<>(List.of("\uff21", "\ud83d\ude00", "B", "a", "\u00e9", "ab", "a0"));
            String alphabet = "aZ0-/\u00e9\u20ac\uff21\ud83d\ude00";
            while (names.size() < 30) {
                StringBuilder name = new StringBuilder();
                int length = 1 + random.nextInt(6);
                for (int i = 0; i < length; i++) {
                    int at = random.nextInt(alphabet.length() - 1);
                    if (Character.isLowSurrogate(alphabet.charAt(at))) {
                        at--;
                    }
                    name.append(alphabet.charAt(at));
                    if (Character.isHighSurrogate(alphabet.charAt(at))) {
                        name.append(alphabet.charAt(at + 1));
                    }
                }
                if (!names.contains(name.toString())) {
                    names.add(name.toString());
                }
            }
            for (String name : names) {
                directory.register(name, "p", "", IDLE);
                directory.register("one", name, "", IDLE);
            }
            Comparator<byte[]> unsigned = Arrays::compareUnsigned;
            List<String> expected = names.stream().sorted(Comparator.comparing(ServiceDirectoryTest::utf8, unsigned))
                    .toList();
            // U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80) in UTF-8, after it in UTF-16
            assertThat(expected.indexOf("\uff21")).isLessThan(expected.indexOf("\ud83d\ude00"));
            List<String> services = ((ListServicesReply) replyTo(new ListServicesRequest())).entries().stream()
                    .map(ServiceEntry::name).filter(n -> !n.equals("one")).toList();
            assertThat(services).containsExactlyElementsOf(expected);
            List<String> protocols = ((ListProtocolsReply) replyTo(new ListProtocolsRequest("one"))).entries().stream()
                    .map(ServiceEntry::name).toList();
            assertThat(protocols).containsExactlyElementsOf(expected);
        }

        @Test
        @DisplayName("SVC-LIST-4, SVC-GEN-3: when the entries do not fit in 1024 bytes, the longest prefix that fits")
        void longestPrefixThatFits() {
            List<ServiceEntry> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String name = String.format("service-%02d", i);
                String description = "d".repeat(i % 7 * 9);
                all.add(new ServiceEntry(name, description));
                directory.register(name, "p", description, IDLE);
                directory.register("many", name, description, IDLE);
            }
            Pair pair = request(encode(new ListServicesRequest()));
            ReceivedRecord record = await(pair.opener().readRecord());
            List<ServiceEntry> listed = ((ListServicesReply) decode(record)).entries();
            // "many" (described by its first protocol, service-00's description) sorts before "service-"
            List<ServiceEntry> services = new ArrayList<>();
            services.add(new ServiceEntry("many", all.get(0).description()));
            services.addAll(all);
            assertLongestPrefix(services, listed, record, 10);

            Pair protocols = request(encode(new ListProtocolsRequest("many")));
            ReceivedRecord protocolRecord = await(protocols.opener().readRecord());
            List<ServiceEntry> listedProtocols = ((ListProtocolsReply) decode(protocolRecord)).entries();
            assertLongestPrefix(all, listedProtocols, protocolRecord, 10 + 2 + 4);
        }

        private void assertLongestPrefix(List<ServiceEntry> sorted, List<ServiceEntry> listed, ReceivedRecord record,
                int fixed) {
            assertThat(listed).isNotEmpty();
            assertThat(listed.size()).isLessThan(sorted.size());
            assertThat(listed).containsExactlyElementsOf(sorted.subList(0, listed.size()));
            assertThat(record.data().length).isLessThanOrEqualTo(1024);
            ServiceEntry next = sorted.get(listed.size());
            int nextLength = 4 + utf8(next.name()).length + utf8(next.description()).length;
            assertThat(record.data().length + nextLength).as("the next entry would not fit").isGreaterThan(1024);
            assertThat(record.data().length).isGreaterThanOrEqualTo(fixed);
        }
    }

    // ------------------------------------------------------------------ the opener's side

    @Nested
    class Client {
        private final List<Object[]> resets = new CopyOnWriteArrayList<>();
        private final ServiceClient.Resetter resetter = (stream, code, reason, failure) -> {
            resets.add(new Object[] {code, reason, failure});
            ((End) stream).resetWith(code, reason, failure);
        };

        /** A stream whose acceptor answers the first record with {@code reply}. */
        private Pair answeringWith(byte[] reply, boolean finAfter) {
            Pair pair = pipe.open();
            pair.acceptor().readRecord().thenRun(() -> {
                pair.acceptor().writeRecord(reply);
                if (finAfter) {
                    pair.acceptor().finish();
                }
            });
            return pair;
        }

        @Test
        @DisplayName("SVC-CONN-1, SVC-GEN-1: connect sends the connect request as the stream's first record")
        void connectRequestIsTheFirstRecord() {
            Pair pair = pipe.open();
            ServiceClient.startConnect(pair.opener(), "echo", "sss-test/1", new CompletableFuture<>(), resetter);
            ServiceMessage first = ServiceDirectory.decode(await(pair.acceptor().readRecord()).data()).value();
            assertThat(first).isEqualTo(new ConnectRequest("echo", "sss-test/1"));
        }

        @Test
        @DisplayName("SVC-GEN-4: connect refuses bad names before sending anything")
        void connectRefusesBadNames() {
            Pair pair = pipe.open();
            assertThatThrownBy(() -> ServiceClient.startConnect(pair.opener(), "", "p", new CompletableFuture<>(),
                    resetter)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service");
            assertThatThrownBy(() -> ServiceClient.startConnect(pair.opener(), "s", "x".repeat(256),
                    new CompletableFuture<>(), resetter)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("protocol");
            assertThatThrownBy(() -> ServiceClient.listProtocols(pair.opener(), ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service");
            pipe.settle();
            assertThat(pair.acceptor().bytesReceived()).isZero();
        }

        @Test
        @DisplayName("SVC-CONN-2, SVC-CONN-3: data written right after startConnect follows the request; OK completes the connect")
        void connectThroughTheDirectory() {
            CompletableFuture<byte[]> received = new CompletableFuture<>();
            directory.register("echo", "sss-test/1", "", stream ->
                    stream.readRecord().thenAccept(record -> {
                        received.complete(record.data());
                        stream.writeRecord(record.data());
                    }));
            Pair pair = pipe.open();
            directory.onPeerStream(pair.acceptor());
            CompletableFuture<Stream> connected = new CompletableFuture<>();
            ServiceClient.startConnect(pair.opener(), "echo", "sss-test/1", connected, resetter);
            pair.opener().writeRecord(utf8("early"));
            assertThat(await(connected)).isSameAs(pair.opener());
            assertThat(await(received)).isEqualTo(utf8("early"));
            // the reply was consumed by the connect: the application reads the service's data
            assertThat(await(pair.opener().readRecord()).data()).isEqualTo(utf8("early"));
            assertThat(resets).isEmpty();
        }

        @Test
        @DisplayName("SVC-CONN-5: a reply other than OK fails the connect and resets the stream with SERVICE_REFUSED")
        void refusedConnectResetsWithServiceRefused() {
            directory.register("echo", "sss-test/1", "", IDLE);
            Pair pair = pipe.open();
            directory.onPeerStream(pair.acceptor());
            CompletableFuture<Stream> connected = new CompletableFuture<>();
            ServiceClient.startConnect(pair.opener(), "echo", "other", connected, resetter);
            Throwable failure = failure(connected);
            assertThat(failure).isInstanceOf(ServiceRefusedException.class);
            assertThat(((ServiceRefusedException) failure).status()).isEqualTo(ServiceStatus.PROTOCOL_NOT_FOUND.code());
            assertThat(resets).hasSize(1);
            assertThat(resets.get(0)[0]).isEqualTo(ErrorCode.SERVICE_REFUSED.code());
            assertThat(resets.get(0)[2]).isSameAs(failure);
            // this end's later reads and writes fail with the refusal; nothing more is sent
            assertThat(failure(pair.opener().readRecord())).isSameAs(failure);
            assertThat(failure(pair.opener().write(new byte[1]))).isSameAs(failure);
        }

        @Test
        @DisplayName("SVC-STATUS-1: an unknown status counts as REFUSED")
        void unknownStatusIsRefused() {
            Pair pair = answeringWith(encode(new ConnectReply(77, "why")), true);
            CompletableFuture<Stream> connected = new CompletableFuture<>();
            ServiceClient.startConnect(pair.opener(), "x", "y", connected, resetter);
            Throwable failure = failure(connected);
            assertThat(failure).isInstanceOf(ServiceRefusedException.class).hasMessageContaining("77")
                    .hasMessageContaining("why");
            assertThat(((ServiceRefusedException) failure).status()).isEqualTo(ServiceStatus.REFUSED.code());
            assertThat(resets.get(0)[0]).isEqualTo(ErrorCode.SERVICE_REFUSED.code());

            Pair list = answeringWith(encode(ListServicesReply.error(0xFFFF_FFFFL, "")), true);
            Throwable listFailure = failure(ServiceClient.listServices(list.opener()));
            assertThat(((ServiceRefusedException) listFailure).status()).isEqualTo(ServiceStatus.REFUSED.code());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.sss.core.host.ServiceDirectoryTest#malformedReplies")
        @DisplayName("SVC-GEN-5, SVC-GEN-6: a malformed connect reply resets the stream with PROTOCOL_VIOLATION")
        void malformedConnectReply(String what, byte[] reply, boolean asRecord) {
            Pair pair = pipe.open();
            pair.acceptor().readRecord().thenRun(() -> {
                if (asRecord) {
                    pair.acceptor().writeRecord(reply);
                } else {
                    pair.acceptor().write(reply);
                    pair.acceptor().finish();
                }
            });
            CompletableFuture<Stream> connected = new CompletableFuture<>();
            ServiceClient.startConnect(pair.opener(), "x", "y", connected, resetter);
            Throwable failure = failure(connected);
            assertThat(failure).isInstanceOf(StreamResetException.class).hasMessageContaining("malformed");
            assertThat(((StreamResetException) failure).errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
            assertThat(resets.get(0)[0]).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
            assertThat(failure(pair.acceptor().readRecord())).isInstanceOf(StreamResetException.class);
        }

        @Test
        @DisplayName("SVC-GEN-5: FIN before any connect reply fails the connect with PROTOCOL_VIOLATION")
        void finBeforeReply() {
            Pair pair = pipe.open();
            pair.acceptor().readRecord().thenRun(() -> pair.acceptor().finish());
            CompletableFuture<Stream> connected = new CompletableFuture<>();
            ServiceClient.startConnect(pair.opener(), "x", "y", connected, resetter);
            assertThat(((StreamResetException) failure(connected)).errorCode())
                    .isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
        }

        @Test
        @DisplayName("A peer reset before the reply fails the connect with the peer's reset")
        void peerResetBeforeReply() {
            Pair pair = pipe.open();
            pair.acceptor().readRecord().thenRun(() -> pair.acceptor().reset(ErrorCode.REFUSED_STREAM.code(), "full"));
            CompletableFuture<Stream> connected = new CompletableFuture<>();
            ServiceClient.startConnect(pair.opener(), "x", "y", connected, resetter);
            Throwable failure = failure(connected);
            assertThat(((StreamResetException) failure).errorCode()).isEqualTo(ErrorCode.REFUSED_STREAM.code());
            assertThat(resets).isEmpty();
        }

        @Test
        @DisplayName("SVC-LIST-1: a list request is the only record of its stream, followed by FIN")
        void listRequestIsTheOnlyRecordThenFin() {
            Pair services = pipe.open();
            ServiceClient.listServices(services.opener());
            assertThat(ServiceDirectory.decode(await(services.acceptor().readRecord()).data()).value())
                    .isEqualTo(new ListServicesRequest());
            assertThat(await(services.acceptor().readRecord())).isNull();

            Pair protocols = pipe.open();
            ServiceClient.listProtocols(protocols.opener(), "echo");
            assertThat(ServiceDirectory.decode(await(protocols.acceptor().readRecord()).data()).value())
                    .isEqualTo(new ListProtocolsRequest("echo"));
            assertThat(await(protocols.acceptor().readRecord())).isNull();
        }

        @Test
        @DisplayName("SVC-LIST-1..4: listing through the directory returns its entries and the stream closes")
        void listThroughTheDirectory() {
            directory.register("echo", "sss-test/1", "echoes", IDLE);
            directory.register("echo", "sss-test/0", "old", IDLE);
            directory.register("discard", "sss-test/1", "drops", IDLE);
            Pair services = pipe.open();
            directory.onPeerStream(services.acceptor());
            assertThat(await(ServiceClient.listServices(services.opener())))
                    .containsExactly(new ServiceEntry("discard", "drops"), new ServiceEntry("echo", "echoes"));
            assertThat(await(services.opener().closed())).isNull();

            Pair protocols = pipe.open();
            directory.onPeerStream(protocols.acceptor());
            assertThat(await(ServiceClient.listProtocols(protocols.opener(), "echo")))
                    .containsExactly(new ServiceEntry("sss-test/0", "old"), new ServiceEntry("sss-test/1", "echoes"));

            Pair unknown = pipe.open();
            directory.onPeerStream(unknown.acceptor());
            Throwable failure = failure(ServiceClient.listProtocols(unknown.opener(), "nope"));
            assertThat(((ServiceRefusedException) failure).status()).isEqualTo(ServiceStatus.SERVICE_NOT_FOUND.code());
        }

        @Test
        @DisplayName("SVC-LIST-5: a list request refused with REFUSED fails with ServiceRefusedException")
        void listRefused() {
            Pair pair = answeringWith(encode(ListServicesReply.error(ServiceStatus.REFUSED.code(), "policy")), true);
            Throwable failure = failure(ServiceClient.listServices(pair.opener()));
            assertThat(failure).isInstanceOf(ServiceRefusedException.class).hasMessageContaining("policy");
            assertThat(((ServiceRefusedException) failure).status()).isEqualTo(ServiceStatus.REFUSED.code());
        }

        @Test
        @DisplayName("SVC-GEN-5, SVC-GEN-6: a list reply with another operation resets the stream with PROTOCOL_VIOLATION")
        void malformedListReply() {
            Pair pair = answeringWith(encode(new ConnectReply(0, "")), true);
            Throwable failure = failure(ServiceClient.listServices(pair.opener()));
            assertThat(((StreamResetException) failure).errorCode()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.code());
            assertThat(pair.opener().resetCodeSent()).contains(ErrorCode.PROTOCOL_VIOLATION.code());
        }
    }

    // ------------------------------------------------------------------ Appendix A registration

    @Nested
    class TestServiceOffers {
        @Test
        @DisplayName("TST-GEN-1: echo, discard, source and datagram-echo answer OK under sss-test/1")
        void testServicesAnswerOk() {
            List<Server> servers = TestServices.register(directory::register);
            assertThat(servers).extracting(Server::service)
                    .containsExactly("echo", "discard", "source", "datagram-echo");
            for (Server server : servers) {
                assertThat(server.protocol()).isEqualTo("sss-test/1");
                Pair pair = request(encode(new ConnectRequest(server.service(), "sss-test/1")));
                assertThat(((ConnectReply) decode(await(pair.opener().readRecord()))).status())
                        .isEqualTo(ServiceStatus.OK.code());
                pair.opener().reset(ErrorCode.CANCELLED.code(), "");
            }
        }

        @Test
        @DisplayName("TST-GEN-2: list-services shows the four with Appendix A's descriptions; list-protocols shows sss-test/1")
        void testServicesListed() {
            TestServices.register(directory::register);
            assertThat(((ListServicesReply) replyTo(new ListServicesRequest())).entries()).containsExactly(
                    new ServiceEntry("datagram-echo", "echoes each datagram as a new datagram"),
                    new ServiceEntry("discard", "reads and discards everything"),
                    new ServiceEntry("echo", "echoes bytes, records and substreams"),
                    new ServiceEntry("source", "sends a requested amount of patterned data"));
            for (String service : List.of("echo", "discard", "source", "datagram-echo")) {
                ListProtocolsReply reply = (ListProtocolsReply) replyTo(new ListProtocolsRequest(service));
                assertThat(reply.entries()).extracting(ServiceEntry::name).containsExactly("sss-test/1");
            }
        }

        @Test
        @DisplayName("TestServices.register leaves nothing offered when one of the four is taken already")
        void registerIsAllOrNothing() {
            Server taken = directory.register("source", "sss-test/1", "mine", IDLE);
            assertThatThrownBy(() -> TestServices.register(directory::register))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(directory.listServices().entries()).containsExactly(new ServiceEntry("source", "mine"));
            taken.close();
            assertThat(TestServices.register(directory::register)).hasSize(4);
        }
    }
}
