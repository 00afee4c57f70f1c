package io.camrig.cluster.broker;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.camrig.cluster.Topics;
import java.nio.ByteBuffer;

/**
 * The embedded broker's login and authorisation: a user name is a node id or
 * {@value Topics#COORDINATOR}; its password must be the one derived from the broker's secret. A
 * node may publish only under {@code camrig/v1/node/<its id>/} and read only its own commands,
 * clock answers and the fire; the coordinator publishes under {@code camrig/v1/coord/} and reads
 * every node's topics. Everything else is denied (an MQTT 5 publisher gets reason code "not
 * authorized").
 */
final class ClusterAuthenticator implements SimpleAuthenticator {
    private final BrokerSecret secret;

    ClusterAuthenticator(BrokerSecret secret) {
        this.secret = secret;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        String user = input.getConnectPacket().getUserName().orElse("");
        byte[] password = input.getConnectPacket().getPassword().map(ClusterAuthenticator::bytes).orElse(new byte[0]);
        boolean coordinator = Topics.COORDINATOR.equals(user);
        boolean node;
        try {
            node = !coordinator && Topics.requireNodeId(user) != null;
        } catch (IllegalArgumentException e) {
            node = false;
        }
        if (!(coordinator || node) || !secret.verifies(user, password)) {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
            return;
        }
        var permissions = output.getDefaultPermissions();
        permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        if (coordinator) {
            permissions.add(allow(Topics.ROOT + "/coord/#", TopicPermission.MqttActivity.PUBLISH));
            permissions.add(allow(Topics.ROOT + "/node/#", TopicPermission.MqttActivity.SUBSCRIBE));
        } else {
            permissions.add(allow(Topics.ROOT + "/node/" + user + "/#", TopicPermission.MqttActivity.PUBLISH));
            permissions.add(allow(Topics.command(user), TopicPermission.MqttActivity.SUBSCRIBE));
            permissions.add(allow(Topics.clockAnswer(user), TopicPermission.MqttActivity.SUBSCRIBE));
            permissions.add(allow(Topics.fire(), TopicPermission.MqttActivity.SUBSCRIBE));
        }
        output.authenticateSuccessfully();
    }

    private static TopicPermission allow(String filter, TopicPermission.MqttActivity activity) {
        return Builders.topicPermission().topicFilter(filter).activity(activity)
                .type(TopicPermission.PermissionType.ALLOW).build();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
