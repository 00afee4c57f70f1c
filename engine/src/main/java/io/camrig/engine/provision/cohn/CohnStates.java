package io.camrig.engine.provision.cohn;

import io.camrig.proto.pb.EnumCOHNStatus;
import io.camrig.proto.pb.NotifyCOHNStatus;

/** Readings of NotifyCOHNStatus. */
final class CohnStates {
    private CohnStates() {
    }

    /** COHN_PROVISIONED with an IP address: the camera can be reached over HTTPS. */
    static boolean reachable(NotifyCOHNStatus s) {
        return s.getStatus() == EnumCOHNStatus.COHN_PROVISIONED && !s.getIpaddress().isBlank();
    }

    /** PEM text compared without regard to line endings and surrounding white space. */
    static boolean samePem(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    private static String normalize(String pem) {
        return pem.replace("\r\n", "\n").strip();
    }
}
