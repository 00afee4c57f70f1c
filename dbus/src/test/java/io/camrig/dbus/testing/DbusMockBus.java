package io.camrig.dbus.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBus;
import org.junit.jupiter.api.Assumptions;

/**
 * A private {@code dbus-daemon} on a socket in a temporary directory, optionally with one
 * python-dbusmock template on it — the template-agnostic process handling of the D-Bus mock
 * fixtures (see {@link DbusMockExtension}, which runs one for a test class). This JVM owns the processes
 * (nothing is forked into the background); {@link #close()} stops them and deletes the directory
 * with their logs ({@code dbus-daemon.log}, {@code dbusmock-<template>.log}).
 *
 * <p>The bus is a session-type bus; the mock is started with both {@code DBUS_SYSTEM_BUS_ADDRESS}
 * and {@code DBUS_SESSION_BUS_ADDRESS} pointing at it, so system-bus templates (bluez5,
 * networkmanager) land on it too.
 */
public final class DbusMockBus implements AutoCloseable {
    /** Debian's python, which has python3-dbusmock (not a pyenv one on the PATH). */
    public static final String PYTHON = "/usr/bin/python3";
    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    private final String address;
    private final DBusConnection connection;

    private DbusMockBus(Path dir, Process daemon) throws Exception {
        this.dir = dir;
        processes.add(daemon);
        try {
            this.address = firstLine(daemon);
            this.connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        } catch (Exception e) {
            stopProcesses();
            deleteDirectory();
            throw e;
        }
    }

    /**
     * Checks that {@code dbus-daemon} and python3-dbusmock are installed; when they are not, aborts
     * the current test (a skip with a message) — or, when the system property {@code requiredProperty}
     * is {@code true}, throws {@link IllegalStateException}.
     *
     * @param what the tests concerned, for the message (e.g. {@code "BlueZ mock tests"})
     */
    public static void assumeToolsPresent(String requiredProperty, String what) {
        String missing = missingTools();
        if (missing == null) {
            return;
        }
        String message = missing + "; install them with `apt-get install -y dbus python3-dbusmock`";
        if (Boolean.getBoolean(requiredProperty)) {
            throw new IllegalStateException(message + " (" + requiredProperty + "=true makes this a failure)");
        }
        Assumptions.abort(what + " skipped: " + message);
    }

    /**
     * Starts {@code dbus-daemon --session --nofork} on {@code <tmp>/<prefix>…/bus.sock} and connects
     * to it. Call {@link #assumeToolsPresent} first.
     *
     * @param prefix the temporary directory's name prefix, e.g. {@code "camrig-bluez-"}
     */
    public static DbusMockBus startDaemon(String prefix) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        Process daemon;
        try {
            daemon = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1",
                    "--address=unix:path=" + dir.resolve("bus.sock"))
                    .redirectError(dir.resolve("dbus-daemon.log").toFile()).start();
        } catch (IOException e) {
            Files.deleteIfExists(dir.resolve("dbus-daemon.log"));
            Files.deleteIfExists(dir);
            throw e;
        }
        return new DbusMockBus(dir, daemon);
    }

    /**
     * Starts {@code python3 -m dbusmock --template <template>} on this bus and waits (up to 15 s)
     * until it owns {@code busName}.
     *
     * @throws IllegalStateException when the mock does not take the name in time (its log is named)
     */
    public void startTemplate(String template, String busName) throws Exception {
        CountDownLatch owned = new CountDownLatch(1);
        AutoCloseable handler = connection.addSigHandler(DBus.NameOwnerChanged.class, s -> {
            if (busName.equals(s.name) && !s.newOwner.isEmpty()) {
                owned.countDown();
            }
        });
        Path log = dir.resolve("dbusmock-" + template + ".log");
        try {
            ProcessBuilder mock = new ProcessBuilder(PYTHON, "-m", "dbusmock", "--template", template);
            mock.environment().put("DBUS_SYSTEM_BUS_ADDRESS", address);
            mock.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
            mock.redirectErrorStream(true).redirectOutput(log.toFile());
            processes.add(mock.start());
            DBus bus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!bus.NameHasOwner(busName) && !owned.await(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("python3-dbusmock did not take " + busName + " in "
                        + STARTUP.toSeconds() + " s; see " + log);
            }
        } finally {
            handler.close();
        }
    }

    /** The bus's D-Bus address, e.g. {@code unix:path=/tmp/camrig-…/bus.sock,guid=…}. */
    public String address() {
        return address;
    }

    /** The fixture's own connection to the bus. */
    public DBusConnection connection() {
        return connection;
    }

    /** Where the daemon's and the mocks' logs are (deleted by {@link #close()}). */
    public Path logDirectory() {
        return dir;
    }

    /** Disconnects, stops the daemon and the mocks (5 s each, then forcibly) and deletes the directory. */
    @Override
    public void close() throws IOException {
        connection.disconnect();
        stopProcesses();
        deleteDirectory();
    }

    private void stopProcesses() {
        for (Process p : processes) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    private void deleteDirectory() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String firstLine(Process p) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                return r.readLine();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String address = line.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        if (address == null || address.isBlank()) {
            throw new IllegalStateException("dbus-daemon printed no address");
        }
        return address.trim();
    }

    /** What is missing, or {@code null} when dbus-daemon and python3-dbusmock are both there. */
    public static String missingTools() {
        List<String> missing = new ArrayList<>();
        if (!onPath("dbus-daemon")) {
            missing.add("dbus-daemon is not installed");
        }
        if (!Files.isExecutable(Path.of(PYTHON)) || !succeeds(PYTHON, "-c", "import dbusmock")) {
            missing.add("python3-dbusmock is not installed (" + PYTHON + " -c 'import dbusmock' failed)");
        }
        return missing.isEmpty() ? null : String.join(" and ", missing);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
