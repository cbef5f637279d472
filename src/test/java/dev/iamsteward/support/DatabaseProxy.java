package dev.iamsteward.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of the test PostgreSQL that can be cut, as a database that stops or a network that
 * fails: cutting closes every proxied connection and refuses new ones until it is restored. It is driven over a
 * control port of its own, so that a test and the application under test, whatever class loader each runs in,
 * can cut it: {@code cut} and {@code restore}, one line each, answered {@code ok}.
 */
public final class DatabaseProxy {

    private final int port;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    private DatabaseProxy(int port, int target) {
        this.port = port;
        this.target = target;
    }

    /** Starts a proxy on {@code port} to {@code target}, controlled on {@code control}; all on loopback. */
    public static void start(int port, int target, int control) {
        DatabaseProxy proxy = new DatabaseProxy(port, target);
        try {
            proxy.restore();
            ServerSocket commands = bind(control);
            daemon("db-proxy-control", () -> proxy.serveCommands(commands));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code cut} or {@code restore} to the proxy controlled on {@code control}; returns once it is done. */
    public static void command(int control, String command) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), control)) {
            socket.getOutputStream().write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            if (!"ok".equals(answer)) {
                throw new IllegalStateException("the database proxy answered " + answer + " to " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free loopback port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void cut() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private synchronized void restore() throws IOException {
        if (listener == null) {
            ServerSocket accepting = bind(port);
            listener = accepting;
            daemon("db-proxy-accept", () -> accept(accepting));
        }
    }

    private void accept(ServerSocket accepting) {
        while (!accepting.isClosed()) {
            Socket client;
            try {
                client = accepting.accept();
            } catch (IOException e) {
                continue; // closed by cut()
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                daemon("db-proxy-up", () -> pump(client, server));
                daemon("db-proxy-down", () -> pump(server, client));
            } catch (IOException e) {
                closeQuietly(client); // the database refused: so does the proxy
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void serveCommands(ServerSocket commands) {
        while (true) {
            try (Socket socket = commands.accept()) {
                String command = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                switch (String.valueOf(command)) {
                    case "cut" -> cut();
                    case "restore" -> restore();
                    default -> throw new IOException("unknown command " + command);
                }
                socket.getOutputStream().write("ok\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // the next command gets its own answer
            }
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
