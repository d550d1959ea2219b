package dev.ignis.examples.http;

import dev.ignis.examples.Example;
import dev.ignis.examples.datasource.ExampleSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One keep-alive connection, written to with a plain socket so that every request provably shares it, serves 200
 * sequential requests quickly: the server's responses (headers, then body) are not held back by Nagle's algorithm
 * waiting for the client's delayed ACK (~40 ms a request without TCP no-delay). The index is asked for, so that the
 * figure is the server's and the connection's, not the database's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeepAliveTest {
    static final int REQUESTS = 200;
    static final int WARM_UP = 300;
    static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    Example example;
    ExampleHttpServer server;

    @BeforeAll
    void start() throws Exception {
        example = Example.start(ExampleSettings.from(Map.of("--core-url", "jdbc:h2:mem:keep-alive-core;DB_CLOSE_DELAY=-1",
                "--audit-url", "jdbc:h2:mem:keep-alive-audit;DB_CLOSE_DELAY=-1"), Map.of()));
        example.seed();
        server = ExampleHttpServer.start(example.app(), example.meters(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (example != null) {
            example.close();
        }
    }

    @Test
    void oneKeepAliveConnectionServes200SequentialRequestsQuickly() throws IOException {
        byte[] request = ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long[] nanos = new long[REQUESTS];
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < WARM_UP; i++) { // the first requests compile the code paths: not what is measured
                out.write(request);
                out.flush();
                assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
            }
            for (int i = 0; i < REQUESTS; i++) {
                long begin = System.nanoTime();
                out.write(request);
                out.flush();
                String response = readResponse(in);
                nanos[i] = System.nanoTime() - begin;
                assertThat(response).as("response %d", i).startsWith("HTTP/1.1 200");
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = sorted[REQUESTS / 2] / 1e6;
        double p90 = sorted[REQUESTS * 9 / 10] / 1e6;
        System.out.printf("%d requests (after %d) on one keep-alive connection: p50 %.2f ms, p90 %.2f ms, max %.2f ms%n",
                REQUESTS, WARM_UP, p50, p90, sorted[REQUESTS - 1] / 1e6);
        assertThat(p50).as("median milliseconds per request").isLessThanOrEqualTo(2.0);
    }

    /** One HTTP/1.1 response: the headers, then exactly Content-Length bytes of body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = CONTENT_LENGTH.matcher(headers);
        assertThat(length.find()).as("Content-Length in %s", headers).isTrue();
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return headers + new String(body, StandardCharsets.UTF_8);
    }
}
