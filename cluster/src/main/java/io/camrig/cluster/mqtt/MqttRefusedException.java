package io.camrig.cluster.mqtt;

import io.camrig.proto.error.PermanentCamrigException;

/** The broker refused a publish or subscription (for example: not authorised for that topic). */
public class MqttRefusedException extends PermanentCamrigException {
    public MqttRefusedException(String operation, String reason) {
        super("broker refused: " + reason, null, operation, null);
    }
}
