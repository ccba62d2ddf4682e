package org.sss.conformance.target;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An initiator IUT run from a command template (conformance/IUT.md section 2), for example
 * {@code myimpl connect {host} {port} {key} {service}}. The template is split into words at
 * whitespace, with single or double quotes grouping a word, and no shell is involved; in each word
 * {@code {host}}, {@code {port}}, {@code {key}} and {@code {service}} are replaced. A word that is
 * exactly {@code {args}} becomes the service's extra arguments (IUT.md: {@code --bytes N
 * --record-size S} for {@code source}); without it they are appended at the end.
 */
public final class CommandInitiator implements Initiator {
    /** The placeholder of the service's extra arguments. */
    public static final String ARGS = "{args}";

    private final List<String> template;
    private final String text;

    /**
     * @param template the command template
     * @throws IllegalArgumentException when it is empty or a quote is not closed
     */
    public CommandInitiator(String template) {
        this.text = Objects.requireNonNull(template, "template");
        this.template = split(template);
        if (this.template.isEmpty()) {
            throw new IllegalArgumentException("the initiator command template is empty");
        }
    }

    /** The command line of one request, placeholders replaced. */
    public List<String> command(InitiatorRequest request) {
        List<String> out = new ArrayList<>();
        boolean argsPlaced = false;
        for (String word : template) {
            if (word.equals(ARGS)) {
                out.addAll(request.serviceArguments());
                argsPlaced = true;
                continue;
            }
            out.add(word.replace("{host}", request.host())
                    .replace("{port}", Integer.toString(request.port()))
                    .replace("{key}", request.keyHex())
                    .replace("{service}", request.service()));
        }
        if (!argsPlaced) {
            out.addAll(request.serviceArguments());
        }
        return out;
    }

    @Override
    public InitiatorResult run(InitiatorRequest request) {
        Process process;
        try {
            process = new ProcessBuilder(command(request)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the initiator " + command(request), e);
        }
        CompletableFuture<byte[]> stdout = drain(process.getInputStream());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        CompletableFuture.runAsync(() -> feed(process.getOutputStream(), request.stdin()));
        try {
            boolean ended = process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
            return new InitiatorResult(ended ? process.exitValue() : -1, stdout.get(),
                    new String(stderr.get(), StandardCharsets.UTF_8), !ended);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the initiator ran", e);
        } catch (ExecutionException e) {
            throw new UncheckedIOException("reading the initiator's output", (IOException) e.getCause());
        }
    }

    @Override
    public String description() {
        return "command: " + text;
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void feed(OutputStream in, byte[] bytes) {
        try (in) {
            in.write(bytes);
        } catch (IOException e) {
            // the IUT stopped reading (it exited or refused): its exit code tells the rest
        }
    }

    /** Splits at whitespace; single or double quotes group a word and are removed. */
    public static List<String> split(String template) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : template.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in the initiator command template: " + template);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
