package io.camrig.footage;

import io.camrig.footage.error.FootageFormatException;
import java.nio.file.Path;

/**
 * Run by {@link OffloadHeapTest} in a JVM with the offload's heap: holds {@code args[0]} MiB live
 * (the offload's own working set), reads every other argument with {@link FootageReader} and prints
 * one line per file, {@code facts NAME}, {@code typed NAME: message} or {@code escaped NAME: error}.
 */
final class SmallHeapReads {
    private static byte[][] live;

    private SmallHeapReads() {
    }

    public static void main(String[] args) {
        live = new byte[Integer.parseInt(args[0])][1 << 20];
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            try {
                FootageReader.read(file);
                System.out.println("facts " + file.getFileName());
            } catch (FootageFormatException e) {
                System.out.println("typed " + file.getFileName() + ": " + e.detail());
            } catch (Throwable t) {   // OutOfMemoryError above all
                System.out.println("escaped " + file.getFileName() + ": " + t);
            }
        }
        System.out.println("live " + live.length + " MiB");
    }
}
