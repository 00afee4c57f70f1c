package io.camrig.ble.packet;

/**
 * Packet sequences transcribed by hand from the Open GoPro tutorials' logs (facts, not code).
 * {@link TutorialLogTest} also finds them in the spec files themselves at test time.
 */
final class SpecVectors {
    private SpecVectors() {
    }

    /** Tutorial 3, Get Hardware Info (Python log): extended 13-bit header, 0x062 = 98 bytes. */
    static final String[] HARDWARE_INFO_98 = {
        "20:62:3c:00:04:00:00:00:3e:0c:48:45:52:4f:31:32:20:42:6c:61",
        "80:63:6b:04:30:78:30:35:0f:48:32:33:2e:30:31:2e:30:31:2e:39",
        "81:39:2e:35:36:0e:43:33:35:30:31:33:32:34:35:30:30:37:30:32",
        "82:11:48:45:52:4f:31:32:20:42:6c:61:63:6b:64:65:62:75:67:0c",
        "83:32:36:37:34:66:37:66:36:36:31:30:34:01:00:01:01:01:00:02",
        "84:5b:5d:01:01",
    };

    /** Tutorial 3, Get Hardware Info (Kotlin log): 0x05B = 91 bytes. */
    static final String[] HARDWARE_INFO_91 = {
        "20:5B:3C:00:04:00:00:00:3E:0C:48:45:52:4F:31:32:20:42:6C:61",
        "80:63:6B:04:30:78:30:35:0F:48:32:33:2E:30:31:2E:30:31:2E:39",
        "81:39:2E:35:36:0E:43:33:35:30:31:33:32:34:35:30:30:37:30:32",
        "82:0A:47:50:32:34:35:30:30:37:30:32:0C:32:36:37:34:66:37:66",
        "83:36:36:31:30:34:01:00:01:01:01:00:02:5B:5D:01:01",
    };

    /** Tutorial 6, Get AP scan results (protobuf, feature 0x02 action 0x83): 0x076 = 118 bytes. */
    static final String[] SCAN_RESULTS_118 = {
        "20:76:02:83:08:01:10:01:1a:13:0a:0a:64:61:62:75:67:64:61:62",
        "80:75:67:10:03:20:e4:28:28:2f:1a:13:0a:0a:41:54:54:54:70:34",
        "81:72:36:46:69:10:02:20:f1:2c:28:01:1a:13:0a:0a:41:54:54:62",
        "82:37:4a:67:41:77:61:10:02:20:99:2d:28:01:1a:16:0a:0d:52:69",
        "83:6e:67:20:53:65:74:75:70:20:65:37:10:01:20:ec:12:28:00:1a",
        "84:17:0a:0e:48:6f:6d:65:79:6e:65:74:5f:32:47:45:58:54:10:01",
        "85:20:85:13:28:01",
    };

    /** Tutorial 9, COHN status (protobuf, feature 0xF5 action 0xEF): 0x047 = 71 bytes. */
    static final String[] COHN_STATUS_71 = {
        "20:47:f5:ef:08:01:10:1b:1a:05:67:6f:70:72:6f:22:0c:47:7a:74",
        "80:32:6d:36:59:4d:76:4c:41:6f:2a:0e:31:39:32:2e:31:36:38:2e",
        "81:35:30:2e:31:30:33:30:01:3a:0a:64:61:62:75:67:64:61:62:75",
        "82:67:42:0c:32:34:37:34:66:37:66:36:36:31:30:34",
    };
}
