package io.camrig.cli.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traces built from the Open GoPro tutorials' packet logs, decoded to JSON Lines. */
class TraceDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tutorial 3: Get Hardware Info response, six packets (13-bit extended header, length 0x62). */
    private static final String[] HARDWARE_INFO = {
        "GP-0073 20:62:3c:00:04:00:00:00:3e:0c:48:45:52:4f:31:32:20:42:6c:61",
        "GP-0073 80:63:6b:04:30:78:30:35:0f:48:32:33:2e:30:31:2e:30:31:2e:39",
        "GP-0073 81:39:2e:35:36:0e:43:33:35:30:31:33:32:34:35:30:30:37:30:32",
        "GP-0073 82:11:48:45:52:4f:31:32:20:42:6c:61:63:6b:64:65:62:75:67:0c",
        "GP-0073 83:32:36:37:34:66:37:66:36:36:31:30:34:01:00:01:01:01:00:02",
        "GP-0073 84:5b:5d:01:01"};

    /** Tutorial 9: NotifyCOHNStatus, four packets on the query response characteristic. */
    private static final String[] COHN_STATUS = {
        "gp-0077 20 47 f5 ef 08 01 10 1b 1a 05 67 6f 70 72 6f 22 0c 47 7a 74",
        "gp-0077 80 32 6d 36 59 4d 76 4c 41 6f 2a 0e 31 39 32 2e 31 36 38 2e",
        "gp-0077 81 35 30 2e 31 30 33 30 01 3a 0a 64 61 62 75 67 64 61 62 75",
        "gp-0077 82 67 42 0c 32 34 37 34 66 37 66 36 36 31 30 34"};

    private record Run(List<JsonNode> objects, TraceDecoder.Result result) {
        JsonNode get(int i) {
            return objects.get(i);
        }
    }

    private static Run decode(boolean showSecrets, String... lines) throws IOException {
        StringWriter out = new StringWriter();
        TraceDecoder.Result result = new TraceDecoder(showSecrets).decode(new StringReader(String.join("\n", lines)), out);
        List<JsonNode> objects = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isEmpty()) {
                objects.add(JSON.readTree(line));
            }
        }
        return new Run(objects, result);
    }

    private static Run decode(String... lines) throws IOException {
        return decode(false, lines);
    }

    @Test
    void multiPacketHardwareInfo() throws IOException {
        Run run = decode(HARDWARE_INFO);
        assertThat(run.result()).isEqualTo(new TraceDecoder.Result(1, 0));
        JsonNode m = run.get(0);
        assertThat(m.get("line").asInt()).isEqualTo(6);
        assertThat(m.get("characteristic").asText()).isEqualTo("GP-0073");
        assertThat(m.get("kind").asText()).isEqualTo("command_response");
        assertThat(m.get("id").asInt()).isEqualTo(0x3C);
        assertThat(m.get("name").asText()).isEqualTo("get_hardware_info");
        assertThat(m.get("status").asText()).isEqualTo("success");
        assertThat(m.get("response")).isEqualTo(JSON.readTree("""
                {"model_number":62,"model_name":"HERO12 Black","firmware_version":"H23.01.01.99.56",
                 "serial_number":"C3501324500702","ap_ssid":"HERO12 Blackdebug","ap_mac_address":"2674f7f66104"}"""));
        assertThat(m.get("message").asText()).startsWith("3c0004000000").hasSize(2 * 0x62);
    }

    @Test
    void interleavedCharacteristicsReassembleSeparately() throws IOException {
        Run run = decode(
                "# two responses in flight at once, and a setting response between them",
                HARDWARE_INFO[0], COHN_STATUS[0], HARDWARE_INFO[1], COHN_STATUS[1],
                "GP-0075 02:02:00",
                HARDWARE_INFO[2], COHN_STATUS[2], HARDWARE_INFO[3], COHN_STATUS[3],
                "",
                HARDWARE_INFO[4], HARDWARE_INFO[5]);
        assertThat(run.result()).isEqualTo(new TraceDecoder.Result(3, 0));
        assertThat(run.objects()).extracting(o -> o.get("kind").asText())
                .containsExactly("setting_response", "protobuf", "command_response");
        JsonNode cohn = run.get(1);
        assertThat(cohn.get("line").asInt()).isEqualTo(10);
        assertThat(cohn.get("name").asText()).isEqualTo("NotifyCOHNStatus");
        assertThat(cohn.get("fields").get("ipaddress").asText()).isEqualTo("192.168.50.103");
        assertThat(cohn.get("fields").get("state").asText()).isEqualTo("COHN_STATE_NetworkConnected");
        assertThat(cohn.get("fields").get("password").asText()).isEqualTo("***");
        assertThat(cohn.get("redacted").asBoolean()).isTrue();
        assertThat(cohn.has("message")).isFalse();
        assertThat(run.get(2).get("response").get("serial_number").asText()).isEqualTo("C3501324500702");
    }

    @Test
    void badPacketThenGoodMessage() throws IOException {
        Run run = decode(
                "GP-0073 81:39:2e:35:36",          // continuation without a start
                "GP-0073 02:01:00",                // set shutter: success
                HARDWARE_INFO[0], "GP-0073 82:63:6b", // counter 2 where 0 is due
                "GP-0073 02:3e:00");               // load preset group: success
        assertThat(run.result()).isEqualTo(new TraceDecoder.Result(2, 2));
        assertThat(run.get(0).get("type").asText()).isEqualTo("ContinuationWithoutStartException");
        assertThat(run.get(0).get("characteristic").asText()).isEqualTo("GP-0073");
        assertThat(run.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(run.get(0).get("error").asText()).isNotEmpty();
        assertThat(run.get(1).get("name").asText()).isEqualTo("set_shutter");
        assertThat(run.get(2).get("type").asText()).isEqualTo("CounterOutOfSequenceException");
        assertThat(run.get(3).get("name").asText()).isEqualTo("load_preset_group");
    }

    @Test
    void startPacketMidMessageReportsTheLostMessageAndKeepsTheNewOne() throws IOException {
        Run run = decode(HARDWARE_INFO[0], HARDWARE_INFO[1], "GP-0073 02:01:00");
        assertThat(run.objects()).extracting(o -> o.path("type").asText(o.path("kind").asText()))
                .containsExactly("IncompleteMessageException", "command_response");
        assertThat(run.get(0).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void undecodableMessageIsAnErrorAndDecodingGoesOn() throws IOException {
        Run run = decode("GP-0077 04:12:00:02:05", "GP-0077 05:12:00:02:01:09");
        assertThat(run.get(0).get("type").asText()).isEqualTo("MalformedMessageException");
        assertThat(run.get(0).get("error").asText()).contains("declares 5 value bytes");
        assertThat(run.get(1)).isEqualTo(JSON.readTree("""
                {"line":2,"characteristic":"GP-0077","kind":"query_response","id":18,"name":"get_setting_values",
                 "status":"success","values":{"2":9},"message":"1200020109"}"""));
    }

    @Test
    void unfinishedMessageAtEndOfInput() throws IOException {
        Run run = decode("GP-0075 02:02:00", HARDWARE_INFO[0], HARDWARE_INFO[1], "GP-0077 05:92:00:02:01:04");
        assertThat(run.result()).isEqualTo(new TraceDecoder.Result(2, 1));
        JsonNode last = run.get(2);
        assertThat(last.get("type").asText()).isEqualTo("IncompleteMessageException");
        assertThat(last.get("characteristic").asText()).isEqualTo("GP-0073");
        assertThat(last.get("line").asInt()).as("line of the unfinished message's first packet").isEqualTo(2);
        assertThat(last.get("error").asText()).contains("37 of 98");
    }

    @Test
    void readLinesCarryWholeValues() throws IOException {
        Run run = decode(
                "GP-0002 64:65:62:75:67:68:65:72:6F:31:31",   // tutorial 6: SSID "debughero11"
                "GP-0003 66:3F:54:2D:38:35:72:2D:4E:35:63",   // tutorial 1: the AP password
                "GP-0005 01");
        assertThat(run.result()).isEqualTo(new TraceDecoder.Result(3, 0));
        assertThat(run.get(0)).isEqualTo(JSON.readTree("""
                {"line":1,"characteristic":"GP-0002","kind":"read","name":"wifi_ap_ssid","value":"debughero11",
                 "message":"64656275676865726f3131"}"""));
        assertThat(run.get(1)).isEqualTo(JSON.readTree("""
                {"line":2,"characteristic":"GP-0003","kind":"read","name":"wifi_ap_password","value":"***",
                 "redacted":true}"""));
        assertThat(run.get(2).get("value").asInt()).isEqualTo(1);
    }

    @Test
    void showSecretsPrintsThePassword() throws IOException {
        Run run = decode(true, "GP-0003 66:3F:54:2D:38:35:72:2D:4E:35:63");
        assertThat(run.get(0).get("value").asText()).isEqualTo("f?T-85r-N5c");
        assertThat(run.get(0).has("redacted")).isFalse();
        Run cohn = decode(true, COHN_STATUS);
        assertThat(cohn.get(0).get("fields").get("password").asText()).isEqualTo("Gzt2m6YMvLAo");
    }

    @Test
    void badLineSyntaxIsReportedAndSkipped() throws IOException {
        Run run = decode("GP-0073", "GP-9999 01 00", "GP-0073 0z", "GP-0073 010", "GP-0001 00", "hello world",
                "GP-0073 02:01:00");
        assertThat(run.result()).isEqualTo(new TraceDecoder.Result(1, 6));
        assertThat(run.objects().subList(0, 6)).extracting(o -> o.get("type").asText())
                .containsOnly("TraceSyntaxException");
        assertThat(run.get(1).get("characteristic").asText()).isEqualTo("GP-9999");
        assertThat(run.get(6).get("kind").asText()).isEqualTo("command_response");
    }

    @Test
    void clientWritesDecodeAsRequests() throws IOException {
        Run run = decode("GP-0072 03:01:01:01", "GP-0074 03:5b:01:42", "GP-0076 04:12:02:03:79", "GP-0072 04:f1:6b:08:00");
        assertThat(run.objects()).extracting(o -> o.get("kind").asText() + " " + o.path("name").asText())
                .containsExactly("command_request set_shutter", "setting_request keep_alive",
                        "query_request get_setting_values", "protobuf_request RequestSetTurboActive");
        assertThat(run.get(2).get("ids")).isEqualTo(JSON.readTree("[2,3,121]"));
    }

    @Test
    void everyMessageKindOfTheCatalogDecodes() throws IOException {
        Run run = decode(
                "GP-0073 02:0f:00",                                   // command response (set local date time)
                "GP-0075 02:02:00",                                   // setting response
                "GP-0077 0b:12:00:02:01:09:03:01:00:79:01:00",        // query response
                "GP-0077 08:a2:00:03:01:05:03:01:08",                 // capability push, one entry per option
                "GP-0092 06:02:82:08:01:10:02",                       // protobuf response (scan started)
                "GP-0092 0a:02:0b:08:05:10:01:18:05:20:01",           // protobuf notification (scan done)
                "GP-0073 02:f1:02",                                   // protobuf error: feature and status only
                "GP-0077 03:ee:00:00",                                // an id nobody knows
                "GP-0091 02:02:02",                                   // protobuf request (start scan)
                "GP-0072 0c:0f:0a:07:e8:04:04:0d:00:05:fe:5c:01",     // command request with a 10-byte parameter
                "GP-0076 03:13:08:0a",                                // query request
                "GP-0072 02:99:00");                                  // a request nobody knows
        assertThat(run.objects()).extracting(o -> o.get("kind").asText() + " " + o.path("name").asText())
                .containsExactly("command_response set_local_date_time", "setting_response video_resolution",
                        "query_response get_setting_values", "push_notification setting_capability_push",
                        "protobuf ResponseStartScanning", "protobuf NotifStartScanning", "protobuf_error ",
                        "unknown ", "protobuf_request RequestStartScan", "command_request set_local_date_time",
                        "query_request get_status_values", "unknown_request ");
        assertThat(run.get(3).at("/values/3")).isEqualTo(JSON.readTree("[5, 8]"));
        assertThat(run.get(5).at("/fields/scanning_state").asText()).isEqualTo("SCANNING_SUCCESS");
        assertThat(run.get(5).get("operation").asText()).isEqualTo("scan_for_access_points");
        assertThat(run.get(6).get("feature").asInt()).isEqualTo(0xF1);
        assertThat(run.get(6).get("status").asText()).isEqualTo("invalid_parameter");
        assertThat(run.result().errors()).isZero();
    }
}
