package io.camrig.http.address;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach one camera's HTTP API (Open GoPro HTTP API 2.0, "Socket Address"):
 * <ul>
 *   <li>{@link #accessPoint()}: {@code http://10.5.5.9:8080} on the camera's own Wi-Fi AP;</li>
 *   <li>{@link #usb(String)}: {@code http://172.2X.1YZ.51:8080} over USB (NCM), where {@code XYZ}
 *       are the last three digits of the serial number;</li>
 *   <li>{@link #cohn(String, BasicCredentials, X509Certificate)}: {@code https://<ip>} on the home
 *       network (COHN), with Basic auth and trust anchored to the camera's own root CA;</li>
 *   <li>{@link #of(URI)}: any other base URI (a simulated camera, a host found by mDNS).</li>
 * </ul>
 *
 * <p>{@link #toString()} shows the base URI only: never the password.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when the URI is not {@code
 * scheme://host[:port]}, or credentials or a root CA are given for {@code http}.
 *
 * @param baseUri {@code http} or {@code https} URI, {@code scheme://host[:port]} (no user info,
 *     path, query or fragment)
 * @param credentials Basic credentials sent with every request, if any; {@code https} only, since
 *     over {@code http} Basic auth would carry the password in clear
 * @param rootCa for {@code https}: the only certificate authority the camera's certificate may
 *     chain to; empty means the JDK's default trust store (with host name verification)
 */
public record CameraAddress(URI baseUri, Optional<BasicCredentials> credentials, Optional<X509Certificate> rootCa) {
    /** The camera's address on its own Wi-Fi access point. */
    public static final URI ACCESS_POINT_URI = URI.create("http://10.5.5.9:8080");
    /** The HTTP port cameras listen on over Wi-Fi and USB. */
    public static final int HTTP_PORT = 8080;
    /** Why a URL with user info is refused, and what to do instead. */
    public static final String USER_INFO_REFUSED = "a URL must not carry user:password@ (it would show in the"
            + " process list and shell history); give the user with --user and the password in a file with"
            + " --password-file, over https";

    public CameraAddress {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(rootCa, "rootCa");
        String scheme = baseUri.getScheme();
        if (baseUri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))
                || baseUri.getRawUserInfo() != null || baseUri.getRawQuery() != null
                || baseUri.getRawFragment() != null || !(baseUri.getRawPath() == null
                        || baseUri.getRawPath().isEmpty() || "/".equals(baseUri.getRawPath()))) {
            throw new IllegalArgumentException("base URI must be http(s)://host[:port], was " + label(baseUri));
        }
        if (rootCa.isPresent() && !"https".equals(scheme)) {
            throw new IllegalArgumentException("a root CA only applies to https, not " + label(baseUri));
        }
        if (credentials.isPresent() && !"https".equals(scheme)) {
            throw new IllegalArgumentException("Basic auth is sent over https only (over http the password would"
                    + " cross the network in clear), not to " + label(baseUri));
        }
        baseUri = URI.create(label(baseUri));
    }

    /** {@code http://10.5.5.9:8080}: the camera's own access point, no credentials. */
    public static CameraAddress accessPoint() {
        return new CameraAddress(ACCESS_POINT_URI, Optional.empty(), Optional.empty());
    }

    /**
     * The camera on USB: {@code http://172.2X.1YZ.51:8080} where {@code XYZ} are the last three
     * digits of the serial number (serial {@code C0000123456789} gives {@code 172.27.189.51}).
     *
     * @throws IllegalArgumentException when the serial does not end with three digits
     */
    public static CameraAddress usb(String serialNumber) {
        return new CameraAddress(URI.create("http://" + usbHost(serialNumber) + ":" + HTTP_PORT),
                Optional.empty(), Optional.empty());
    }

    /**
     * The USB host address of a camera: {@code 172.2X.1YZ.51} from the serial's last three digits
     * {@code XYZ}.
     *
     * @throws IllegalArgumentException when the serial does not end with three ASCII digits
     */
    public static String usbHost(String serialNumber) {
        Objects.requireNonNull(serialNumber, "serialNumber");
        String s = serialNumber.trim();
        if (s.length() < 3) {
            throw new IllegalArgumentException("a serial number ends with three digits, was '" + s + "'");
        }
        char x = s.charAt(s.length() - 3);
        char y = s.charAt(s.length() - 2);
        char z = s.charAt(s.length() - 1);
        if (!isDigit(x) || !isDigit(y) || !isDigit(z)) {
            throw new IllegalArgumentException("a serial number ends with three digits, was '" + s + "'");
        }
        return "172.2" + x + ".1" + y + z + ".51";
    }

    /**
     * A camera on the home network (COHN): {@code https://host}, Basic auth, and trust anchored
     * to {@code rootCa} only (the certificate the camera returns from {@code /GoProRootCA.crt} or
     * over BLE). The camera is reached by IP; its certificate must chain to {@code rootCa}, and
     * no host name check applies (see {@link CohnTrust}).
     *
     * @param host the camera's IP address on the home network, optionally with {@code :port}
     *     (default 443)
     */
    public static CameraAddress cohn(String host, BasicCredentials credentials, X509Certificate rootCa) {
        Objects.requireNonNull(host, "host");
        return new CameraAddress(URI.create("https://" + host), Optional.of(credentials), Optional.of(rootCa));
    }

    /**
     * Any base URI; a path, query or fragment is ignored. User info ({@code
     * http://user:password@host}) is refused: a password in a URL ends up in the process list,
     * shell history and logs. Pass credentials with {@link #withCredentials} (CLI: {@code --user U
     * --password-file F}).
     *
     * @throws IllegalArgumentException when it is not an {@code http(s)} URI with a host, or
     *     carries user info (the message names the URI without it)
     */
    public static CameraAddress of(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalArgumentException("base URI must be http(s)://host[:port], was " + label(uri));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(USER_INFO_REFUSED + " (" + label(uri) + ")");
        }
        return new CameraAddress(URI.create(label(uri)), Optional.empty(), Optional.empty());
    }

    /** A copy that sends these Basic credentials. */
    public CameraAddress withCredentials(BasicCredentials c) {
        return new CameraAddress(baseUri, Optional.of(c), rootCa);
    }

    /** A copy whose https certificate must chain to this root CA only. */
    public CameraAddress withRootCa(X509Certificate ca) {
        return new CameraAddress(baseUri, credentials, Optional.of(ca));
    }

    /** {@code true} for {@code https}. */
    public boolean secure() {
        return "https".equals(baseUri.getScheme());
    }

    /** {@code scheme://host[:port]} of a URI: never user info, path, query or fragment. */
    public static String label(URI uri) {
        int port = uri.getPort();
        String host = uri.getHost();
        return uri.getScheme() + "://" + (host == null ? "?" : host) + (port < 0 ? "" : ":" + port);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The base URI, whether credentials are set, and the root CA's subject: never the password. */
    @Override
    public String toString() {
        return "CameraAddress[" + baseUri + credentials.map(c -> ", user " + c.username()).orElse("")
                + rootCa.map(c -> ", root CA " + c.getSubjectX500Principal().getName()).orElse("") + "]";
    }
}
