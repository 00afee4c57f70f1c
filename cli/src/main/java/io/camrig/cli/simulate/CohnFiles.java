package io.camrig.cli.simulate;

import io.camrig.simulator.http.CohnAuthority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where {@code camrig simulate --cohn} leaves each camera's COHN credentials: {@code
 * DIR/<serial>/GoProRootCA.crt} (the root CA, PEM) and {@code DIR/<serial>/password} (the
 * Basic-auth password, one line, owner-only permissions where the file system has them). The
 * user is always {@code gopro}. Paths are printed; the password never is.
 */
final class CohnFiles {
    private CohnFiles() {
    }

    /**
     * Writes the files of one camera.
     *
     * @return the camera's directory
     * @throws IOException when the directory or a file cannot be written
     */
    static Path write(Path dir, String serial, CohnAuthority cohn) throws IOException {
        Path cameraDir = Files.createDirectories(dir.resolve(serial));
        Files.writeString(cameraDir.resolve("GoProRootCA.crt"), cohn.rootPem(), StandardCharsets.US_ASCII);
        Path password = cameraDir.resolve("password");
        Files.deleteIfExists(password);
        try {
            Files.createFile(password, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(password);
        }
        Files.writeString(password, cohn.credentials().password() + "\n", StandardCharsets.UTF_8);
        return cameraDir;
    }
}
