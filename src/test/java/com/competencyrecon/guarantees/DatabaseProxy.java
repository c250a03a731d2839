package com.competencyrecon.guarantees;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between the product and the database server, so a test can take the database away from one
 * process without stopping a server others use: {@link #cut()} closes every forwarded connection and stops
 * listening (a new connection is refused, as by a server that is down), {@link #restore()} listens again on the
 * same port.
 */
final class DatabaseProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    DatabaseProxy(String host, int targetPort) throws IOException {
        this.target = new InetSocketAddress(host, targetPort);
        ServerSocket first = listen(0);
        this.port = first.getLocalPort();
        accept(first);
    }

    int port() {
        return port;
    }

    /** {@code url} (a {@code jdbc:mysql://host:port/...} URL) through this proxy. */
    String through(String url) {
        return url.replaceFirst("^jdbc:mysql://[^/]+/", "jdbc:mysql://127.0.0.1:" + port + "/");
    }

    /** Closes every connection through the proxy and refuses new ones until {@link #restore()}. */
    synchronized void cut() throws IOException {
        ServerSocket listening = server;
        server = null;
        if (listening != null) {
            listening.close();
        }
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    /** Accepts connections again. */
    synchronized void restore() throws IOException {
        if (server == null) {
            accept(listen(port));
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return s;
    }

    private void accept(ServerSocket listening) {
        server = listening;
        Thread acceptor = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket();
                    upstream.connect(target, 5_000);
                    sockets.add(client);
                    sockets.add(upstream);
                    if (server != listening) { // cut while this connection was being made
                        closeQuietly(client);
                        closeQuietly(upstream);
                        continue;
                    }
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed by cut(), or the server refused: the client sees its connection end
                }
            }
        }, "db-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "db-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
