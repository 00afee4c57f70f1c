package io.camrig.proto.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.proto.codec.MessageDecoder;
import io.camrig.proto.codec.RequestDecoder;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.CommandResponse;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.proto.pb.EnumCameraControlStatus;
import org.junit.jupiter.api.Test;

class MessageJsonTest {
    private static final String COHN_STATUS = "f5 ef 08 01 10 1b 1a 05 67 6f 70 72 6f 22 0c 47 7a 74 32 6d 36 59 4d 76 4c 41"
            + " 6f 2a 0e 31 39 32 2e 31 36 38 2e 35 30 2e 31 30 33 30 01 3a 0a 64 61 62 75 67 64 61 62 75 67 42 0c 32 34"
            + " 37 34 66 37 66 36 36 31 30 34";

    private static ObjectNode json(GoProUuid c, String hex) {
        byte[] raw = bytes(hex);
        return MessageJson.toJson(MessageDecoder.decode(c, raw), raw, false);
    }

    private static JsonNode tree(String json) throws Exception {
        return MessageJson.mapper().readTree(json);
    }

    @Test
    void queryResponseWithTypedValues() throws Exception {
        assertThat(json(GoProUuid.QUERY_RESPONSE, "13 00 08 01 00 0a 01 01 46 01 57 1e 02 47 50 f0 03 01 02 03")).isEqualTo(tree("""
                {"characteristic":"GP-0077","kind":"query_response","id":19,"name":"get_status_values",
                 "status":"success","values":{"8":false,"10":true,"70":87,"30":"GP","240":"010203"},
                 "message":"13000801000a0101460157"""
                + "1e024750f003010203\"}"));
    }

    @Test
    void pushNotification() throws Exception {
        assertThat(json(GoProUuid.QUERY_RESPONSE, "92 00 02 01 04")).isEqualTo(tree("""
                {"characteristic":"GP-0077","kind":"push_notification","id":146,"name":"setting_value_push",
                 "status":"success","values":{"2":4},"message":"9200020104"}"""));
    }

    @Test
    void capabilitiesAreArrays() throws Exception {
        assertThat(json(GoProUuid.QUERY_RESPONSE, "32 00 02 01 01 02 01 04 03 01 00").get("values")).isEqualTo(tree("""
                {"2":[1,4],"3":[0]}"""));
    }

    @Test
    void zeroLengthCapabilityEntriesMeanNoOptionAvailable() throws Exception {
        // setting 2: no option now; setting 3: option 0
        assertThat(json(GoProUuid.QUERY_RESPONSE, "a2 00 02 00 03 01 00").get("values")).isEqualTo(tree("""
                {"2":[],"3":[0]}"""));
    }

    @Test
    void aProtobufPairTheCatalogDoesNotKnowPrintsAsProtobufWithRawFields() throws Exception {
        assertThat(json(GoProUuid.QUERY_RESPONSE, "f5 ff 08 96 01 12 02 ab cd")).isEqualTo(tree("""
                {"characteristic":"GP-0077","kind":"protobuf","feature":245,"action":255,
                 "fields":{"1":[150],"2":["abcd"]},"message":"f5ff0896011202abcd"}"""));
    }

    @Test
    void hardwareInfoResponseIsParsed() throws Exception {
        HardwareInfo h = new HardwareInfo(62, "HERO12 Black", "H23.01.01.99.56", "C3501324500702", "GP24500702", "2674f7f66104");
        CommandResponse r = new CommandResponse(0x3C, TlvStatus.SUCCESS, h.encode());
        ObjectNode node = MessageJson.toJson(r);
        assertThat(node.get("kind").asText()).isEqualTo("command_response");
        assertThat(node.get("name").asText()).isEqualTo("get_hardware_info");
        assertThat(node.get("response")).isEqualTo(tree("""
                {"model_number":62,"model_name":"HERO12 Black","firmware_version":"H23.01.01.99.56",
                 "serial_number":"C3501324500702","ap_ssid":"GP24500702","ap_mac_address":"2674f7f66104"}"""));
    }

    @Test
    void openGoProVersionAndBrokenPayloads() throws Exception {
        assertThat(json(GoProUuid.COMMAND_RESPONSE, "51 00 01 02 01 00").get("response")).isEqualTo(tree("""
                {"major":2,"minor":0}"""));
        ObjectNode broken = json(GoProUuid.COMMAND_RESPONSE, "51 00 01 02 01");
        assertThat(broken.has("response")).isFalse();
        assertThat(broken.get("response_error").asText()).contains("minor");
        assertThat(json(GoProUuid.COMMAND_RESPONSE, "01 02")).isEqualTo(tree("""
                {"characteristic":"GP-0073","kind":"command_response","id":1,"name":"set_shutter",
                 "status":"invalid_parameter","message":"0102"}"""));
    }

    @Test
    void settingResponseAndKeepAlive() throws Exception {
        assertThat(json(GoProUuid.SETTINGS_RESPONSE, "02 00")).isEqualTo(tree("""
                {"characteristic":"GP-0075","kind":"setting_response","id":2,"name":"video_resolution",
                 "status":"success","message":"0200"}"""));
        assertThat(json(GoProUuid.SETTINGS_RESPONSE, "5b 00").get("name").asText()).isEqualTo("keep_alive");
    }

    @Test
    void protobufFieldsUseProtoNames() throws Exception {
        assertThat(json(GoProUuid.COMMAND_RESPONSE, "f1 e9 08 01")).isEqualTo(tree("""
                {"characteristic":"GP-0073","kind":"protobuf","feature":241,"action":233,"name":"ResponseGeneric",
                 "operation":"set_camera_control","fields":{"result":"RESULT_SUCCESS"},"message":"f1e90801"}"""));
    }

    @Test
    void cohnPasswordIsRedactedUnlessAsked() {
        ObjectNode hidden = json(GoProUuid.QUERY_RESPONSE, COHN_STATUS);
        assertThat(hidden.get("fields").get("password").asText()).isEqualTo("***");
        assertThat(hidden.get("fields").get("ipaddress").asText()).isEqualTo("192.168.50.103");
        assertThat(hidden.get("redacted").asBoolean()).isTrue();
        assertThat(hidden.has("message")).isFalse();
        assertThat(hidden.toString()).doesNotContain("Gzt2m6YMvLAo").doesNotContain("477a74");

        byte[] raw = bytes(COHN_STATUS);
        ObjectNode shown = MessageJson.toJson(MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, raw), raw, true);
        assertThat(shown.get("fields").get("password").asText()).isEqualTo("Gzt2m6YMvLAo");
        assertThat(shown.has("redacted")).isFalse();
        assertThat(shown.get("message").asText()).startsWith("f5ef");
    }

    @Test
    void unknownMessage() throws Exception {
        assertThat(json(GoProUuid.COMMAND_RESPONSE, "99 00 01")).isEqualTo(tree("""
                {"characteristic":"GP-0073","kind":"unknown","id":153,"message":"990001"}"""));
    }

    @Test
    void requests() throws Exception {
        assertThat(MessageJson.toJson(RequestDecoder.decode(GoProUuid.COMMAND, bytes("3e 02 03 e8")))).isEqualTo(tree("""
                {"characteristic":"GP-0072","kind":"command_request","id":62,"name":"load_preset_group",
                 "params":["03e8"],"message":"3e0203e8"}"""));
        assertThat(MessageJson.toJson(RequestDecoder.decode(GoProUuid.SETTINGS, bytes("5b 01 42")))).isEqualTo(tree("""
                {"characteristic":"GP-0074","kind":"setting_request","id":91,"name":"keep_alive","value":66,
                 "message":"5b0142"}"""));
        assertThat(MessageJson.toJson(RequestDecoder.decode(GoProUuid.QUERY, bytes("53 08 0a")))).isEqualTo(tree("""
                {"characteristic":"GP-0076","kind":"query_request","id":83,"name":"register_status_value_updates",
                 "ids":[8,10],"message":"53080a"}"""));
        var control = RequestEncoder.setCameraControl(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL);
        assertThat(MessageJson.toJson(RequestDecoder.decode(control.characteristic(), control.bytes()))).isEqualTo(tree("""
                {"characteristic":"GP-0072","kind":"protobuf_request","feature":241,"action":105,
                 "name":"RequestSetCameraControlStatus","operation":"set_camera_control",
                 "fields":{"camera_control_status":"CAMERA_EXTERNAL_CONTROL"},"message":"f1690802"}"""));
    }

    @Test
    void connectNewApRequestBytesAreRedacted() {
        byte[] raw = bytes("02 05 0a 04 68 6f 6d 65 12 06 73 65 63 72 65 74");
        ObjectNode node = MessageJson.toJson(RequestDecoder.decode(GoProUuid.NETWORK_MANAGEMENT_COMMAND, raw), raw, false);
        assertThat(node.get("kind").asText()).isEqualTo("protobuf_request");
        assertThat(node.get("name").asText()).isEqualTo("RequestConnectNew");
        assertThat(node.at("/fields/ssid").asText()).isEqualTo("home");
        assertThat(node.at("/fields/password").asText()).isEqualTo("***");
        assertThat(node.toString()).doesNotContain("secret");
        assertThat(node.get("redacted").asBoolean()).isTrue();
        assertThat(node.has("message")).isFalse();
    }

    /** Hex as the spec prints it: "05:12:00", "05 12 00" or "051200". */
    private static byte[] bytes(String hex) {
        return java.util.HexFormat.of().parseHex(hex.replaceAll("[\\s:]", ""));
    }
}
